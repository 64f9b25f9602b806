"""The entrepreneur fills in a missing BSN: one that fails the eleven-test is a field error (never a 500); a
valid one is stored encrypted and shows in the next file."""
from datetime import date

from django.db import connection

from tests.billing.conftest import at


def test_a_bsn_failing_the_eleven_test_is_a_field_error(billing, client_for):
    world = billing
    client = client_for(world.a.entrepreneur, world.a)
    response = client.post(f"/filings/numbers/child/{world.a.child_id}/", {"bsn": "123456789"})
    assert response.status_code == 400
    assert "eleven-test" in response.content.decode()
    assert client.post(f"/filings/numbers/parent/{world.a.parent.pk}/",
                       {"bsn": "12", "birth_date": "not a date"}).status_code == 400
    assert client.post(f"/filings/numbers/parent/{world.a.parent.pk}/",
                       {"bsn": "", "birth_date": "2999-01-01"}).status_code == 400


def test_a_valid_bsn_is_stored_encrypted(billing, client_for):
    from billing.filings.models import ChildNumbers, ParentNumbers

    world = billing
    client = client_for(world.a.entrepreneur, world.a)
    assert client.post(f"/filings/numbers/child/{world.a.child_id}/", {"bsn": "1112 22 333"}).status_code == 302
    response = client.post(f"/filings/numbers/parent/{world.a.parent.pk}/?filing=x",
                           {"bsn": "123456782", "birth_date": "1990-04-02"})
    assert response.status_code == 302
    with at(world.a):
        assert ChildNumbers.objects.get(child_id=world.a.child_id).bsn == "111222333"
        assert ParentNumbers.objects.get(parent=world.a.parent).birth_date == date(1990, 4, 2)
        with connection.cursor() as cursor:
            cursor.execute("SELECT bsn FROM filings_childnumbers")
            [(raw,)] = cursor.fetchall()
    assert "111222333" not in raw and raw.startswith("gAAAA")  # a Fernet token


def test_someone_who_is_no_parent_here_has_no_numbers_page(billing, client_for):
    world = billing
    client = client_for(world.a.entrepreneur, world.a)
    assert client.get(f"/filings/numbers/parent/{world.b.entrepreneur.pk}/").status_code == 404
    assert client.get("/filings/numbers/child/999999/").status_code == 404
