"""Closing weeks per year: add, list by year, remove; duplicates and bad weeks are field errors."""
from datetime import date

from tenants.calendar import selectors
from tests.tenants.calendar.conftest import at


def test_add_list_and_remove_a_closing_week(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/api/v1/calendar/closing-weeks/", {"year": 2026, "week": 31, "note": "Zomer"})
    assert response.status_code == 201
    week_id = response.json()["id"]
    assert c.get("/api/v1/calendar/closing-weeks/?year=2026").json() == [
        {"id": week_id, "year": 2026, "week": 31, "note": "Zomer"}]
    assert c.get("/api/v1/calendar/closing-weeks/?year=2027").json() == []
    with at(world.a):
        assert not selectors.is_open(date(2026, 7, 29))  # Wednesday of week 31
        assert selectors.is_open(date(2026, 8, 5))
    assert c.delete(f"/api/v1/calendar/closing-weeks/{week_id}/").status_code == 204
    with at(world.a):
        assert selectors.is_open(date(2026, 7, 29))


def test_the_same_week_twice_is_a_field_error(world, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    assert c.post("/api/v1/calendar/closing-weeks/", {"year": 2026, "week": 31}).status_code == 201
    response = c.post("/api/v1/calendar/closing-weeks/", {"year": 2026, "week": 31})
    assert response.status_code == 400
    assert "week" in response.json()


def test_a_week_that_does_not_exist_is_a_field_error(world, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/api/v1/calendar/closing-weeks/", {"year": 2025, "week": 53})
    assert response.status_code == 400
    assert "week" in response.json()
    assert c.get("/api/v1/calendar/closing-weeks/?year=abc").status_code == 400


def test_page_adds_and_removes_a_closing_week(world, client_for):
    from tenants.calendar.models import ClosingWeek

    c = client_for(world.a.entrepreneur, world.a)
    assert c.post("/calendar/manage/closing-weeks/", {"year": 2026, "week": 52, "note": "Kerst"}).status_code == 302
    with at(world.a):
        row = ClosingWeek.objects.get(year=2026, week=52)
    assert "Kerst" in c.get("/calendar/?year=2026").content.decode()
    assert c.post(f"/calendar/manage/closing-weeks/{row.pk}/delete/").status_code == 302
    with at(world.a):
        assert not ClosingWeek.objects.filter(pk=row.pk).exists()


def test_only_the_entrepreneur_of_this_location_manages_closing_weeks(world, client_for):
    for user, site in ((world.a.staff, world.a), (world.a.parent, world.a), (world.b.entrepreneur, world.a)):
        c = client_for(user, site)
        assert c.post("/api/v1/calendar/closing-weeks/", {"year": 2026, "week": 30}).status_code == 403
        assert c.post("/calendar/manage/closing-weeks/", {"year": 2026, "week": 30}).status_code == 403
    with at(world.b):
        from tenants.calendar.models import ClosingWeek

        b_week = ClosingWeek.objects.create(year=2026, week=30)
    c = client_for(world.a.entrepreneur, world.b)
    assert c.delete(f"/api/v1/calendar/closing-weeks/{b_week.pk}/").status_code == 403
    # A's entrepreneur at her own host cannot reach B's row either: it is not in A's schema.
    assert client_for(world.a.entrepreneur, world.a).delete(
        f"/api/v1/calendar/closing-weeks/{b_week.pk + 1000}/").status_code == 404
