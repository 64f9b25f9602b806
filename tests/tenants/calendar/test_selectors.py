"""The selectors other apps call: is_open(date), closed_days(year) with reasons, opening_hours(weekday)."""
from datetime import date, time

from tenants.calendar import rules, selectors, services
from tests.tenants.calendar.conftest import at


def test_is_open_follows_hours_weeks_holidays_and_closures(world, weekday_hours):
    with at(world.b):
        services.add_closing_week(year=2026, week=31)
        services.close_for_childminder(start_date=date(2026, 3, 9), end_date=date(2026, 3, 9))
        assert selectors.is_open(date(2026, 3, 10))  # a Tuesday
        assert not selectors.is_open(date(2026, 3, 14))  # Saturday: no hours
        assert not selectors.is_open(date(2026, 7, 28))  # closing week
        assert not selectors.is_open(date(2026, 12, 25))  # Christmas
        assert not selectors.is_open(date(2026, 3, 9))  # childminder sick
        assert selectors.opening_hours(0) == (time(7, 30), time(18, 30))
        assert selectors.opening_hours(6) is None
        reasons = {d.date: d.reasons for d in selectors.closed_days(2026)}
    assert reasons[date(2026, 7, 28)] == (rules.CLOSING_WEEK,)
    assert reasons[date(2026, 12, 25)] == (rules.PUBLIC_HOLIDAY,)
    assert reasons[date(2026, 3, 9)] == (rules.CHILDMINDER_CLOSURE,)
