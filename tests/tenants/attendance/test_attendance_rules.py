"""The attendance rules as tables: the Flemish fine for an absence reported after 08:00, the 24-hour dispute
window, absence periods, ages and half hours."""
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tenants.attendance import rules

BRUSSELS = ZoneInfo("Europe/Brussels")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")
DAY = date(2026, 3, 16)  # a Monday, winter time (UTC+1)
SUMMER_DAY = date(2026, 7, 6)  # summer time (UTC+2)


@pytest.mark.parametrize("jurisdiction, reported_at, first_day, fine", [
    # Flanders: before 08:00 local time on the day is free, from 08:00 on it costs EUR 10.
    ("BE-VLG", datetime(2026, 3, 16, 7, 59, tzinfo=BRUSSELS), DAY, Decimal("0.00")),
    ("BE-VLG", datetime(2026, 3, 16, 8, 0, tzinfo=BRUSSELS), DAY, Decimal("10.00")),
    ("BE-VLG", datetime(2026, 3, 16, 14, 30, tzinfo=BRUSSELS), DAY, Decimal("10.00")),
    # The deadline is the location's 08:00, whatever clock the moment was stored in.
    ("BE-VLG", datetime(2026, 3, 16, 6, 59, tzinfo=UTC), DAY, Decimal("0.00")),
    ("BE-VLG", datetime(2026, 3, 16, 7, 0, tzinfo=UTC), DAY, Decimal("10.00")),
    ("BE-VLG", datetime(2026, 7, 6, 5, 59, tzinfo=UTC), SUMMER_DAY, Decimal("0.00")),
    ("BE-VLG", datetime(2026, 7, 6, 6, 0, tzinfo=UTC), SUMMER_DAY, Decimal("10.00")),
    # The evening before is in time; so is any moment before the day.
    ("BE-VLG", datetime(2026, 3, 15, 22, 0, tzinfo=BRUSSELS), DAY, Decimal("0.00")),
    # Dutch locations have no such fine.
    ("NL", datetime(2026, 3, 16, 9, 0, tzinfo=AMSTERDAM), DAY, Decimal("0.00")),
])
def test_flemish_fine_for_an_absence_reported_after_eight(jurisdiction, reported_at, first_day, fine):
    tz = BRUSSELS if jurisdiction == "BE-VLG" else AMSTERDAM
    assert rules.absence_fine(jurisdiction, reported_at, first_day, tz) == fine
    assert rules.absence_reported_late(reported_at, first_day, tz) == (reported_at >= datetime.combine(
        first_day, time(8, 0), tzinfo=tz))


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError):
        rules.absence_reported_late(datetime(2026, 3, 16, 9, 0), DAY, BRUSSELS)


@pytest.mark.parametrize("elapsed, allowed", [
    (timedelta(0), True),
    (timedelta(hours=23, minutes=59), True),
    (timedelta(hours=24), True),
    (timedelta(hours=24, seconds=1), False),
    (timedelta(days=3), False),
])
def test_registered_times_can_be_disputed_within_24_hours(elapsed, allowed):
    registered = datetime(2026, 3, 16, 17, 0, tzinfo=UTC)
    assert rules.may_dispute(registered + elapsed, registered) is allowed


TODAY = date(2026, 3, 16)


@pytest.mark.parametrize("start, end, fields", [
    (TODAY, TODAY, set()),
    (TODAY, TODAY + timedelta(days=61), set()),
    (TODAY, TODAY + timedelta(days=62), {"end_date"}),
    (TODAY - timedelta(days=1), TODAY, {"start_date"}),
    (TODAY + timedelta(days=3), TODAY + timedelta(days=2), {"end_date"}),
    (TODAY + timedelta(days=400), TODAY + timedelta(days=400), {"start_date"}),
    (None, None, {"start_date"}),
])
def test_absence_periods(start, end, fields):
    assert set(rules.absence_errors(start, end, TODAY)) == fields


@pytest.mark.parametrize("birth, on, years", [
    (date(2024, 5, 1), date(2025, 4, 30), 0),
    (date(2024, 5, 1), date(2025, 5, 1), 1),
    (date(2020, 2, 29), date(2024, 2, 28), 3),
    (date(2020, 2, 29), date(2024, 2, 29), 4),
    (date(2027, 1, 1), date(2026, 1, 1), 0),
])
def test_whole_years(birth, on, years):
    assert rules.whole_years(birth, on) == years


@pytest.mark.parametrize("age, care_type, counted", [
    (0, "kdv", 0), (3, "kdv", 3), (4, "kdv", 3), (3, "bso", 4), (13, "bso", 12), (12, "gastouder", 12),
])
def test_ages_outside_the_table_count_as_its_nearest_age(age, care_type, counted):
    assert rules.age_for_rules(age, care_type) == counted


def test_half_hours_from_opening_to_closing():
    slots = rules.half_hours(time(7, 0), time(8, 45))
    assert slots == [(time(7, 0), time(7, 30)), (time(7, 30), time(8, 0)), (time(8, 0), time(8, 30)),
                     (time(8, 30), time(8, 45))]


@pytest.mark.parametrize("start, end, slot, counts", [
    (time(8, 0), time(9, 0), (time(8, 30), time(9, 0)), True),
    (time(8, 0), time(8, 30), (time(8, 30), time(9, 0)), False),
    (time(9, 0), None, (time(17, 0), time(17, 30)), True),
    (time(17, 30), None, (time(17, 0), time(17, 30)), False),
])
def test_a_stay_counts_in_the_half_hours_it_overlaps(start, end, slot, counts):
    assert rules.overlaps(start, end, *slot) is counts


@pytest.mark.parametrize("start, end, fields", [
    (time(8, 0), time(17, 0), set()),
    (time(6, 30), time(17, 0), {"start_time"}),
    (time(8, 0), time(19, 0), {"end_time"}),
    (time(9, 0), time(9, 0), {"end_time"}),
    (None, None, {"start_time", "end_time"}),
])
def test_extra_day_times_lie_within_the_opening_hours(start, end, fields):
    assert set(rules.extra_day_time_errors(start, end, (time(7, 0), time(18, 30)))) == fields


def test_the_rules_module_has_no_django_imports():
    import inspect

    assert "django" not in inspect.getsource(rules)
