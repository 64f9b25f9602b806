"""Checking children in and out on the kiosk. Issue 16, acceptance: an unplanned or out-of-hours check-in asks for
a reason and is flagged for the entrepreneur; a check-in that breaks the ratio warns at once (the planning's
rules, tenants.ratios); a childminder's backup person is shown from the fourth child."""
from datetime import time, timedelta

import pytest

from tenants.attendance.models import AttendanceRecord
from tenants.kiosk import rules
from tenants.kiosk.models import CheckInFlag
from tests.tenants.attendance.conftest import roster
from tests.tenants.kiosk.conftest import (
    OTHER_PIN,
    add_child,
    age_on,
    allow_parents,
    at,
    plan_extra_day,
    set_clock,
    unlock,
)


def stays(world):
    with at(world.a):
        return list(AttendanceRecord.objects.order_by("pk"))


def flags(world):
    with at(world.a):
        return list(CheckInFlag.objects.order_by("pk"))


def plan_saartje(world, kiosk):
    with at(world.a):
        from tenants.children.models import Child

        plan_extra_day(Child.objects.get(pk=world.a.child_id), kiosk.now.date())
        roster(kiosk.kdv.staff, kiosk.kdv.group, kiosk.now.date())


def test_a_planned_child_in_opening_hours_is_checked_in_silently_in_the_name_of_the_pin(world, kiosk, monkeypatch):
    plan_saartje(world, kiosk)
    client = kiosk.client()
    unlock(client, world.a.staff)
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/", follow=True)
    html = response.content.decode()
    assert "Saartje Verbeek is checked in." in html and "Warning" not in html
    [stay] = stays(world)
    assert stay.checked_in_by_id == world.a.staff.pk and stay.check_in == kiosk.now
    assert flags(world) == []
    set_clock(monkeypatch, kiosk.now + timedelta(minutes=1))
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-out/", follow=True)
    assert "Saartje Verbeek is checked out." in response.content.decode()
    [stay] = stays(world)
    assert stay.checked_out_by_id == world.a.staff.pk


def test_an_unplanned_child_asks_for_a_reason_and_is_flagged_with_it(world, kiosk):
    with at(world.a):
        roster(kiosk.kdv.staff, kiosk.kdv.group, kiosk.now.date())
    client = kiosk.client()
    unlock(client, world.a.staff)
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Saartje Verbeek: not planned today. Give a reason: the entrepreneur will see it." in html
    assert 'name="reason"' in html and "Check in with this reason" in html
    assert stays(world) == [] and flags(world) == []

    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/", {"reason": "Oma is ziek"}, follow=True)
    assert "Saartje Verbeek is checked in." in response.content.decode()
    assert "The entrepreneur will see this check-in and your reason." in response.content.decode()
    [stay] = stays(world)
    [flag] = flags(world)
    assert flag.record_id == stay.pk and flag.concerns == [rules.NOT_PLANNED] and flag.reason == "Oma is ziek"
    assert flag.flagged_by_id == world.a.staff.pk and flag.device_id == kiosk.device.pk


@pytest.mark.parametrize("clock, concern", [(time(6, 30), rules.BEFORE_OPENING), (time(18, 45), rules.AFTER_CLOSING)])
def test_a_check_in_out_of_hours_asks_for_a_reason_and_is_flagged(world, kiosk, monkeypatch, clock, concern):
    from tenants.attendance.selectors import at_local, location_zone

    plan_saartje(world, kiosk)
    with at(world.a):
        now = at_local(kiosk.now.date(), clock, location_zone())
    set_clock(monkeypatch, now)
    client = kiosk.client()
    unlock(client, world.a.staff)
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/", {"reason": ""})
    assert response.status_code == 400 and "Give a reason" in response.content.decode()
    client.post(f"/kiosk/children/{world.a.child_id}/check-in/", {"reason": "Vroege dienst moeder"})
    [flag] = flags(world)
    assert concern in flag.concerns and rules.NOT_PLANNED not in flag.concerns


def test_a_check_in_on_a_day_the_location_is_closed_is_flagged(world, kiosk):
    from tenants.calendar import services as calendar

    plan_saartje(world, kiosk)
    with at(world.a):
        calendar.set_opening_hours(weekday=kiosk.now.weekday(), opens=None, closes=None)
    client = kiosk.client()
    unlock(client, world.a.staff)
    client.post(f"/kiosk/children/{world.a.child_id}/check-in/", {"reason": "Afspraak met houder"})
    [flag] = flags(world)
    assert rules.CLOSED_DAY in flag.concerns


def test_a_check_in_that_breaks_the_ratio_warns_at_once_and_is_flagged(world, kiosk):
    """Three babies planned with one adult (the KDV ratio table: one adult for at most three babies) pass; a fourth,
    unplanned baby breaks the ratio: the kiosk warns at once, with the rule, and flags it."""
    from tenants.children.models import Child

    with at(world.a):
        Child.objects.filter(pk=world.a.child_id).update(group=None)
        roster(kiosk.kdv.staff, kiosk.kdv.group, kiosk.now.date())
        babies = [add_child(f"Baby{n}", age_on(kiosk.now.date(), 0), kiosk.kdv.group) for n in range(4)]
        for baby in babies[:3]:
            plan_extra_day(baby, kiosk.now.date())
    client = kiosk.client()
    unlock(client, world.a.staff)
    for baby in babies[:3]:
        html = client.post(f"/kiosk/children/{baby.pk}/check-in/", follow=True).content.decode()
        assert "is checked in" in html and "Warning" not in html
    html = client.post(f"/kiosk/children/{babies[3].pk}/check-in/", {"reason": "Noodopvang"},
                       follow=True).content.decode()
    assert "Warning: Dolfijnen now breaks the ratio rules: 4 children need at least 2 staff; 1 present." in html
    assert 'role="alert">Warning' in html
    [flag] = flags(world)
    assert flag.concerns == [rules.NOT_PLANNED, rules.RATIO_BROKEN] and flag.ratio_violations
    assert flag.child_id == babies[3].pk


def test_a_parent_checks_in_her_own_child_once_then_the_kiosk_locks(world, kiosk):
    plan_saartje(world, kiosk)
    allow_parents(world.a)
    with at(world.a):
        other = add_child("Otto", age_on(kiosk.now.date(), 2), kiosk.kdv.group)
    client = kiosk.client()
    unlock(client, world.a.parent, OTHER_PIN)
    html = client.get("/kiosk/").content.decode()
    assert "Otto" not in html and "Saartje Verbeek" in html
    assert client.post(f"/kiosk/children/{other.pk}/check-in/").status_code == 404
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/", follow=True)
    html = response.content.decode()
    assert "Saartje Verbeek is checked in." in html and "The kiosk is locked again." in html
    assert "Tap your name" in html
    [stay] = stays(world)
    assert stay.checked_in_by_id == world.a.parent.pk
    # A second action needs the PIN again.
    client.post(f"/kiosk/children/{world.a.child_id}/check-out/")
    assert stays(world)[0].check_out is None


def test_a_parent_whose_location_stops_allowing_it_is_locked_out(world, kiosk):
    allow_parents(world.a)
    client = kiosk.client()
    unlock(client, world.a.parent, OTHER_PIN)
    allow_parents(world.a, False)
    assert client.post(f"/kiosk/children/{world.a.child_id}/check-in/", {"reason": "x"}).status_code == 302
    assert stays(world) == []


def test_bad_input_is_a_field_error_or_a_404_never_a_500(world, kiosk):
    client = kiosk.client()
    unlock(client, world.a.staff)
    assert client.post("/kiosk/children/999999/check-in/").status_code == 404
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/", {"reason": "x" * 3000})
    assert response.status_code == 400 and 'class="error"' in response.content.decode()
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-out/", follow=True)
    assert "is not checked in" in response.content.decode()
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/", {"reason": "Komt extra",
                                                                             "group": "abc"})
    assert response.status_code == 302
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/", {"reason": "Nogmaals"}, follow=True)
    assert "already checked in" in response.content.decode()
    assert len(stays(world)) == 1
    assert client.get("/kiosk/?group=abc").status_code == 200


def test_the_childminder_s_backup_person_is_shown_from_the_fourth_child(world, monkeypatch):
    """Seed 001, 2.4: from more than three children present a backup person (achterwacht) must be available; the
    childminder's own children count (tenants.ratios)."""
    from tenants.attendance.selectors import at_local, location_zone
    from tenants.calendar import services as calendar
    from tenants.groups.models import BackupPerson, Group
    from tenants.kiosk import services

    with at(world.b):
        calendar.set_week_hours({d: (time(7, 0), time(18, 0)) for d in range(7)})
        from tenants.attendance.selectors import local_today

        day = local_today() + timedelta(days=1)
        now = at_local(day, time(9, 0), location_zone())
        set_clock(monkeypatch, now)
        group = Group.objects.create(name="Thuis", kind="gastouder", min_age=0, max_age=12)
        own = add_child("Eigen", age_on(day, 3), group, guardians=[world.b.entrepreneur])
        others = [add_child(f"Gast{n}", age_on(day, 2), group) for n in range(3)]
        for child in [own, *others]:
            plan_extra_day(child, day)
        for child in [own, *others[:2]]:
            services.check_in(child, by=world.b.entrepreneur, now=now)
        done = services.check_in(others[2], by=world.b.entrepreneur, now=now)
        assert done.ratio.backup.needed and done.ratio.backup.person is None
        BackupPerson.objects.create(date=day, name="Buurvrouw Els", phone="06 12345678")
        device, token = services.enrol_device(name="Tablet", by=world.b.entrepreneur)
        services.set_pin(world.b.entrepreneur, pin="2580", pin_again="2580")
    from django.test import Client

    client = Client(HTTP_HOST=world.b.host)
    client.cookies["kiosk_device"] = token
    client.cookies["django_language"] = "en"
    unlock(client, world.b.entrepreneur)
    html = client.get("/kiosk/").content.decode()
    assert "Buurvrouw Els" in html and "06 12345678" in html
    with at(world.b):
        extra = add_child("Gast9", age_on(day, 2), group)
        plan_extra_day(extra, day)
    html = client.post(f"/kiosk/children/{extra.pk}/check-in/", follow=True).content.decode()
    assert "Backup person (achterwacht) today: Buurvrouw Els, 06 12345678." in html


def test_a_too_long_reason_is_refused_also_for_a_planned_child(world, kiosk):
    plan_saartje(world, kiosk)
    client = kiosk.client()
    unlock(client, world.a.staff)
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/", {"reason": "x" * 501})
    assert response.status_code == 400 and "At most 500 characters." in response.content.decode()
    assert stays(world) == []
