"""A childminder closes when sick or absent (no substitute): the days are closed and not billable."""
from datetime import date

from tenants.calendar import rules, selectors
from tests.tenants.calendar.conftest import at


def test_childminder_closes_for_sickness(world, client_for, weekday_hours):
    c = client_for(world.b.entrepreneur, world.b)  # beta is a childminder (gastouder)
    response = c.post("/api/v1/calendar/closures/", {
        "start_date": "2026-03-09", "end_date": "2026-03-11", "reason": "sickness"})
    assert response.status_code == 201, response.content
    assert response.json()["billable"] is False
    with at(world.b):
        assert not selectors.is_open(date(2026, 3, 10))
        assert selectors.is_open(date(2026, 3, 12))
        days = {d.date: d for d in selectors.closed_days(2026)}
    assert days[date(2026, 3, 9)].reasons == (rules.CHILDMINDER_CLOSURE,)
    assert not days[date(2026, 3, 9)].billable
    assert date(2026, 3, 14) not in days  # Saturday: not an opening day anyway


def test_a_centre_cannot_close_for_sickness(world, client_for):
    response = client_for(world.a.entrepreneur, world.a).post("/api/v1/calendar/closures/", {
        "start_date": "2026-03-09", "end_date": "2026-03-11", "reason": "sickness"})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_last_day_before_first_day_is_a_field_error(world, client_for):
    from tenants.calendar.models import Closure

    response = client_for(world.b.entrepreneur, world.b).post("/api/v1/calendar/closures/", {
        "start_date": "2026-03-11", "end_date": "2026-03-09", "reason": "sickness"})
    assert response.status_code == 400
    assert "end_date" in response.json()
    with at(world.b):
        assert not Closure.objects.exists()


def test_overlapping_closures_are_refused(world, client_for):
    c = client_for(world.b.entrepreneur, world.b)
    first = c.post("/api/v1/calendar/closures/", {"start_date": "2026-03-09", "end_date": "2026-03-11"})
    assert first.status_code == 201
    response = c.post("/api/v1/calendar/closures/", {"start_date": "2026-03-11", "end_date": "2026-03-12"})
    assert response.status_code == 400 and "start_date" in response.json()


def test_page_closes_and_cancels(world, client_for):
    from tenants.calendar.models import Closure

    c = client_for(world.b.entrepreneur, world.b)
    assert "Close because you are sick" in c.get("/calendar/manage/").content.decode()
    bad = c.post("/calendar/manage/closures/", {"start_date": "2026-03-11", "end_date": "2026-03-09",
                                                "reason": "sickness"})
    assert bad.status_code == 400 and bad.context["closure_form"].errors["end_date"]
    assert c.post("/calendar/manage/closures/", {"start_date": "2026-03-09", "end_date": "2026-03-11",
                                                 "reason": "absence"}).status_code == 302
    with at(world.b):
        closure = Closure.objects.get()
    assert closure.reason == "absence"
    assert c.post(f"/calendar/manage/closures/{closure.pk}/delete/").status_code == 302
    with at(world.b):
        assert not Closure.objects.exists()


def test_staff_parents_and_other_locations_cannot_close(world, client_for):
    for user in (world.b.staff, world.b.parent, world.a.entrepreneur):
        response = client_for(user, world.b).post("/api/v1/calendar/closures/",
                                                  {"start_date": "2026-03-09", "end_date": "2026-03-11"})
        assert response.status_code == 403
