"""Parents read the annual overview (page and API): opening hours, closing weeks, closed days with reasons."""
from datetime import date

from tenants.calendar import rules, services
from tests.tenants.calendar.conftest import at


def plan(site):
    with at(site):
        services.add_closing_week(year=2026, week=31, note="Summer closure")


def test_parent_reads_the_overview_api(world, client_for, weekday_hours):
    plan(world.a)
    response = client_for(world.a.parent, world.a).get("/api/v1/calendar/overview/?year=2026")
    assert response.status_code == 200
    data = response.json()
    assert data["year"] == 2026 and data["open_weeks"] == "52.0"
    assert len(data["opening_hours"]) == 5
    days = {row["date"]: row for row in data["closed_days"]}
    assert days["2026-07-27"]["reasons"] == [rules.CLOSING_WEEK] and days["2026-07-27"]["billable"] is False
    # A public holiday outside the closing weeks is paid in the Netherlands.
    assert days["2026-04-27"]["reasons"] == [rules.PUBLIC_HOLIDAY] and days["2026-04-27"]["billable"] is True
    assert "2026-04-05" not in days  # Easter Sunday: not an opening day


def test_parent_reads_the_overview_page(world, client_for, weekday_hours):
    plan(world.a)
    response = client_for(world.a.parent, world.a).get("/calendar/?year=2026")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Summer closure" in body and "King&#x27;s Day" in body
    assert "Manage the calendar" not in body


def test_flemish_holidays_are_not_charged(flemish_a, client_for, weekday_hours):
    days = {row["date"]: row for row in client_for(flemish_a.parent, flemish_a).get(
        "/api/v1/calendar/overview/?year=2026").json()["closed_days"]}
    assert days["2026-07-21"]["billable"] is False


def test_a_bad_year_is_a_field_error(world, client_for):
    response = client_for(world.a.parent, world.a).get("/api/v1/calendar/overview/?year=twenty")
    assert response.status_code == 400 and "year" in response.json()
    assert client_for(world.a.parent, world.a).get("/calendar/?year=twenty").status_code == 200


def test_parent_linked_at_two_locations_sees_each_calendar(world, client_for):
    with at(world.a):
        services.add_closing_week(year=2026, week=30, note="Alpha summer")
    with at(world.b):
        services.add_closing_week(year=2026, week=32, note="Beta summer")
    a = client_for(world.two_location_parent, world.a).get("/calendar/?year=2026").content.decode()
    b = client_for(world.two_location_parent, world.b).get("/calendar/?year=2026").content.decode()
    assert "Alpha summer" in a and "Beta summer" not in a
    assert "Beta summer" in b and "Alpha summer" not in b


def test_a_member_of_another_location_cannot_read_it(world, client_for):
    for user in (world.b.parent, world.b.staff, world.b.entrepreneur):
        assert client_for(user, world.a).get("/api/v1/calendar/overview/").status_code == 403
        assert client_for(user, world.a).get("/calendar/").status_code == 403
    assert client_for(None, world.a).get("/api/v1/calendar/overview/").status_code == 403


def test_billable_table():
    cases = [
        (("public_holiday",), "NL", True),
        (("public_holiday",), "BE-VLG", False),
        (("closing_week",), "NL", False),
        (("closing_week", "public_holiday"), "NL", False),
        (("childminder_closure",), "NL", False),
        (("public_holiday", "childminder_closure"), "NL", False),
    ]
    for reasons, jurisdiction, billable in cases:
        assert rules.is_billable(reasons, jurisdiction) is billable, (reasons, jurisdiction)


def test_a_closing_period_at_the_turn_of_the_year_counts_in_both_years():
    period = [(date(2026, 12, 23), date(2027, 1, 3), "Christmas")]
    days = {year: [d.date for d in rules.closed_days(year=year, jurisdiction="NL", opening_weekdays=range(5),
                                                     closing_periods=period, closed_holidays={}, closures=[])]
            for year in (2026, 2027)}
    assert days == {2026: [date(2026, 12, 23), date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 28),
                           date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)],
                    2027: [date(2027, 1, 1)]}
