"""Parents may dispute registered times within 24 hours; the entrepreneur accepts (the register takes the
parent's times, the registered ones stay on the dispute) or rejects with a note."""
from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tenants.attendance import services
from tenants.attendance.models import AttendanceRecord, TimeDispute
from tenants.children.models import Child
from tests.tenants.attendance.conftest import at


@pytest.fixture
def stay(world):
    """Saartje stayed yesterday 08:10–16:50 (location time); the departure was registered just now."""
    from tenants.attendance.selectors import at_local, local_today, location_zone

    with at(world.a):
        tz, day = location_zone(), local_today() - timedelta(days=1)
        return AttendanceRecord.objects.create(
            child=Child.objects.get(pk=world.a.child_id), date=day, check_in=at_local(day, time(8, 10), tz),
            check_out=at_local(day, time(16, 50), tz), registered_at=timezone.now())


def dispute(client, stay, **overrides):
    body = {"record": stay.pk, "check_in": "08:10", "check_out": "16:20", "reason": "Ik was er om 16:20"}
    body.update(overrides)
    return client.post("/api/v1/attendance/disputes/", body)


def test_parent_disputes_and_entrepreneur_accepts(world, client_for, stay):
    parent = client_for(world.a.parent, world.a)
    response = dispute(parent, stay)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "open"

    owner = client_for(world.a.entrepreneur, world.a)
    assert [d["id"] for d in owner.get("/api/v1/attendance/disputes/").json()["results"]] == [data["id"]]
    resolved = owner.post(f"/api/v1/attendance/disputes/{data['id']}/resolve/", {"decision": "accept"})
    assert resolved.status_code == 200, resolved.content
    assert resolved.json()["status"] == "accepted"
    with at(world.a):
        from tenants.attendance.selectors import local_time, location_zone

        record = AttendanceRecord.objects.get(pk=stay.pk)
        assert local_time(record.check_out, location_zone()) == time(16, 20)
        kept = TimeDispute.objects.get(pk=data["id"])
        assert local_time(kept.original_check_out, location_zone()) == time(16, 50)


def test_rejecting_needs_a_note_and_keeps_the_register(world, client_for, stay):
    data = dispute(client_for(world.a.parent, world.a), stay).json()
    owner = client_for(world.a.entrepreneur, world.a)
    response = owner.post(f"/api/v1/attendance/disputes/{data['id']}/resolve/", {"decision": "reject"})
    assert response.status_code == 400 and "note" in response.json()
    response = owner.post(f"/api/v1/attendance/disputes/{data['id']}/resolve/",
                          {"decision": "reject", "note": "Volgens de camera van de inkom 16:50."})
    assert response.json()["status"] == "rejected"
    with at(world.a):
        assert AttendanceRecord.objects.get(pk=stay.pk).check_out == stay.check_out
    again = owner.post(f"/api/v1/attendance/disputes/{data['id']}/resolve/", {"decision": "accept"})
    assert again.status_code == 400 and "status" in again.json()


def test_after_24_hours_a_dispute_is_refused(world, client_for, stay):
    with at(world.a):
        AttendanceRecord.objects.filter(pk=stay.pk).update(registered_at=timezone.now() - timedelta(hours=25))
    response = dispute(client_for(world.a.parent, world.a), stay)
    assert response.status_code == 400 and "record" in response.json()
    with at(world.a):
        assert not TimeDispute.objects.exists()


def test_the_window_is_measured_from_the_registration(world, stay):
    with at(world.a):
        record = AttendanceRecord.objects.get(pk=stay.pk)
        just_in_time = record.registered_at + timedelta(hours=23, minutes=59)
        services.raise_dispute(record, check_in=time(8, 0), check_out=time(16, 50), reason="Eerder gebracht",
                               by=world.a.parent, now=just_in_time)
        assert TimeDispute.objects.count() == 1


@pytest.mark.parametrize("overrides, field", [
    ({"check_in": "8 uur"}, "check_in"),
    ({"check_in": ""}, "check_in"),
    ({"check_out": ""}, "check_out"),
    ({"check_in": "17:00"}, "check_out"),
    ({"reason": ""}, "reason"),
    ({"check_out": "16:50"}, "check_in"),  # the registered times themselves
    ({"record": 999999}, "record"),
])
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(world, client_for, stay, overrides, field):
    response = dispute(client_for(world.a.parent, world.a), stay, **overrides)
    assert response.status_code == 400, response.content
    assert field in response.json()
    with at(world.a):
        assert not TimeDispute.objects.exists()


def test_one_open_dispute_per_stay(world, client_for, stay):
    c = client_for(world.a.parent, world.a)
    assert dispute(c, stay).status_code == 201
    response = dispute(c, stay, check_out="16:30")
    assert response.status_code == 400 and "record" in response.json()


def test_another_parent_cannot_dispute_or_see(world, client_for, stay):
    other = client_for(world.two_location_parent, world.a)
    response = dispute(other, stay)
    assert response.status_code == 400 and "record" in response.json()
    assert other.get(f"/attendance/stays/{stay.pk}/dispute/").status_code == 404
    data = dispute(client_for(world.a.parent, world.a), stay).json()
    assert other.get(f"/api/v1/attendance/disputes/{data['id']}/").status_code == 404
    assert other.get("/api/v1/attendance/disputes/").json()["results"] == []


def test_staff_neither_dispute_nor_resolve(world, client_for, stay):
    data = dispute(client_for(world.a.parent, world.a), stay).json()
    staff = client_for(world.a.staff, world.a)
    assert dispute(staff, stay).status_code == 403
    assert staff.post(f"/api/v1/attendance/disputes/{data['id']}/resolve/", {"decision": "accept"}).status_code == 403
    assert staff.get("/attendance/disputes/").status_code == 403
    assert client_for(world.a.parent, world.a).post(
        f"/api/v1/attendance/disputes/{data['id']}/resolve/", {"decision": "accept"}).status_code == 403


def test_the_pages_parent_disputes_and_entrepreneur_decides(world, client_for, stay):
    parent = client_for(world.a.parent, world.a)
    portal = parent.get("/attendance/mine/").content.decode()
    assert f"/attendance/stays/{stay.pk}/dispute/" in portal
    form = parent.get(f"/attendance/stays/{stay.pk}/dispute/")
    assert form.status_code == 200 and 'value="16:50"' in form.content.decode()
    bad = parent.post(f"/attendance/stays/{stay.pk}/dispute/", {"check_in": "08:10", "check_out": "07:00",
                                                                "reason": "x"})
    assert bad.status_code == 400 and 'id="id_check_out_error"' in bad.content.decode()
    sent = parent.post(f"/attendance/stays/{stay.pk}/dispute/", {"check_in": "08:10", "check_out": "16:20",
                                                                 "reason": "Om 16:20 opgehaald"})
    assert sent.status_code == 302
    assert f"/attendance/stays/{stay.pk}/dispute/" not in parent.get("/attendance/mine/").content.decode()

    owner = client_for(world.a.entrepreneur, world.a)
    with at(world.a):
        pk = TimeDispute.objects.get().pk
    listing = owner.get("/attendance/disputes/").content.decode()
    assert "Om 16:20 opgehaald" in listing
    assert owner.post(f"/attendance/disputes/{pk}/resolve/", {"decision": "reject"}).status_code == 400
    done = owner.post(f"/attendance/disputes/{pk}/resolve/", {"decision": "accept"})
    assert done.status_code == 302
    with at(world.a):
        assert TimeDispute.objects.get().status == "accepted"
    assert owner.get(f"/attendance/disputes/{pk}/resolve/").status_code == 404


def test_service_refuses_a_resolved_dispute(world, stay):
    with at(world.a):
        record = AttendanceRecord.objects.get(pk=stay.pk)
        item = services.raise_dispute(record, check_in=time(8, 0), check_out=time(16, 50), reason="x",
                                      by=world.a.parent)
        services.resolve_dispute(item, accept=False, note="Nee", by=world.a.entrepreneur)
        with pytest.raises(ValidationError):
            services.resolve_dispute(item, accept=True, by=world.a.entrepreneur)
