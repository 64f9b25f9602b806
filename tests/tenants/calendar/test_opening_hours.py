"""The entrepreneur sets opening hours per weekday; bad times are field errors; others only read."""
from datetime import time

from tenants.calendar import selectors
from tests.tenants.calendar.conftest import at


def test_entrepreneur_sets_hours_through_the_api(world, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/api/v1/calendar/opening-hours/", {"weekday": 0, "opens": "07:30", "closes": "18:00"})
    assert response.status_code == 201, response.content
    assert c.get("/api/v1/calendar/opening-hours/").json() == [{"weekday": 0, "opens": "07:30", "closes": "18:00"}]
    with at(world.a):
        assert selectors.opening_hours(0) == (time(7, 30), time(18, 0))
        assert selectors.opening_hours(1) is None


def test_closing_before_opening_is_a_field_error_and_stores_nothing(world, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/api/v1/calendar/opening-hours/", {"weekday": 2, "opens": "18:00", "closes": "07:00"})
    assert response.status_code == 400
    assert "closes" in response.json()
    with at(world.a):
        assert selectors.opening_hours(2) is None


def test_both_times_empty_closes_the_weekday(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/api/v1/calendar/opening-hours/", {"weekday": 4, "opens": None, "closes": None},
                      content_type="application/json")
    assert response.status_code == 200
    with at(world.a):
        assert selectors.opening_hours(4) is None


def test_page_form_saves_the_week_and_shows_errors_per_day(world, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    assert c.get("/calendar/manage/").status_code == 200
    response = c.post("/calendar/manage/hours/", {"opens_0": "08:00", "closes_0": "17:00",
                                                  "opens_1": "17:00", "closes_1": "08:00"})
    assert response.status_code == 400
    assert response.context["hours_form"].errors["closes_1"]
    with at(world.a):
        assert selectors.opening_hours(0) is None  # all or nothing
    assert c.post("/calendar/manage/hours/", {"opens_0": "08:00", "closes_0": "17:00"}).status_code == 302
    with at(world.a):
        assert selectors.weekly_opening_hours() == {0: (time(8), time(17))}


def test_staff_and_parents_read_but_cannot_change_hours(world, client_for):
    for user in (world.a.staff, world.a.parent):
        c = client_for(user, world.a)
        assert c.get("/api/v1/calendar/opening-hours/").status_code == 200
        assert c.post("/api/v1/calendar/opening-hours/",
                      {"weekday": 0, "opens": "07:00", "closes": "18:00"}).status_code == 403
        assert c.post("/calendar/manage/hours/", {"opens_0": "07:00", "closes_0": "18:00"}).status_code == 403
        assert c.get("/calendar/manage/").status_code == 403


def test_another_locations_entrepreneur_is_refused(world, client_for):
    c = client_for(world.b.entrepreneur, world.a)
    assert c.get("/api/v1/calendar/opening-hours/").status_code == 403
    assert c.post("/api/v1/calendar/opening-hours/",
                  {"weekday": 0, "opens": "07:00", "closes": "18:00"}).status_code == 403
    assert c.get("/calendar/").status_code == 403
