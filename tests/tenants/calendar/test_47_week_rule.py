"""A location is open at least 47 weeks a year (seed 001, 2.2): tables of closing plans and periods, and the
field error on the API and the page."""
from datetime import date
from decimal import Decimal

import pytest

from tenants.calendar import rules
from tenants.calendar.models import ClosingPeriod
from tests.tenants.calendar.conftest import at

# (year, closing ISO weeks, allowed?) — 2025 has 52 ISO weeks (at most 5 closing weeks), 2026 has 53 (6).
CASES = [
    (2025, [], True),
    (2025, [30, 31, 32], True),
    (2025, [1, 30, 31, 32, 52], True),
    (2025, [1, 29, 30, 31, 32, 52], False),
    (2026, [1, 29, 30, 31, 32, 53], True),
    (2026, [1, 28, 29, 30, 31, 32, 53], False),
    (2024, list(range(1, 10)), False),
    (2025, [53], False),  # week 53 does not exist in 2025
    (2025, [0], False),
    (2025, [30, 30], False),  # a week twice
]


@pytest.mark.parametrize(("year", "weeks", "allowed"), CASES)
def test_closing_plan_table(year, weeks, allowed):
    errors = rules.closing_plan_errors(year, weeks, field="weeks")
    assert (errors == {}) is allowed
    if not allowed:
        assert list(errors) == ["weeks"] and errors["weeks"]


@pytest.mark.parametrize(("year", "weeks"), [(2020, 53), (2021, 52), (2025, 52), (2026, 53)])
def test_weeks_in_iso_year(year, weeks):
    assert rules.weeks_in_iso_year(year) == weeks


def test_open_weeks_counts_the_iso_year():
    assert rules.open_weeks(2025, [30, 31, 32]) == 49
    assert rules.max_closing_weeks(2025) == 5
    assert rules.max_closing_weeks(2026) == 6


MON_FRI = range(5)


# (periods already planned, the new period, opening weekdays, allowed?) — seed 001, 2.2: "Een Thuishuis is
# minimaal 47 weken per jaar open". 2025 has 52 ISO weeks (25 closing days of a Monday-to-Friday location),
# 2026 has 53 (30). A period is weighed by the opening days it closes; each day in its own ISO year.
PERIOD_CASES = [
    ("five whole weeks in 2025", [(date(2025, 7, 21), date(2025, 8, 17))], (date(2025, 12, 22), date(2025, 12, 28)),
     MON_FRI, True),
    ("a sixth week in 2025", [(date(2025, 7, 14), date(2025, 8, 17))], (date(2025, 12, 22), date(2025, 12, 28)),
     MON_FRI, False),
    ("25 days: five weeks", [], (date(2025, 6, 2), date(2025, 7, 4)), MON_FRI, True),
    ("26 days", [], (date(2025, 6, 2), date(2025, 7, 7)), MON_FRI, False),
    ("weekends do not count at a weekday location", [(date(2025, 6, 2), date(2025, 7, 4))],
     (date(2025, 7, 5), date(2025, 7, 6)), MON_FRI, True),
    ("three opening days a week: 15 days in 2025", [], (date(2025, 6, 2), date(2025, 7, 6)), (0, 2, 4), True),
    ("three opening days a week: 16 days", [], (date(2025, 6, 2), date(2025, 7, 7)), (0, 2, 4), False),
    ("across the new year: 29 Dec 2025 – 4 Jan 2026 is ISO week 1 of 2026", [(date(2026, 6, 1), date(2026, 7, 10))],
     (date(2025, 12, 29), date(2026, 1, 4)), MON_FRI, False),
    ("across the new year, each part in its own year", [(date(2025, 7, 21), date(2025, 8, 15))],
     (date(2025, 12, 22), date(2026, 1, 2)), MON_FRI, True),
]


@pytest.mark.parametrize("case, existing, new, weekdays, allowed", PERIOD_CASES, ids=[c[0] for c in PERIOD_CASES])
def test_closing_period_table(case, existing, new, weekdays, allowed):
    errors = rules.closing_periods_errors(new, existing, weekdays)
    assert (errors == {}) is allowed, (case, errors)
    if not allowed:
        assert list(errors) == ["end_date"] and errors["end_date"][0][0] == rules.TOO_FEW_OPEN_WEEKS


def test_a_period_is_weighed_in_weeks_by_the_opening_days():
    check = rules.year_check(2026, [(date(2026, 12, 23), date(2027, 1, 3))], MON_FRI)
    # Wed 23, Thu 24, Fri 25 (Christmas, inside the period), Mon 28 – Fri 1 January (ISO week 53 of 2026).
    assert (check.closing_days, check.closing_weeks, check.open_weeks) == (8, Decimal("1.6"), Decimal("51.4"))
    assert rules.year_check(2027, [(date(2026, 12, 23), date(2027, 1, 3))], MON_FRI).closing_days == 0
    assert rules.closing_weeks_of(1, (0, 2, 4)) == Decimal("0.4")  # a third, rounded up: never too many open


def test_too_many_closing_days_are_refused_on_the_api_naming_the_field(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    assert c.post("/api/v1/calendar/closing-periods/", {"start_date": "2025-07-14",
                                                         "end_date": "2025-08-15"}).status_code == 201
    response = c.post("/api/v1/calendar/closing-periods/", {"start_date": "2025-12-22", "end_date": "2025-12-31"})
    assert response.status_code == 400
    assert "47" in response.json()["end_date"][0] and "2025" in response.json()["end_date"][0]
    with at(world.a):
        assert ClosingPeriod.objects.count() == 1


def test_too_many_closing_days_are_a_form_error_on_the_page(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/calendar/manage/closing-periods/", {"start_date": "2025-06-02", "end_date": "2025-07-31"})
    assert response.status_code == 400
    assert "47" in " ".join(response.context["period_form"].errors["end_date"])


def test_replacing_a_plan_is_all_or_nothing(world):
    from django.core.exceptions import ValidationError

    from tenants.calendar import selectors, services

    with at(world.a):
        services.set_closing_weeks(year=2025, weeks=[30, 31, 32])
        with pytest.raises(ValidationError) as exc:
            services.set_closing_weeks(year=2025, weeks=[1, 2, 3, 30, 31, 32])
        assert "weeks" in exc.value.message_dict
        assert [(p.start_date, p.end_date) for p in selectors.closing_periods(2025)] == [
            (date(2025, 7, 21), date(2025, 8, 10))]
