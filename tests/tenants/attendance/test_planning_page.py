"""The planning page: per group and day, per half hour, children present or expected against the staff on the
roster, with the half hours that break the rules highlighted and the reason in words."""
from datetime import time, timedelta

from django.utils import timezone

from tenants.attendance import selectors
from tenants.attendance.models import AttendanceRecord
from tenants.children.models import Child
from tests.tenants.attendance.conftest import add_child, age_on, at, plan_contract, plan_extra_day, roster


def six_one_year_olds(kdv):
    Child.objects.filter(pk=kdv.child_id).update(birth_date=age_on(kdv.day, 1))
    plan_extra_day(Child.objects.get(pk=kdv.child_id), kdv.day, time(8, 0), time(17, 0))
    for index in range(5):
        child = add_child(f"Plan{index}", age_on(kdv.day, 1), kdv.group)
        if index == 0:
            plan_contract(kdv.site, child, kdv.day, "09:00", "12:00")
        else:
            plan_extra_day(child, kdv.day, time(8, 0), time(17, 0))


def test_half_hours_with_too_few_staff_are_marked_with_the_reason(world, client_for, kdv, english):
    """Six one-year-olds 09:00–12:00 (five otherwise), one staff member: 1 : 5 for age 1 is broken then."""
    with at(world.a):
        six_one_year_olds(kdv)
        roster(kdv.staff, kdv.group, kdv.day)
        plan = selectors.group_day(kdv.group, kdv.day)
    by_start = {slot.start: slot for slot in plan.slots}
    assert plan.slots[0].start == time(7, 0) and plan.slots[-1].end == time(18, 30)
    assert by_start[time(8, 30)].counted == 5 and by_start[time(8, 30)].allowed
    assert by_start[time(9, 0)].counted == 6 and not by_start[time(9, 0)].allowed
    assert by_start[time(9, 0)].result.required_staff == 2 and by_start[time(9, 0)].staff == 1
    assert [slot.start for slot in plan.slots if not slot.allowed] == [
        time(9, 0), time(9, 30), time(10, 0), time(10, 30), time(11, 0), time(11, 30)]

    c = client_for(world.a.entrepreneur, world.a)
    page = c.get(f"/attendance/planning/?date={kdv.day.isoformat()}&group={kdv.group.pk}")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Dolfijnen" in html
    assert html.count('class="att-violation"') == 6
    assert "6 children need at least 2 staff; 1 present." in html
    assert "6 half hours break the rules" in html


def test_the_api_gives_the_same_half_hours(world, client_for, kdv):
    with at(world.a):
        six_one_year_olds(kdv)
        roster(kdv.staff, kdv.group, kdv.day)
    c = client_for(world.a.staff, world.a)
    data = c.get(f"/api/v1/attendance/planning/?date={kdv.day.isoformat()}").json()
    [group] = [item for item in data if item["group"] == kdv.group.pk]
    assert group["open"] is True
    slot = next(s for s in group["slots"] if s["start"] == "09:00:00")
    assert (slot["counted"], slot["staff"], slot["required_staff"], slot["allowed"]) == (6, 1, 2, False)
    assert slot["violations"][0]["code"] == "not_enough_staff"
    assert next(s for s in group["slots"] if s["start"] == "12:00:00")["allowed"] is True


def test_without_staff_on_the_roster_every_half_hour_with_children_is_marked(world, kdv):
    with at(world.a):
        plan_extra_day(Child.objects.get(pk=kdv.child_id), kdv.day, time(8, 0), time(9, 0))
        plan = selectors.group_day(kdv.group, kdv.day)
    marked = [slot.start for slot in plan.slots if not slot.allowed]
    assert marked == [time(8, 0), time(8, 30)]


def test_a_past_half_hour_counts_the_children_who_were_there(world, kdv):
    """Today (with the opening hours given): a child expected but not come is not counted once the half hour
    is over; one checked in is."""
    from tenants.attendance.selectors import at_local, local_today, location_zone

    with at(world.a):
        today, tz = local_today(), location_zone()
        saartje = Child.objects.get(pk=kdv.child_id)
        other = add_child("Nietgekomen", saartje.birth_date, kdv.group)
        plan_extra_day(other, today, time(8, 0), time(17, 0))
        AttendanceRecord.objects.create(child=saartje, group=kdv.group, date=today,
                                        check_in=at_local(today, time(8, 0), tz),
                                        check_out=at_local(today, time(10, 0), tz), registered_at=timezone.now())
        roster(kdv.staff, kdv.group, today)
        plan = selectors.group_day(kdv.group, today, now=at_local(today, time(12, 0), tz),
                                   hours=(time(7, 0), time(18, 30)))
    by_start = {slot.start: slot for slot in plan.slots}
    assert (by_start[time(8, 0)].present, by_start[time(8, 0)].expected, by_start[time(8, 0)].counted) == (1, 1, 1)
    assert by_start[time(10, 0)].counted == 0
    assert by_start[time(14, 0)].counted == 1  # still expected later today


def test_an_absent_child_is_not_expected(world, kdv):
    from tenants.attendance import services

    with at(world.a):
        child = Child.objects.get(pk=kdv.child_id)
        plan_extra_day(child, kdv.day)
        services.report_absence(child, kind="sick", start_date=kdv.day, reason="Ziek", by=world.a.parent)
        plan = selectors.group_day(kdv.group, kdv.day)
    assert all(slot.expected == 0 for slot in plan.slots)


def test_a_closed_day_says_why(world, client_for, kdv, english):
    saturday = kdv.day + timedelta(days=(5 - kdv.day.weekday()) % 7)
    c = client_for(world.a.staff, world.a)
    html = c.get(f"/attendance/planning/?date={saturday.isoformat()}").content.decode()
    assert "does not open on this weekday" in html
    data = c.get(f"/api/v1/attendance/planning/?date={saturday.isoformat()}").json()
    assert data[0]["open"] is False and data[0]["slots"] == []


def test_bad_dates_and_groups_are_field_errors_on_the_api_and_ignored_on_the_page(world, client_for, kdv):
    c = client_for(world.a.staff, world.a)
    response = c.get("/api/v1/attendance/planning/?date=2026-13-01")
    assert response.status_code == 400 and "date" in response.json()
    assert c.get("/api/v1/attendance/planning/?group=abc").status_code == 400
    assert c.get("/api/v1/attendance/planning/?group=999999").status_code == 400
    assert c.get("/attendance/planning/?date=nonsense&group=x").status_code == 200


def test_the_register_shows_planned_against_actual(world, client_for, kdv):
    with at(world.a):
        plan_extra_day(Child.objects.get(pk=kdv.child_id), kdv.day, time(8, 0), time(17, 0))
    c = client_for(world.a.staff, world.a)
    rows = c.get(f"/api/v1/attendance/register/?date={kdv.day.isoformat()}").json()
    row = next(r for r in rows if r["child"] == kdv.child_id)
    assert (row["planned_start"], row["planned_end"], row["planned_source"], row["status"]) == (
        "08:00:00", "17:00:00", "extra_day", "expected")
    html = c.get(f"/attendance/register/?date={kdv.day.isoformat()}").content.decode()
    assert "08:00–17:00" in html
