"""Parents report a hospitalisation or quarantine; staff record the day the doctor's certificate came in, which
must be by the fifth working day after the start (Flemish house rules) — shown on the register and the API."""
from datetime import date, timedelta

import pytest

from accounts.models import Membership
from tenants.attendance import rules, selectors
from tenants.attendance.models import Absence
from tenants.children.models import Child
from tenants.children.services import create_child
from tests.conftest import make_user
from tests.tenants.attendance.conftest import at


def report(api, world, kind="hospital", start=None):
    from tenants.attendance.selectors import local_today

    with at(world.a):
        start = start or local_today()
    return api(world.a.parent, world.a).post("/api/v1/attendance/absences/", {
        "child": world.a.child_id, "kind": kind, "start_date": start.isoformat(), "reason": "Opname UZ Gent"})


@pytest.mark.parametrize("kind", ["hospital", "quarantine"])
def test_a_parent_reports_hospitalisation_or_quarantine_and_sees_the_certificate_deadline(world, api, kind):
    response = report(api, world, kind)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["kind"] == kind and data["certificate_received_on"] is None and data["certificate_in_time"] is False
    start = date.fromisoformat(data["start_date"])
    with at(world.a):
        holidays = selectors.certificate_holidays(start)
    assert data["certificate_due"] == rules.certificate_deadline(start, holidays).isoformat()


def test_the_page_tells_the_parent_to_hand_in_a_certificate(world, client_for):
    from tenants.attendance.selectors import local_today

    with at(world.a):
        today = local_today()
    c = client_for(world.a.parent, world.a)
    response = c.post("/attendance/absences/new/", {"child": world.a.child_id, "kind": "quarantine",
                                                    "start_date": today.isoformat(), "reason": "Covid"}, follow=True)
    assert response.status_code == 200
    assert "Hand in a doctor's certificate by" in response.content.decode().replace("&#x27;", "'")


def test_staff_record_the_certificate_in_time_and_late(world, api, client_for):
    absence = report(api, world).json()
    staff = api(world.a.staff, world.a)
    start = date.fromisoformat(absence["start_date"])
    response = staff.post(f"/api/v1/attendance/absences/{absence['id']}/certificate/",
                          {"certificate_received_on": start.isoformat()})
    assert response.status_code == 200, response.content
    assert response.json()["certificate_in_time"] is True
    page = client_for(world.a.staff, world.a)
    assert page.get(f"/attendance/absences/{absence['id']}/certificate/").status_code == 200
    register = page.get(f"/attendance/register/?date={start.isoformat()}").content.decode()
    assert "Certificate received" in register and "too late" not in register
    with at(world.a):
        Absence.objects.filter(pk=absence["id"]).update(start_date=start - timedelta(days=20),
                                                        end_date=start)
    response = page.post(f"/attendance/absences/{absence['id']}/certificate/",
                         {"certificate_received_on": start.isoformat()})
    assert response.status_code == 302
    with at(world.a):
        stored = Absence.objects.get(pk=absence["id"])
        assert stored.certificate_received_on == start
    late = staff.get(f"/api/v1/attendance/absences/{absence['id']}/").json()
    assert late["certificate_in_time"] is False
    assert "too late" in page.get(f"/attendance/register/?date={start.isoformat()}").content.decode()


@pytest.mark.parametrize("body, field", [
    ({}, "certificate_received_on"),
    ({"certificate_received_on": "2026-02-30"}, "certificate_received_on"),
    ({"certificate_received_on": "FUTURE"}, "certificate_received_on"),
])
def test_bad_dates_are_a_400_naming_the_field(world, api, body, field):
    absence = report(api, world).json()
    if body.get("certificate_received_on") == "FUTURE":
        body = {"certificate_received_on": (date.fromisoformat(absence["start_date"]) + timedelta(days=3)).isoformat()}
    response = api(world.a.staff, world.a).post(f"/api/v1/attendance/absences/{absence['id']}/certificate/", body)
    assert response.status_code == 400 and field in response.json()
    with at(world.a):
        assert Absence.objects.get(pk=absence["id"]).certificate_received_on is None


def test_only_hospitalisation_and_quarantine_take_a_certificate(world, api, client_for):
    absence = report(api, world, kind="sick").json()
    response = api(world.a.staff, world.a).post(f"/api/v1/attendance/absences/{absence['id']}/certificate/",
                                                {"certificate_received_on": absence["start_date"]})
    assert response.status_code == 400 and "kind" in response.json()
    assert client_for(world.a.staff, world.a).get(
        f"/attendance/absences/{absence['id']}/certificate/").status_code == 404


def test_parents_other_families_and_other_locations_cannot_record_it(world, api, client_for):
    absence = report(api, world).json()
    other_parent = make_user("family.two@alpha.test", "Family Two")
    Membership.objects.create(user=other_parent, location=world.a.location, role="parent")
    with at(world.a):  # a parent of another family here: a child of her own at the location
        create_child(first_name="Tweede", last_name="Gezin", birth_date=date(2024, 2, 2), guardians=[other_parent])
    body = {"certificate_received_on": absence["start_date"]}
    for user in (world.a.parent, other_parent):  # the wrong role
        assert api(user, world.a).post(f"/api/v1/attendance/absences/{absence['id']}/certificate/",
                                       body).status_code == 403
        assert client_for(user, world.a).get(f"/attendance/absences/{absence['id']}/certificate/").status_code == 403
    assert api(other_parent, world.a).get(f"/api/v1/attendance/absences/{absence['id']}/").status_code == 404
    for user in (world.b.staff, world.b.entrepreneur):
        assert api(user, world.a).post(f"/api/v1/attendance/absences/{absence['id']}/certificate/",
                                       body).status_code in (403, 404)
    with at(world.a):
        assert Absence.objects.get(pk=absence["id"]).certificate_received_on is None
        assert Child.objects.filter(pk=world.a.child_id).exists()
