"""Staff check a child in and out: on the tablet page (HTMX or a plain post) and through the API."""
from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tenants.attendance import services
from tenants.attendance.models import AttendanceRecord
from tests.tenants.attendance.conftest import at


def records(site):
    with at(site):
        return list(AttendanceRecord.objects.filter(child_id=site.child_id).order_by("check_in"))


def test_staff_check_a_child_in_and_out_through_the_api(world, client_for, kdv):
    c = client_for(world.a.staff, world.a)
    response = c.post("/api/v1/attendance/check-in/", {"child": world.a.child_id})
    assert response.status_code == 201, response.content
    assert response.json()["check_out"] is None
    [record] = records(world.a)
    assert record.is_open and record.checked_in_by_id == world.a.staff.pk and record.group_id == kdv.group.pk

    response = c.post("/api/v1/attendance/check-out/", {"child": world.a.child_id})
    assert response.status_code == 200, response.content
    [record] = records(world.a)
    assert record.check_out is not None and record.check_out > record.check_in
    assert record.checked_out_by_id == world.a.staff.pk


def test_the_tablet_page_checks_in_with_htmx_and_returns_only_the_card(world, client_for, kdv):
    c = client_for(world.a.staff, world.a)
    page = c.get("/attendance/")
    assert page.status_code == 200
    assert "Saartje Verbeek" in page.content.decode()
    assert f'hx-post="/attendance/children/{world.a.child_id}/check-in/"' in page.content.decode()

    card = c.post(f"/attendance/children/{world.a.child_id}/check-in/", HTTP_HX_REQUEST="true")
    assert card.status_code == 200
    html = card.content.decode()
    assert html.lstrip().startswith("<li") and "<html" not in html
    assert 'id="att-present-count" hx-swap-oob="true"' in html
    assert f'/attendance/children/{world.a.child_id}/check-out/' in html
    assert records(world.a)[0].is_open

    card = c.post(f"/attendance/children/{world.a.child_id}/check-out/", HTTP_HX_REQUEST="true")
    assert f'/attendance/children/{world.a.child_id}/check-in/' in card.content.decode()
    assert not records(world.a)[0].is_open


def test_a_plain_post_without_javascript_goes_back_to_the_tablet_page(world, client_for, kdv):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post(f"/attendance/children/{world.a.child_id}/check-in/", {"group": str(kdv.group.pk)})
    assert response.status_code == 302
    assert response["Location"] == f"/attendance/?group={kdv.group.pk}"
    assert len(records(world.a)) == 1


def test_checking_in_twice_is_a_field_error_and_adds_nothing(world, client_for, kdv):
    c = client_for(world.a.staff, world.a)
    assert c.post("/api/v1/attendance/check-in/", {"child": world.a.child_id}).status_code == 201
    response = c.post("/api/v1/attendance/check-in/", {"child": world.a.child_id})
    assert response.status_code == 400
    assert "child" in response.json()
    assert len(records(world.a)) == 1
    card = c.post(f"/attendance/children/{world.a.child_id}/check-in/", HTTP_HX_REQUEST="true")
    assert 'role="alert"' in card.content.decode()
    assert len(records(world.a)) == 1


def test_checking_out_a_child_who_is_not_in_is_a_field_error(world, client_for, kdv):
    response = client_for(world.a.staff, world.a).post("/api/v1/attendance/check-out/", {"child": world.a.child_id})
    assert response.status_code == 400
    assert "child" in response.json()


@pytest.mark.parametrize("body, field", [
    ({}, "child"),
    ({"child": "abc"}, "child"),
    ({"child": 999999}, "child"),
    ({"child": "CHILD", "at": "not a time"}, "at"),
    ({"child": "CHILD", "at": "FUTURE"}, "at"),
    ({"child": "CHILD", "at": "YESTERDAY"}, "at"),
])
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(world, client_for, kdv, body, field):
    now = timezone.now()
    values = {"CHILD": world.a.child_id, "FUTURE": (now + timedelta(hours=2)).isoformat(),
              "YESTERDAY": (now - timedelta(days=1)).isoformat()}
    body = {key: values.get(value, value) for key, value in body.items()}
    response = client_for(world.a.staff, world.a).post("/api/v1/attendance/check-in/", body)
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert records(world.a) == []


def test_staff_may_register_an_arrival_a_little_earlier_today(world, kdv):
    from tenants.attendance.selectors import at_local, local_today, location_zone

    with at(world.a):
        from tenants.children.models import Child

        child = Child.objects.get(pk=world.a.child_id)
        now = at_local(local_today(), time(12, 0), location_zone())
        earlier = now - timedelta(minutes=20)
        record = services.check_in(child, by=world.a.staff, at=earlier, now=now)
        assert record.check_in == earlier
        with pytest.raises(ValidationError) as error:
            services.check_out(child, by=world.a.staff, at=earlier - timedelta(minutes=1), now=now)
        assert "at" in error.value.message_dict
        assert AttendanceRecord.objects.get(pk=record.pk).check_out is None


def test_a_parent_cannot_check_in(world, client_for, kdv):
    c = client_for(world.a.parent, world.a)
    assert c.post("/api/v1/attendance/check-in/", {"child": world.a.child_id}).status_code == 403
    assert c.post(f"/attendance/children/{world.a.child_id}/check-in/").status_code == 403
    assert c.get("/attendance/").status_code == 403
    assert records(world.a) == []


def test_a_child_not_checked_out_yesterday_is_offered_for_check_out(world, client_for, kdv, english):
    from tenants.attendance.selectors import at_local, local_today, location_zone

    with at(world.a):
        tz, yesterday = location_zone(), local_today() - timedelta(days=1)
        AttendanceRecord.objects.create(child_id=world.a.child_id, date=yesterday, registered_at=timezone.now(),
                                        check_in=at_local(yesterday, time(8, 0), tz))
    c = client_for(world.a.staff, world.a)
    response = c.post("/api/v1/attendance/check-in/", {"child": world.a.child_id})
    assert response.status_code == 400 and "check out first" in response.json()["child"][0]
    html = c.get("/attendance/").content.decode()
    assert f"/attendance/children/{world.a.child_id}/check-out/" in html
    assert c.post("/api/v1/attendance/check-out/", {"child": world.a.child_id}).status_code == 200
    assert all(record.check_out is not None for record in records(world.a))
