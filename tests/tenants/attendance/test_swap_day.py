"""A parent swaps a contract day for another day (ruilverzoek): checked on the new day like an extra day
(capacity, ratio, play space) and against the location's swap limits, decided at once, and then counted in
the planning on the new day and not on the day given up. The parent may cancel before the days."""
from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from tenants.attendance import planned, selectors, services
from tenants.attendance.models import AttendanceSettings, SwapRequest
from tenants.children.models import Child
from tests.tenants.attendance.conftest import (
    add_child,
    age_on,
    at,
    next_open_day,
    plan_contract,
    plan_extra_day,
    roster,
)


def arrange(kdv, new_day=None):
    """Saartje (age 1) comes on kdv.day by contract; returns (day given up, new day)."""
    child = Child.objects.get(pk=kdv.child_id)
    Child.objects.filter(pk=child.pk).update(birth_date=age_on(kdv.day, 1))
    plan_contract(kdv.site, child, kdv.day)
    new_day = new_day or next_open_day(kdv.day)
    return kdv.day, new_day


def ask(client, kdv, give_up, new_day, **overrides):
    body = {"child": kdv.child_id, "give_up_date": give_up.isoformat(), "date": new_day.isoformat(),
            "start_time": "08:30", "end_time": "16:00"}
    body.update(overrides)
    return client.post("/api/v1/attendance/swaps/", body)


def expected_ids(day, group_id):
    return {item.child_id for item in planned.expected_children(day, group_id)}


def test_an_accepted_swap_moves_the_child_in_the_planning(world, api, kdv):
    with at(world.a):
        give_up, new_day = arrange(kdv)
        roster(kdv.staff, kdv.group, new_day)
        assert kdv.child_id in expected_ids(give_up, kdv.group.pk)
    response = ask(api(world.a.parent, world.a), kdv, give_up, new_day, note="Oma jarig")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "accepted" and response.json()["reasons"] == []
    with at(world.a):
        assert kdv.child_id not in expected_ids(give_up, kdv.group.pk)
        assert kdv.child_id in expected_ids(new_day, kdv.group.pk)
        source = next(e for e in planned.expected_children(new_day) if e.child_id == kdv.child_id).source
        assert source == planned.SWAP
        plan_new = selectors.group_day(kdv.group, new_day, now=timezone.now())
        plan_old = selectors.group_day(kdv.group, give_up, now=timezone.now())
        assert next(s for s in plan_new.slots if s.start == time(9, 0)).expected == 1
        assert next(s for s in plan_old.slots if s.start == time(9, 0)).expected == 0
    staff = api(world.a.staff, world.a)
    planning = staff.get(f"/api/v1/attendance/planning/?date={new_day.isoformat()}&group={kdv.group.pk}").json()
    assert next(s for s in planning[0]["slots"] if s["start"] == "09:00:00")["expected"] == 1
    register = staff.client.get(f"/attendance/register/?date={give_up.isoformat()}").content.decode()
    assert "swapped to" in register
    assert "swapped day" in staff.client.get(f"/attendance/register/?date={new_day.isoformat()}").content.decode()


def test_refused_for_the_ratio_on_the_new_day_with_the_reason_shown(world, api, client_for, kdv):
    with at(world.a):
        give_up, new_day = arrange(kdv)
        for index in range(5):
            plan_extra_day(add_child(f"Kind{index}", age_on(new_day, 1), kdv.group), new_day)
        roster(kdv.staff, kdv.group, new_day)
    data = ask(api(world.a.parent, world.a), kdv, give_up, new_day).json()
    assert data["status"] == "refused"
    assert [reason["code"] for reason in data["reasons"]] == ["not_enough_staff"]
    page = client_for(world.a.parent, world.a).get(f"/attendance/swaps/{data['id']}/")
    html = page.content.decode()
    assert page.status_code == 200 and 'id="refusal-reasons"' in html
    assert "6 children need at least 2 staff; 1 present." in html
    with at(world.a):
        assert kdv.child_id in expected_ids(give_up, kdv.group.pk), "a refused swap keeps the contract day"
        assert kdv.child_id not in expected_ids(new_day, kdv.group.pk)


def test_the_page_form_files_a_swap_and_shows_the_decision(world, client_for, kdv):
    with at(world.a):
        give_up, new_day = arrange(kdv)
        roster(kdv.staff, kdv.group, new_day)
    c = client_for(world.a.parent, world.a)
    assert c.get(f"/attendance/swaps/new/?child={kdv.child_id}").status_code == 200
    response = c.post("/attendance/swaps/new/", {"child": kdv.child_id, "give_up_date": give_up.isoformat(),
                                                 "date": new_day.isoformat(), "start_time": "08:00",
                                                 "end_time": "12:00"})
    assert response.status_code == 302
    html = c.get(response["Location"]).content.decode()
    assert "Accepted" in html and "Cancel this swap" in html
    assert "Swapped days" in c.get("/attendance/mine/").content.decode()


@pytest.mark.parametrize("limits, expected_code", [
    ({"swap_same_month": True, "swaps_per_month": None}, "swap_other_month"),
    ({"swap_same_month": False, "swaps_per_month": 0}, "swap_limit_reached"),
])
def test_the_locations_limits_refuse_a_swap(world, api, kdv, limits, expected_code):
    with at(world.a):
        give_up, _next = arrange(kdv)
        new_day = next_open_day(date(give_up.year, give_up.month, 28) + timedelta(days=7))  # next month
        roster(kdv.staff, kdv.group, new_day)
    entrepreneur = api(world.a.entrepreneur, world.a)
    assert entrepreneur.put("/api/v1/attendance/settings/", limits).status_code == 200
    data = ask(api(world.a.parent, world.a), kdv, give_up, new_day).json()
    assert data["status"] == "refused"
    assert [reason["code"] for reason in data["reasons"]] == [expected_code]


def test_the_monthly_limit_counts_the_accepted_swaps_of_the_month(world, api, kdv):
    with at(world.a):
        give_up, new_day = arrange(kdv)
        roster(kdv.staff, kdv.group, new_day)
        AttendanceSettings.objects.create(pk=1, swaps_per_month=1)
        earlier = date(give_up.year, give_up.month, 1 if give_up.day != 1 else 2)
        child = Child.objects.get(pk=kdv.child_id)
        for status in (SwapRequest.Status.CANCELLED, SwapRequest.Status.REFUSED):  # these do not count
            SwapRequest.objects.create(child=child, give_up_date=earlier, date=earlier + timedelta(days=60),
                                       start_time=time(8, 0), end_time=time(12, 0), requested_at=timezone.now(),
                                       status=status)
    c = api(world.a.parent, world.a)
    first = ask(c, kdv, give_up, new_day).json()
    assert first["status"] == "accepted"
    c.post(f"/api/v1/attendance/swaps/{first['id']}/cancel/")
    with at(world.a):
        SwapRequest.objects.create(child=child, give_up_date=earlier, date=earlier + timedelta(days=60),
                                   start_time=time(8, 0), end_time=time(12, 0), requested_at=timezone.now(),
                                   status=SwapRequest.Status.ACCEPTED)
    second = ask(c, kdv, give_up, new_day).json()
    assert second["status"] == "refused" and second["reasons"][0]["code"] == "swap_limit_reached"


def test_the_entrepreneur_sets_the_limits_on_the_page(world, client_for, kdv):
    c = client_for(world.a.entrepreneur, world.a)
    assert c.get("/attendance/settings/").status_code == 200
    assert c.post("/attendance/settings/", {"swap_same_month": "on", "swaps_per_month": "2"}).status_code == 302
    bad = c.post("/attendance/settings/", {"swaps_per_month": "99"})
    assert bad.status_code == 400 and "swaps_per_month" in bad.context["form"].errors
    with at(world.a):
        settings = AttendanceSettings.load()
        assert (settings.swap_same_month, settings.swaps_per_month) == (True, 2)


@pytest.mark.parametrize("field, overrides", [
    ("give_up_date", {"give_up_date": ""}),
    ("give_up_date", {"give_up_date": "2026-02-30"}),
    ("give_up_date", {"give_up_date": "YESTERDAY"}),
    ("give_up_date", {"give_up_date": "NOT_A_CONTRACT_DAY"}),
    ("date", {"date": "SAME"}),
    ("date", {"date": "SATURDAY"}),
    ("date", {"date": "CONTRACT_DAY"}),
    ("start_time", {"start_time": "25:00"}),
    ("start_time", {"start_time": "06:00"}),
    ("end_time", {"start_time": "12:00", "end_time": "11:00"}),
    ("note", {"note": "x" * 2001}),
    ("child", {"child": "x"}),
    ("child", {"child": "OTHER"}),
])
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(world, api, kdv, field, overrides):
    with at(world.a):
        give_up, new_day = arrange(kdv)
        other = add_child("Ander", age_on(new_day, 1), kdv.group)
        saturday = new_day + timedelta(days=(5 - new_day.weekday()) % 7)
        special = {"YESTERDAY": give_up - timedelta(days=400), "NOT_A_CONTRACT_DAY": new_day, "SAME": give_up,
                   "SATURDAY": saturday, "CONTRACT_DAY": give_up + timedelta(days=7), "OTHER": other.pk}
    body = {key: special.get(value, value) if isinstance(value, str) else value for key, value in overrides.items()}
    response = ask(api(world.a.parent, world.a), kdv, give_up, new_day, **body)
    assert response.status_code == 400, response.content
    assert field in response.json()
    with at(world.a):
        assert not SwapRequest.objects.exists()


def test_the_parent_cancels_before_the_day_and_the_contract_day_comes_back(world, api, kdv):
    with at(world.a):
        give_up, new_day = arrange(kdv)
        roster(kdv.staff, kdv.group, new_day)
    c = api(world.a.parent, world.a)
    swap = ask(c, kdv, give_up, new_day).json()
    response = c.post(f"/api/v1/attendance/swaps/{swap['id']}/cancel/")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    with at(world.a):
        assert kdv.child_id in expected_ids(give_up, kdv.group.pk)
        assert kdv.child_id not in expected_ids(new_day, kdv.group.pk)
    again = c.post(f"/api/v1/attendance/swaps/{swap['id']}/cancel/")
    assert again.status_code == 400 and "status" in again.json()


def test_a_swap_cannot_be_cancelled_on_its_first_day(world, kdv):
    with at(world.a):
        give_up, new_day = arrange(kdv)
        roster(kdv.staff, kdv.group, new_day)
        swap = services.request_swap(Child.objects.get(pk=kdv.child_id), give_up_date=give_up, date=new_day,
                                     start_time=time(8, 0), end_time=time(12, 0), by=world.a.parent)
        assert swap.status == SwapRequest.Status.ACCEPTED
        on_the_day = timezone.make_aware(timezone.datetime.combine(give_up, time(7, 0)), selectors.location_zone())
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError) as refused:
            services.cancel_swap(swap, by=world.a.parent, now=on_the_day)
        assert "date" in refused.value.message_dict
        swap.refresh_from_db()
        assert swap.status == SwapRequest.Status.ACCEPTED


def test_staff_see_the_swaps_on_the_attendance_pages(world, api, client_for, kdv):
    with at(world.a):
        give_up, new_day = arrange(kdv)
        roster(kdv.staff, kdv.group, new_day)
    swap = ask(api(world.a.parent, world.a), kdv, give_up, new_day).json()
    for user in (world.a.staff, world.a.entrepreneur):
        c = client_for(user, world.a)
        page = c.get("/attendance/swaps/")
        assert page.status_code == 200 and "Saartje Verbeek" in page.content.decode()
        assert c.get(f"/attendance/swaps/{swap['id']}/").status_code == 200
        listed = api(user, world.a).get("/api/v1/attendance/swaps/").json()
        assert swap["id"] in [item["id"] for item in listed.get("results", listed)]


def test_another_family_another_location_and_the_wrong_role_are_refused(world, api, client_for, kdv):
    from tests.conftest import make_user

    with at(world.a):
        give_up, new_day = arrange(kdv)
        roster(kdv.staff, kdv.group, new_day)
    swap = ask(api(world.a.parent, world.a), kdv, give_up, new_day).json()
    other_parent = make_user("other.family@alpha.test", "Other Family")
    from accounts.models import Membership

    Membership.objects.create(user=other_parent, location=world.a.location, role="parent")
    with at(world.a):  # a parent of another family here: a child of her own at the location
        add_child("Ander", date(2024, 2, 2), None, guardians=[other_parent])
    other = api(other_parent, world.a)
    assert other.get(f"/api/v1/attendance/swaps/{swap['id']}/").status_code == 404
    assert other.post(f"/api/v1/attendance/swaps/{swap['id']}/cancel/").status_code == 404
    assert ask(other, kdv, give_up, new_day).status_code == 400  # not her child
    assert client_for(other_parent, world.a).get(f"/attendance/swaps/{swap['id']}/").status_code == 404
    assert client_for(other_parent, world.a).post(f"/attendance/swaps/{swap['id']}/cancel/").status_code == 404
    # staff do not file or cancel swaps, and a parent does not read the location's list or set limits
    staff = api(world.a.staff, world.a)
    assert ask(staff, kdv, give_up, new_day).status_code == 403
    assert staff.post(f"/api/v1/attendance/swaps/{swap['id']}/cancel/").status_code == 403
    assert staff.put("/api/v1/attendance/settings/", {"swaps_per_month": 1}).status_code == 403
    parent = client_for(world.a.parent, world.a)
    assert parent.get("/attendance/swaps/").status_code == 403
    assert parent.get("/attendance/settings/").status_code == 403
    # a member of the other location
    for user in (world.b.parent, world.b.entrepreneur):
        assert api(user, world.a).get(f"/api/v1/attendance/swaps/{swap['id']}/").status_code in (403, 404)
        assert client_for(user, world.a).get(f"/attendance/swaps/{swap['id']}/").status_code in (403, 404)
    with at(world.a):
        assert SwapRequest.objects.get(pk=swap["id"]).status == SwapRequest.Status.ACCEPTED


def test_after_a_swap_an_extra_day_fits_the_day_given_up_but_not_the_new_day(world, api, kdv):
    with at(world.a):
        give_up, new_day = arrange(kdv)
        roster(kdv.staff, kdv.group, new_day)
        roster(kdv.staff, kdv.group, give_up)
    c = api(world.a.parent, world.a)
    assert ask(c, kdv, give_up, new_day).json()["status"] == "accepted"
    body = {"child": kdv.child_id, "start_time": "08:30", "end_time": "12:00"}
    taken = c.post("/api/v1/attendance/extra-days/", {**body, "date": new_day.isoformat()})
    assert taken.status_code == 400 and "date" in taken.json()
    free = c.post("/api/v1/attendance/extra-days/", {**body, "date": give_up.isoformat()})
    assert free.status_code == 201 and free.json()["status"] == "accepted"
