"""A childminder sets her backup person (achterwacht) for a day or a range of days, with name and phone.

Source: DESIGN.md "Locations (001)": for a childminder, when more than three children are present a backup
person must be reachable by phone and able to be on site within 15 minutes; "Ratios": from the fourth child
present a backup person must be set for the day."""
from datetime import date, timedelta

import pytest

from tenants.groups import rules
from tenants.groups.models import BackupPerson
from tests.tenants.conftest import in_schema

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(("name", "phone", "first", "last", "fields"), [
    ("Oma Ans", "06 12345678", TODAY, None, set()),
    ("Oma Ans", "+31 6 1234 5678", TODAY, TODAY + timedelta(days=61), set()),
    ("", "06 12345678", TODAY, None, {"name"}),
    ("Oma Ans", "", TODAY, None, {"phone"}),
    ("Oma Ans", "0612", TODAY, None, {"phone"}),                    # too few digits
    ("Oma Ans", "06-1234567a", TODAY, None, {"phone"}),             # a letter
    ("Oma Ans", "06 12345678", TODAY - timedelta(days=1), None, {"first_day"}),
    ("Oma Ans", "06 12345678", None, None, {"first_day"}),
    ("Oma Ans", "06 12345678", TODAY, TODAY - timedelta(days=1), {"last_day"}),
    ("Oma Ans", "06 12345678", TODAY, TODAY + timedelta(days=62), {"last_day"}),
])
def test_backup_rules(name, phone, first, last, fields):
    errors = rules.backup_errors(name=name, phone=phone, first_day=first, last_day=last, today=TODAY)
    assert set(errors) == fields


def test_the_childminder_sets_a_backup_for_a_week_and_sees_it(world, client_for):
    start = date.today()
    client = client_for(world.b.entrepreneur, world.b)
    assert client.get("/backup/").status_code == 200
    response = client.post("/backup/", {"first_day": start.isoformat(), "last_day": (start + timedelta(days=6))
                                        .isoformat(), "name": "Oma Ans", "phone": "06 1234 5678"})
    assert response.status_code == 302
    with in_schema(world.b):
        assert BackupPerson.objects.count() == 7
        assert {backup.phone for backup in BackupPerson.objects.all()} == {"06 1234 5678"}
    page = client.get("/backup/").content.decode()
    assert "Oma Ans" in page and 'href="tel:0612345678"' in page

    client.post("/backup/", {"first_day": start.isoformat(), "name": "Buurman Piet", "phone": "0687654321"})
    with in_schema(world.b):
        assert BackupPerson.objects.get(date=start).name == "Buurman Piet"  # one day changed in one step
        backup = BackupPerson.objects.get(date=start + timedelta(days=1))
    assert client.post(f"/backup/{backup.pk}/delete/").status_code == 302
    with in_schema(world.b):
        assert BackupPerson.objects.count() == 6


@pytest.mark.parametrize(("data", "field"), [
    ({"name": "Oma Ans", "phone": "12"}, "phone"),
    ({"name": "", "phone": "0612345678"}, "name"),
    ({"name": "Oma Ans", "phone": "0612345678", "first_day": "2020-01-01"}, "first_day"),
    ({"name": "Oma Ans", "phone": "0612345678", "first_day": "morgen"}, "first_day"),
    ({"name": "Oma Ans", "phone": "0612345678", "last_day": "2000-01-01"}, "last_day"),
])
def test_bad_input_names_the_field_and_stores_nothing(world, client_for, data, field):
    body = {"first_day": date.today().isoformat(), **data}
    response = client_for(world.b.entrepreneur, world.b).post("/backup/", body)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    with in_schema(world.b):
        assert not BackupPerson.objects.exists()


def test_dutch_field_errors(world, client_for):
    from accounts.models import User

    User.objects.filter(pk=world.b.entrepreneur.pk).update(language="nl")
    response = client_for(world.b.entrepreneur, world.b).post(
        "/backup/", {"first_day": date.today().isoformat(), "name": "Oma Ans", "phone": "12"})
    assert "Vul een telefoonnummer van 10 tot 15 cijfers in" in response.content.decode()


def test_other_roles_and_other_locations_cannot_reach_it(world, client_for):
    with in_schema(world.b):
        backup = BackupPerson.objects.create(date=date.today(), name="Oma Ans", phone="0612345678")
    body = {"first_day": date.today().isoformat(), "name": "X", "phone": "0612345678"}
    for user in (world.b.staff, world.b.parent, world.a.entrepreneur):
        client = client_for(user, world.b)
        assert client.get("/backup/").status_code == 403
        assert client.post("/backup/", body).status_code == 403
        assert client.post(f"/backup/{backup.pk}/delete/").status_code == 403
    with in_schema(world.b):
        assert BackupPerson.objects.get().name == "Oma Ans"


def test_a_location_that_is_not_a_childminder_has_no_backup_page(world, client_for):
    assert client_for(world.a.entrepreneur, world.a).get("/backup/").status_code == 404
