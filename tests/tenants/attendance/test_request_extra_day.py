"""A parent asks for an extra day: accepted when the group's capacity and ratio still hold on that day (the
children expected then plus this child, the staff on the roster), refused with the reason in words."""
from datetime import time, timedelta

import pytest

from tenants.attendance.models import ExtraDayRequest
from tenants.children.models import Child
from tests.tenants.attendance.conftest import add_child, age_on, at, plan_contract, plan_extra_day, roster


def one_year_olds(kdv, count, planner="extra"):
    """`count` children of age 1 expected on kdv.day in the group; Saartje (the parent's child) made age 1."""
    Child.objects.filter(pk=kdv.child_id).update(birth_date=age_on(kdv.day, 1))
    children = []
    for index in range(count):
        child = add_child(f"Kind{index}", age_on(kdv.day, 1), kdv.group)
        if planner == "contract":
            plan_contract(kdv.site, child, kdv.day)
        else:
            plan_extra_day(child, kdv.day)
        children.append(child)
    return children


def ask(client, kdv, **overrides):
    body = {"child": kdv.child_id, "date": kdv.day.isoformat(), "start_time": "08:30", "end_time": "16:00"}
    body.update(overrides)
    return client.post("/api/v1/attendance/extra-days/", body)


def test_refused_when_it_would_break_the_ratio_and_the_parent_sees_why(world, client_for, kdv, english):
    """Five one-year-olds by contract and one staff member (1 : 5 for age 1); a sixth needs a second."""
    with at(world.a):
        one_year_olds(kdv, 5, planner="contract")
        roster(kdv.staff, kdv.group, kdv.day)
    c = client_for(world.a.parent, world.a)
    response = ask(c, kdv)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "refused"
    assert [reason["code"] for reason in data["reasons"]] == ["not_enough_staff"]
    assert data["reasons"][0]["slot"] == "08:30"
    assert "6 children need at least 2 staff; 1 present." in data["reasons"][0]["message"]

    page = c.get(f"/attendance/extra-days/{data['id']}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Refused" in html and "6 children need at least 2 staff; 1 present." in html
    with at(world.a):
        assert ExtraDayRequest.objects.get(pk=data["id"]).status == ExtraDayRequest.Status.REFUSED


def test_the_reason_is_shown_in_the_parents_language(world, client_for, kdv):
    with at(world.a):
        one_year_olds(kdv, 5)
        roster(kdv.staff, kdv.group, kdv.day)
    from accounts.models import User

    User.objects.filter(pk=world.a.parent.pk).update(language="nl")
    c = client_for(world.a.parent, world.a)
    response = c.post("/attendance/extra-days/new/", {
        "child": kdv.child_id, "date": kdv.day.isoformat(), "start_time": "08:30", "end_time": "16:00"})
    assert response.status_code == 302
    html = c.get(response["Location"]).content.decode()
    with at(world.a):
        extra = ExtraDayRequest.objects.get(child_id=kdv.child_id)
    assert extra.status == "refused"
    assert 'id="refusal-reasons"' in html
    from django.utils import translation

    with translation.override("nl"):
        from tenants.attendance.services import reason_text

        expected = reason_text(extra.reasons[0])
    assert expected in html.replace("&#x27;", "'")


def test_accepted_when_a_second_staff_member_is_on_the_roster(world, client_for, kdv):
    from tenants.groups.models import StaffProfile
    from tests.conftest import make_user

    with at(world.a):
        one_year_olds(kdv, 5)
        roster(kdv.staff, kdv.group, kdv.day)
        colleague = StaffProfile.objects.create(user=make_user("colleague@alpha.test", "Colleague"))
        roster(colleague, kdv.group, kdv.day, time(8, 0), time(17, 0))
    response = ask(client_for(world.a.parent, world.a), kdv)
    assert response.status_code == 201
    assert response.json()["status"] == "accepted" and response.json()["reasons"] == []


def test_refused_only_for_the_half_hours_asked(world, client_for, kdv):
    """The second staff member leaves at 13:00: a morning is fine, a whole day is not."""
    from tenants.groups.models import StaffProfile
    from tests.conftest import make_user

    with at(world.a):
        one_year_olds(kdv, 5)
        roster(kdv.staff, kdv.group, kdv.day)
        colleague = StaffProfile.objects.create(user=make_user("colleague@alpha.test", "Colleague"))
        roster(colleague, kdv.group, kdv.day, time(7, 0), time(13, 0))
    c = client_for(world.a.parent, world.a)
    assert ask(c, kdv, start_time="08:00", end_time="12:30").json()["status"] == "accepted"
    with at(world.a):
        ExtraDayRequest.objects.filter(child_id=kdv.child_id).update(status="cancelled")
    refused = ask(c, kdv, start_time="08:00", end_time="17:00").json()
    assert refused["status"] == "refused"
    assert refused["reasons"][0]["slot"] == "13:00"


def test_refused_when_the_play_space_is_too_small(world, client_for, kdv):
    with at(world.a):
        kdv.group.play_space_m2 = 7  # room for two children
        kdv.group.save()
        one_year_olds(kdv, 2)
        roster(kdv.staff, kdv.group, kdv.day)
    data = ask(client_for(world.a.parent, world.a), kdv).json()
    assert data["status"] == "refused"
    assert "play_space_too_small" in [reason["code"] for reason in data["reasons"]]


def test_an_accepted_extra_day_makes_the_child_expected_and_counts_for_the_next_request(world, client_for, kdv):
    with at(world.a):
        others = one_year_olds(kdv, 4)
        roster(kdv.staff, kdv.group, kdv.day)
        other = add_child("Laatste", age_on(kdv.day, 1), kdv.group, guardians=[world.a.parent])
    c = client_for(world.a.parent, world.a)
    assert ask(c, kdv).json()["status"] == "accepted"  # 5 of age 1 with 1 staff
    with at(world.a):
        from tenants.attendance import planned

        assert kdv.child_id in {e.child_id for e in planned.expected_children(kdv.day, kdv.group.pk)}
    assert len(others) == 4
    assert ask(c, kdv, child=other.pk).json()["status"] == "refused"  # the sixth


@pytest.mark.parametrize("overrides, field", [
    ({"date": ""}, "date"),
    ({"date": "2026-02-30"}, "date"),
    ({"date": "TODAY"}, "date"),
    ({"date": "SATURDAY"}, "date"),
    ({"start_time": "25:00"}, "start_time"),
    ({"start_time": "06:00"}, "start_time"),
    ({"end_time": "19:00"}, "end_time"),
    ({"start_time": "12:00", "end_time": "11:00"}, "end_time"),
    ({"child": "x"}, "child"),
    ({"child": "OTHER"}, "child"),
])
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(world, client_for, kdv, overrides, field):
    with at(world.a):
        from tenants.attendance.selectors import local_today

        other = add_child("Vreemd", age_on(kdv.day, 1), kdv.group)
        today = local_today()
    saturday = kdv.day + timedelta(days=(5 - kdv.day.weekday()) % 7)
    values = {"TODAY": today.isoformat(), "SATURDAY": saturday.isoformat(), "OTHER": other.pk}
    response = ask(client_for(world.a.parent, world.a), kdv,
                   **{key: values.get(value, value) for key, value in overrides.items()})
    assert response.status_code == 400, response.content
    assert field in response.json()
    with at(world.a):
        assert not ExtraDayRequest.objects.exists()


def test_a_child_already_expected_by_contract_cannot_get_an_extra_day(world, client_for, kdv):
    with at(world.a):
        plan_contract(world.a, Child.objects.get(pk=kdv.child_id), kdv.day)
    response = ask(client_for(world.a.parent, world.a), kdv)
    assert response.status_code == 400 and "date" in response.json()


def test_the_page_form_shows_field_errors_and_keeps_the_input(world, client_for, kdv):
    c = client_for(world.a.parent, world.a)
    response = c.post("/attendance/extra-days/new/", {"child": kdv.child_id, "date": kdv.day.isoformat(),
                                                      "start_time": "12:00", "end_time": "11:00"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_end_time_error"' in html and 'value="12:00"' in html
    with at(world.a):
        assert not ExtraDayRequest.objects.exists()


def test_staff_cannot_ask_for_an_extra_day(world, client_for, kdv):
    c = client_for(world.a.staff, world.a)
    assert ask(c, kdv).status_code == 403
    assert c.get("/attendance/extra-days/new/").status_code == 403


def test_a_parent_may_cancel_an_accepted_extra_day_before_the_day(world, client_for, kdv):
    with at(world.a):
        roster(kdv.staff, kdv.group, kdv.day)
    c = client_for(world.a.parent, world.a)
    extra = ask(c, kdv).json()
    assert extra["status"] == "accepted"
    response = c.post(f"/api/v1/attendance/extra-days/{extra['id']}/cancel/")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert c.post(f"/api/v1/attendance/extra-days/{extra['id']}/cancel/").status_code == 400
