"""The day roster: which staff member is on which group, from when to when."""
import pytest

from tenants.groups import rules
from tenants.groups.models import Shift, StaffProfile
from tenants.groups.services import create_group
from tests.tenants.conftest import in_schema

DAY = "2026-03-02"


@pytest.mark.parametrize("start, end, others, error", [
    ("08:00", "12:00", [], None),
    ("12:00", "08:00", [], "end_time"),
    ("08:00", "08:00", [], "end_time"),
    ("08:00", "12:00", [("12:00", "18:00")], None),  # back to back is fine
    ("08:00", "12:30", [("12:00", "18:00")], "start_time"),
    ("13:00", "14:00", [("12:00", "18:00")], "start_time"),
])
def test_shift_rules(start, end, others, error):
    from datetime import time

    t = time.fromisoformat
    errors = rules.shift_errors(t(start), t(end), [(t(a), t(b)) for a, b in others])
    assert (next(iter(errors)) if errors else None) == error


@pytest.fixture
def roster(world):
    with in_schema(world.a):
        return {"group": create_group(name="Vlinders", kind="stamgroep"),
                "other": create_group(name="Rupsen", kind="stamgroep"),
                "staff": StaffProfile.objects.create(user=world.a.staff)}


def shift(roster, **data):
    return {"staff": roster["staff"].pk, "group": roster["group"].pk, "date": DAY, "start_time": "08:00",
            "end_time": "13:00", **data}


def test_add_list_and_remove_roster_lines(world, api, roster):
    client = api(world.a.entrepreneur, world.a)
    response = client.post("/api/v1/roster/", shift(roster))
    assert response.status_code == 201, response.content
    assert response.json()["staff_name"] == world.a.staff.full_name
    assert client.post("/api/v1/roster/", shift(roster, group=roster["other"].pk, start_time="13:00",
                                                 end_time="18:00")).status_code == 201
    day = api(world.a.staff, world.a).get("/api/v1/roster/", {"date": DAY}).json()["results"]
    assert [(s["group_name"], s["start_time"]) for s in day] == [("Vlinders", "08:00:00"), ("Rupsen", "13:00:00")]
    only = client.get("/api/v1/roster/", {"date": DAY, "group": roster["other"].pk}).json()["results"]
    assert len(only) == 1
    assert client.get("/api/v1/roster/", {"date": "2026-03-03"}).json()["results"] == []
    assert client.get("/api/v1/roster/", {"date": "tomorrow"}).status_code == 400
    assert client.delete(f"/api/v1/roster/{response.json()['id']}/").status_code == 204


def test_bad_input_is_a_field_error_and_stores_nothing(world, api, roster):
    client = api(world.a.entrepreneur, world.a)
    assert "end_time" in client.post("/api/v1/roster/", shift(roster, end_time="07:00")).json()
    assert "date" in client.post("/api/v1/roster/", shift(roster, date="2026-02-30")).json()
    assert "group" in client.post("/api/v1/roster/", shift(roster, group=999999)).json()
    assert client.post("/api/v1/roster/", shift(roster)).status_code == 201
    overlap = client.post("/api/v1/roster/", shift(roster, group=roster["other"].pk, start_time="12:00",
                                                   end_time="15:00"))
    assert overlap.status_code == 400 and "start_time" in overlap.json()
    with in_schema(world.a):
        assert Shift.objects.count() == 1


def test_roles_and_locations(world, api, client_for, roster):
    with in_schema(world.a):
        line = Shift.objects.create(staff=roster["staff"], group=roster["group"], date=DAY, start_time="08:00",
                                    end_time="12:00")
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        client = api(user, world.a)
        assert client.post("/api/v1/roster/", shift(roster, start_time="13:00", end_time="14:00")).status_code == 403
        assert client.delete(f"/api/v1/roster/{line.pk}/").status_code == 403
        assert client_for(user, world.a).post("/roster/", shift(roster, start_time="13:00",
                                                                end_time="14:00")).status_code == 403
        assert client_for(user, world.a).post(f"/roster/{line.pk}/delete/").status_code == 403
    for user in (world.a.parent, world.b.staff, world.b.entrepreneur):
        assert api(user, world.a).get("/api/v1/roster/").status_code == 403
        assert api(user, world.a).get(f"/api/v1/roster/{line.pk}/").status_code == 403
        assert client_for(user, world.a).get("/roster/").status_code == 403
    with in_schema(world.a):
        assert Shift.objects.count() == 1


def test_roster_page(world, client_for, roster):
    client = client_for(world.a.entrepreneur, world.a)
    page = client.get(f"/roster/?date={DAY}").content.decode()
    assert "Nobody is on the roster" in page and "Add to the roster" in page
    bad = client.post(f"/roster/?date={DAY}", shift(roster, end_time="07:00"))
    assert bad.status_code == 400 and "The end time must be after the start time." in bad.content.decode()
    ok = client.post("/roster/", shift(roster))
    assert ok.status_code == 302 and ok["Location"] == f"/roster/?date={DAY}"
    staff_view = client_for(world.a.staff, world.a).get(f"/roster/?date={DAY}").content.decode()
    assert world.a.staff.full_name in staff_view and "08:00–13:00" in staff_view
    assert "Add to the roster" not in staff_view
    assert client_for(world.a.staff, world.a).get("/roster/?date=garbage").status_code == 200
