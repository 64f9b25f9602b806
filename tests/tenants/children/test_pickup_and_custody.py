"""The entrepreneur records who may pick up (minors 16+ with signed permission) and custody notes."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tenants.children import rules
from tenants.children.models import ChildChange, CustodyNote, PickupPerson
from tests.tenants.conftest import in_schema, make_child

TODAY = date(2026, 6, 15)


@pytest.mark.parametrize("birth_date, is_minor, signed, errors", [
    (None, False, None, set()),                                   # adult, birth date not needed
    (date(1980, 1, 1), False, None, set()),
    (date(2010, 6, 15), False, None, {"permission_signed_on"}),   # turned 16 today, no permission
    (date(2010, 6, 15), False, date(2026, 6, 1), set()),          # 16 today, signed
    (date(2010, 6, 16), False, date(2026, 6, 1), {"birth_date"}),  # 16 tomorrow: too young
    (date(2012, 1, 1), False, None, {"birth_date", "permission_signed_on"}),
    (None, True, date(2026, 6, 1), {"birth_date"}),              # minor without birth date
    (date(2009, 1, 1), True, date(2026, 7, 1), {"permission_signed_on"}),  # signed in the future
    (date(2027, 1, 1), False, None, {"birth_date"}),
])
def test_pickup_person_rules(birth_date, is_minor, signed, errors):
    assert set(rules.pickup_person_errors(birth_date, is_minor, signed, TODAY)) == errors


def years_ago(years, days=0):
    today = timezone.localdate()
    return (date(today.year - years, today.month, min(today.day, 28)) + timedelta(days=days)).isoformat()


def test_entrepreneur_adds_adults_and_minors_of_16_with_permission(world, api):
    child = make_child(world.a)
    client = api(world.a.entrepreneur, world.a)
    adult = client.post("/api/v1/pickup-persons/", {"child": child.pk, "name": "Oma Jo", "relation": "grandmother",
                                                    "phone": "06 1234 5678"})
    assert adult.status_code == 201, adult.content
    young = client.post("/api/v1/pickup-persons/", {"child": child.pk, "name": "Sam", "relation": "neighbour",
                                                    "phone": "06 1", "birth_date": years_ago(15)})
    assert young.status_code == 400 and set(young.json()) == {"birth_date", "permission_signed_on"}
    unsigned = client.post("/api/v1/pickup-persons/", {"child": child.pk, "name": "Lot", "relation": "sister",
                                                       "phone": "06 2", "birth_date": years_ago(16, -3)})
    assert unsigned.status_code == 400 and set(unsigned.json()) == {"permission_signed_on"}
    minor = client.post("/api/v1/pickup-persons/", {"child": child.pk, "name": "Lot", "relation": "sister",
                                                    "phone": "06 2", "birth_date": years_ago(16, -3),
                                                    "permission_signed_on": timezone.localdate().isoformat()})
    assert minor.status_code == 201 and minor.json()["is_minor"] is True
    with in_schema(world.a):
        assert sorted(PickupPerson.objects.filter(child=child).values_list("name", flat=True)) == ["Lot", "Oma Jo"]
        assert ChildChange.objects.filter(child=child, action="pickup_added").count() == 2
    assert client.delete(f"/api/v1/pickup-persons/{adult.json()['id']}/").status_code == 204
    with in_schema(world.a):
        assert ChildChange.objects.filter(child=child, action="pickup_removed").count() == 1


def test_custody_note_with_weekdays_and_errors(world, api, client_for):
    child = make_child(world.a)
    client = api(world.a.entrepreneur, world.a)
    bad = client.post("/api/v1/custody-notes/", {"child": child.pk, "person_name": "Father", "weekdays": [],
                                                 "valid_from": "2026-05-01", "valid_until": "2026-04-01"})
    assert bad.status_code == 400 and {"weekdays", "valid_until"} <= set(bad.json())
    assert client.post("/api/v1/custody-notes/", {"child": child.pk, "person_name": "Father",
                                                  "weekdays": [7]}).status_code == 400
    ok = client.post("/api/v1/custody-notes/", {"child": child.pk, "person_name": "Father", "may_pick_up": False,
                                                "weekdays": [2, 0], "court_order": "Rb. Utrecht C/16/123"})
    assert ok.status_code == 201, ok.content
    with in_schema(world.a):
        assert CustodyNote.objects.get(child=child).weekdays == [0, 2]
    page = client_for(world.a.staff, world.a).get(f"/children/{child.pk}/").content.decode()
    assert "may NOT pick up on" in page and "Monday, Wednesday" in page


def test_pages_add_pickup_person_and_custody_note(world, client_for):
    child = make_child(world.a)
    client = client_for(world.a.entrepreneur, world.a)
    bad = client.post(f"/children/{child.pk}/pickup/", {"name": "Kid", "relation": "cousin", "phone": "1",
                                                        "birth_date": years_ago(14)})
    assert bad.status_code == 400 and "at least 16" in bad.content.decode()
    assert client.post(f"/children/{child.pk}/pickup/", {"name": "Aunt Ria", "relation": "aunt",
                                                         "phone": "06 3"}).status_code == 302
    assert client.post(f"/children/{child.pk}/custody/", {"person_name": "Mother", "may_pick_up": "on",
                                                          "weekdays": ["1", "3"]}).status_code == 302
    page = client.get(f"/children/{child.pk}/").content.decode()
    assert "Aunt Ria" in page and "Tuesday, Thursday" in page


def test_who_may_read_and_write_pickup_and_custody(world, api):
    child = make_child(world.a, guardians=[world.a.parent])
    other = make_child(world.a)
    with in_schema(world.a):
        mine = PickupPerson.objects.create(child=child, name="Opa", relation="grandfather", phone="1")
        theirs = PickupPerson.objects.create(child=other, name="Buurvrouw", relation="neighbour", phone="2")
    parent = api(world.a.parent, world.a)
    assert parent.get(f"/api/v1/pickup-persons/{mine.pk}/").status_code == 200
    assert parent.get(f"/api/v1/pickup-persons/{theirs.pk}/").status_code == 404
    assert "Buurvrouw" not in parent.get("/api/v1/pickup-persons/").content.decode()
    assert api(world.a.staff, world.a).get(f"/api/v1/pickup-persons/{theirs.pk}/").status_code == 200
    for user in (world.a.staff, world.a.parent):
        c = api(user, world.a)
        assert c.post("/api/v1/pickup-persons/", {"child": child.pk, "name": "X", "relation": "y",
                                                  "phone": "1"}).status_code == 403
        assert c.delete(f"/api/v1/pickup-persons/{mine.pk}/").status_code == 403
        assert c.post("/api/v1/custody-notes/", {"child": child.pk, "person_name": "X",
                                                 "weekdays": [1]}).status_code == 403
    for user in (world.b.entrepreneur, world.b.staff, world.b.parent):
        c = api(user, world.a)
        assert c.get(f"/api/v1/pickup-persons/{mine.pk}/").status_code == 403
        assert c.get("/api/v1/custody-notes/").status_code == 403
        assert c.delete(f"/api/v1/pickup-persons/{mine.pk}/").status_code == 403
