"""The entrepreneur closes the location for a period entered by dates, in one step (23 December – 3 January):
API and page, both years' overviews, removal, and the field errors of bad input (never a 500)."""
from datetime import date
from decimal import Decimal

import pytest

from tenants.calendar import selectors
from tenants.calendar.models import ClosingPeriod
from tests.tenants.calendar.conftest import at

CHRISTMAS = {"start_date": "2026-12-23", "end_date": "2027-01-03", "note": "Kerst"}


def test_add_list_and_remove_a_period_across_the_new_year(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/api/v1/calendar/closing-periods/", CHRISTMAS)
    assert response.status_code == 201, response.content
    row = response.json()
    assert row == {"id": row["id"], "start_date": "2026-12-23", "end_date": "2027-01-03", "note": "Kerst"}
    for year in (2026, 2027):  # one period, in both years' lists
        assert c.get(f"/api/v1/calendar/closing-periods/?year={year}").json() == [row]
    assert c.get("/api/v1/calendar/closing-periods/?year=2028").json() == []
    with at(world.a):
        assert not selectors.is_open(date(2026, 12, 23)) and not selectors.is_open(date(2027, 1, 1))
        assert selectors.is_open(date(2026, 12, 22)) and selectors.is_open(date(2027, 1, 4))
    assert c.delete(f"/api/v1/calendar/closing-periods/{row['id']}/").status_code == 204
    with at(world.a):
        assert selectors.is_open(date(2026, 12, 23))


def test_the_page_form_closes_a_range_in_one_step_and_both_years_show_it(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/calendar/manage/closing-periods/", CHRISTMAS)
    assert response.status_code == 302 and response["Location"].endswith("?year=2026")
    for year, days in ((2026, ["2026-12-23", "2026-12-24", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"]),
                       (2027, [])):
        page = c.get(f"/calendar/?year={year}").content.decode()
        assert "23 December 2026 – 3 January 2027 — Kerst" in page, year
        closed = {d["date"]: d for d in c.get(f"/api/v1/calendar/overview/?year={year}").json()["closed_days"]}
        for day in days:
            assert closed[day]["reasons"] == ["closing_week"] and closed[day]["labels"] == ["Kerst"]
    # 1 January 2027 is New Year's Day inside the period: closed for both reasons, not charged.
    closed_2027 = {d["date"]: d for d in c.get("/api/v1/calendar/overview/?year=2027").json()["closed_days"]}
    assert set(closed_2027["2027-01-01"]["reasons"]) == {"closing_week", "public_holiday"}
    assert closed_2027["2027-01-01"]["billable"] is False
    with at(world.a):
        row = ClosingPeriod.objects.get()
    assert c.post(f"/calendar/manage/closing-periods/{row.pk}/delete/").status_code == 302
    with at(world.a):
        assert not ClosingPeriod.objects.exists()


def test_one_day_and_part_of_a_week_are_periods_too(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    assert c.post("/api/v1/calendar/closing-periods/", {"start_date": "2026-05-15", "end_date": "2026-05-15",
                                                         "note": "Studiedag"}).status_code == 201
    with at(world.a):
        assert not selectors.is_open(date(2026, 5, 15)) and selectors.is_open(date(2026, 5, 18))
        assert selectors.open_weeks(2026) == Decimal("52.8")  # 1 of 5 opening days: 0.2 week of 53


@pytest.mark.parametrize("data, field", [
    ({"start_date": "2026-08-10", "end_date": "2026-08-01"}, "end_date"),   # end before start
    ({"start_date": "2026-01-01", "end_date": "2027-01-01"}, "end_date"),   # more than a year
    ({}, "start_date"),                                                      # an empty body
    ({"start_date": "2026-08-01"}, "end_date"),
    ({"start_date": "tomorrow", "end_date": "2026-08-01"}, "start_date"),
    ({"start_date": "2026-02-30", "end_date": "2026-03-01"}, "start_date"),
])
def test_bad_dates_are_field_errors_on_the_api_and_the_page(world, client_for, weekday_hours, data, field):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/api/v1/calendar/closing-periods/", data)
    assert response.status_code == 400 and field in response.json(), response.content
    page = c.post("/calendar/manage/closing-periods/", data)
    assert page.status_code == 400 and field in page.context["period_form"].errors
    assert c.post("/api/v1/calendar/closing-periods/", data, content_type="application/json").status_code == 400
    with at(world.a):
        assert not ClosingPeriod.objects.exists()


def test_an_overlapping_period_is_a_field_error(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    assert c.post("/api/v1/calendar/closing-periods/", CHRISTMAS).status_code == 201
    response = c.post("/api/v1/calendar/closing-periods/", {"start_date": "2027-01-02", "end_date": "2027-01-08"})
    assert response.status_code == 400 and "overlap" in response.json()["start_date"][0]


def test_only_the_entrepreneur_of_this_location_closes_it(world, client_for, weekday_hours):
    for user, site in ((world.a.staff, world.a), (world.a.parent, world.a), (world.b.entrepreneur, world.a),
                       (world.adviser, world.a)):
        c = client_for(user, site)
        assert c.post("/api/v1/calendar/closing-periods/", CHRISTMAS).status_code == 403
        assert c.post("/calendar/manage/closing-periods/", CHRISTMAS).status_code == 403
    with at(world.b):
        b_period = ClosingPeriod.objects.create(start_date=date(2026, 7, 20), end_date=date(2026, 8, 7))
    assert client_for(world.a.entrepreneur, world.b).delete(
        f"/api/v1/calendar/closing-periods/{b_period.pk}/").status_code == 403
    assert client_for(world.a.entrepreneur, world.b).post(
        f"/calendar/manage/closing-periods/{b_period.pk}/delete/").status_code == 403
    # At her own host A's entrepreneur cannot reach B's row: it is not in A's schema.
    assert client_for(world.a.entrepreneur, world.a).post(
        f"/calendar/manage/closing-periods/{b_period.pk + 1000}/delete/").status_code == 404
    with at(world.a):
        assert not ClosingPeriod.objects.exists()
    with at(world.b):
        assert ClosingPeriod.objects.filter(pk=b_period.pk).exists()
