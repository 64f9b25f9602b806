"""Every attendance endpoint: members of another location, cooperative roles and anonymous users are refused
(403/404); each role only reaches its own endpoints; a parent sees only their own children."""
from datetime import time, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tenants.attendance.models import Absence, AttendanceRecord, ExtraDayRequest, TimeDispute
from tenants.children.models import Child
from tests.platform.test_isolation import client, endpoints
from tests.tenants.attendance.conftest import at

WORKER_ONLY = {"attendance-tablet", "attendance-check-in", "attendance-check-out", "attendance-register",
               "attendance-planning", "attendance-check-in-api", "attendance-check-out-api",
               "attendance-register-api", "attendance-planning-api"}
ENTREPRENEUR_ONLY = {"attendance-disputes", "attendance-dispute-decide", "attendance-dispute-resolve"}
PARENT_ONLY = {"attendance-my", "attendance-dispute-new"}


@pytest.fixture
def objects(world):
    """One of each attendance object at location A, about Saartje."""
    from tenants.attendance.selectors import at_local, local_today, location_zone

    with at(world.a):
        child = Child.objects.get(pk=world.a.child_id)
        tz, day = location_zone(), local_today() - timedelta(days=1)
        record = AttendanceRecord.objects.create(child=child, date=day, check_in=at_local(day, time(8, 0), tz),
                                                 check_out=at_local(day, time(16, 0), tz),
                                                 registered_at=timezone.now())
        dispute = TimeDispute.objects.create(record=record, original_check_in=record.check_in,
                                             original_check_out=record.check_out,
                                             proposed_check_in=record.check_in, proposed_check_out=record.check_in +
                                             timedelta(hours=7), reason="x", raised_at=timezone.now())
        absence = Absence.objects.create(child=child, kind="sick", start_date=day, end_date=day, reason="x",
                                         reported_at=timezone.now())
        extra = ExtraDayRequest.objects.create(child=child, date=day + timedelta(days=3), start_time=time(8, 0),
                                               end_time=time(12, 0), requested_at=timezone.now(), status="accepted")
    return {"record": record, "dispute": dispute, "absence": absence, "extra": extra}


def attendance_endpoints(objects):
    def value(name, param):
        if param == "format":
            return "json"
        if "dispute" in name:
            return objects["dispute"].pk if name != "attendance-dispute-new" else objects["record"].pk
        if "absence" in name:
            return objects["absence"].pk
        if "extra-day" in name:
            return objects["extra"].pk
        return objects["record"].pk if "record" in name else 1  # check-in/out: replaced in `fixed`

    found = [e for e in endpoints("config.urls_location", value) if e.name.startswith("attendance")]
    names = {e.name for e in found}
    assert WORKER_ONLY | ENTREPRENEUR_ONLY | PARENT_ONLY <= names
    assert {"attendance-record-list", "attendance-absence-list", "attendance-extra-day-list",
            "attendance-dispute-list"} <= names
    return found


def fixed(world, objects):
    """Endpoints with the child id of A in the check-in/out pages."""
    result = []
    for endpoint in attendance_endpoints(objects):
        path = endpoint.path
        if endpoint.name in ("attendance-check-in", "attendance-check-out"):
            path = path.replace("/children/1/", f"/children/{world.a.child_id}/")
        result.append((endpoint.name, path))
    return result


@pytest.mark.parametrize("who", ["b_entrepreneur", "b_staff", "b_parent", "adviser", "coop_admin", "pedagogue",
                                 "anonymous"])
def test_outsiders_are_refused_on_every_attendance_endpoint(world, objects, who):
    user = {"b_entrepreneur": world.b.entrepreneur, "b_staff": world.b.staff, "b_parent": world.b.parent,
            "adviser": world.adviser, "coop_admin": world.coop_admin, "pedagogue": world.pedagogue,
            "anonymous": None}[who]
    for name, path in fixed(world, objects):
        for method in ("get", "post"):
            response = getattr(client(user, world.a.host), method)(path)
            allowed = (302, 403, 404) if user is None and not path.startswith("/api/") else (401, 403, 404)
            assert response.status_code in allowed, (who, method, name, path, response.status_code)
            assert "Saartje" not in response.content.decode(errors="replace"), (who, method, name)
    with at(world.a):
        assert AttendanceRecord.objects.count() == 1 and ExtraDayRequest.objects.count() == 1


def test_a_parent_is_refused_on_the_staff_and_entrepreneur_endpoints(world, objects):
    for name, path in fixed(world, objects):
        if name not in WORKER_ONLY | ENTREPRENEUR_ONLY:
            continue
        for method in ("get", "post"):
            response = getattr(client(world.a.parent, world.a.host), method)(path)
            assert response.status_code in (403, 405), (method, name, response.status_code)


def test_staff_are_refused_on_the_entrepreneurs_and_the_parents_endpoints(world, objects):
    for name, path in fixed(world, objects):
        if name not in ENTREPRENEUR_ONLY | PARENT_ONLY:
            continue
        for method in ("get", "post"):
            response = getattr(client(world.a.staff, world.a.host), method)(path)
            assert response.status_code in (403, 405), (method, name, response.status_code)
    staff = client(world.a.staff, world.a.host)
    assert staff.get("/api/v1/attendance/disputes/").status_code == 403
    assert staff.post("/api/v1/attendance/disputes/", {}).status_code == 403


def test_a_parent_sees_only_their_own_childrens_attendance(world, objects):
    """The parent of two (a parent at A, of Mila) sees nothing of Saartje; Saartje's parent sees it all."""
    other = client(world.two_location_parent, world.a.host)
    for path in ("/api/v1/attendance/records/", "/api/v1/attendance/absences/", "/api/v1/attendance/extra-days/",
                 "/api/v1/attendance/disputes/"):
        assert other.get(path).json()["results"] == [], path
        assert len(client(world.a.parent, world.a.host).get(path).json()["results"]) == 1, path
    for path in (f"/api/v1/attendance/records/{objects['record'].pk}/",
                 f"/api/v1/attendance/absences/{objects['absence'].pk}/",
                 f"/api/v1/attendance/extra-days/{objects['extra'].pk}/",
                 f"/api/v1/attendance/disputes/{objects['dispute'].pk}/",
                 f"/attendance/extra-days/{objects['extra'].pk}/",
                 f"/attendance/stays/{objects['record'].pk}/dispute/"):
        assert other.get(path).status_code == 404, path
    assert other.post(f"/api/v1/attendance/extra-days/{objects['extra'].pk}/cancel/").status_code == 404
    assert "Saartje" not in other.get("/attendance/mine/").content.decode()
    assert "Saartje" in client(world.a.parent, world.a.host).get("/attendance/mine/").content.decode()


def test_members_of_a_reach_their_own_endpoints(world, objects, kdv):
    """The counter-check: the refusals above come from the rules, not from broken endpoints."""
    staff = client(world.a.staff, world.a.host)
    for path in ("/attendance/", "/attendance/register/", "/attendance/planning/", "/api/v1/attendance/register/",
                 "/api/v1/attendance/planning/", "/api/v1/attendance/records/", "/attendance/absences/new/"):
        assert staff.get(path).status_code == 200, path
    owner = client(world.a.entrepreneur, world.a.host)
    for path in ("/attendance/disputes/", f"/attendance/disputes/{objects['dispute'].pk}/resolve/",
                 "/api/v1/attendance/disputes/", "/attendance/extra-days/new/"):
        assert owner.get(path).status_code == 200, path
    parent = client(world.a.parent, world.a.host)
    for path in ("/attendance/mine/", "/attendance/absences/new/", "/attendance/extra-days/new/",
                 f"/attendance/stays/{objects['record'].pk}/dispute/"):
        assert parent.get(path).status_code == 200, path


def test_an_api_token_of_another_location_is_refused(world, objects):
    from rest_framework.authtoken.models import Token

    token, _created = Token.objects.get_or_create(user=world.b.entrepreneur)
    c = Client(HTTP_HOST=world.a.host, HTTP_AUTHORIZATION=f"Token {token.key}")
    for path in ("/api/v1/attendance/records/", "/api/v1/attendance/planning/", "/api/v1/attendance/check-in/"):
        assert c.get(path).status_code in (403, 405)
        assert c.post(path, {"child": world.a.child_id}).status_code in (403, 405)
    with at(world.a):
        assert AttendanceRecord.objects.count() == 1
