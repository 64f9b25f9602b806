"""A location is open at least 47 weeks a year: table of closing plans, and the field error on the API/page."""
import pytest

from tenants.calendar import rules
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


def test_sixth_closing_week_in_2025_is_refused_on_the_api_naming_the_field(world, client_for):
    from tenants.calendar.models import ClosingWeek

    c = client_for(world.a.entrepreneur, world.a)
    for week in (1, 30, 31, 32, 52):
        assert c.post("/api/v1/calendar/closing-weeks/", {"year": 2025, "week": week}).status_code == 201
    response = c.post("/api/v1/calendar/closing-weeks/", {"year": 2025, "week": 33})
    assert response.status_code == 400
    assert "47" in response.json()["week"][0]
    with at(world.a):
        assert sorted(ClosingWeek.objects.filter(year=2025).values_list("week", flat=True)) == [1, 30, 31, 32, 52]


def test_sixth_closing_week_is_a_form_error_on_the_page(world, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    for week in (1, 30, 31, 32, 52):
        assert c.post("/calendar/manage/closing-weeks/", {"year": 2025, "week": week}).status_code == 302
    response = c.post("/calendar/manage/closing-weeks/", {"year": 2025, "week": 33})
    assert response.status_code == 400
    assert "47" in " ".join(response.context["week_form"].errors["week"])


def test_replacing_a_plan_is_all_or_nothing(world):
    from django.core.exceptions import ValidationError

    from tenants.calendar import selectors, services

    with at(world.a):
        services.set_closing_weeks(year=2025, weeks=[30, 31, 32])
        with pytest.raises(ValidationError) as exc:
            services.set_closing_weeks(year=2025, weeks=[1, 2, 3, 30, 31, 32])
        assert "weeks" in exc.value.message_dict
        assert [w.week for w in selectors.closing_weeks(2025)] == [30, 31, 32]
