"""The attendance rules as tables: the Flemish fine for an absence reported after 08:00, the 24-hour dispute
window, absence periods, ages and half hours, the deadline of a doctor's certificate and the swap limits."""
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


# --- doctor's certificate: by the fifth working day after the start ---------------------------------

EASTER_MONDAY = date(2026, 4, 6)
HOLIDAYS = frozenset({EASTER_MONDAY})


@pytest.mark.parametrize("start, received, holidays, in_time", [
    # Monday 16 March: Tue, Wed, Thu, Fri, Mon -> Monday 23 March is the fifth working day.
    (DAY, date(2026, 3, 23), frozenset(), True),
    (DAY, date(2026, 3, 24), frozenset(), False),
    (DAY, DAY, frozenset(), True),  # handed in on the first day
    (DAY, date(2026, 3, 10), frozenset(), True),  # before an announced admission
    # Friday 20 March: Mon 23 .. Fri 27 -> Friday 27 March.
    (date(2026, 3, 20), date(2026, 3, 27), frozenset(), True),
    (date(2026, 3, 20), date(2026, 3, 28), frozenset(), False),
    # A start on a Saturday counts from the Monday: Mon 23 .. Fri 27.
    (date(2026, 3, 21), date(2026, 3, 27), frozenset(), True),
    (date(2026, 3, 21), date(2026, 3, 30), frozenset(), False),
    # Easter Monday is no working day: from Friday 3 April the fifth is Monday 13 April, not Friday 10.
    (date(2026, 4, 3), date(2026, 4, 13), HOLIDAYS, True),
    (date(2026, 4, 3), date(2026, 4, 13), frozenset(), False),
    (date(2026, 4, 3), date(2026, 4, 14), HOLIDAYS, False),
    # Not received: not in time.
    (DAY, None, frozenset(), False),
])
def test_certificate_in_time(start, received, holidays, in_time):
    assert rules.certificate_in_time(start, received, holidays) is in_time


@pytest.mark.parametrize("start, holidays, deadline", [
    (DAY, frozenset(), date(2026, 3, 23)),
    (date(2026, 4, 3), HOLIDAYS, date(2026, 4, 13)),
    (date(2026, 4, 3), frozenset(), date(2026, 4, 10)),
    (date(2026, 12, 24), frozenset({date(2026, 12, 25), date(2027, 1, 1)}), date(2027, 1, 4)),
])
def test_certificate_deadline(start, holidays, deadline):
    assert rules.certificate_deadline(start, holidays) == deadline


# --- swapping a contract day --------------------------------------------------------------------------

TODAY = date(2026, 3, 16)


@pytest.mark.parametrize("give_up, new_day, fields", [
    (date(2026, 3, 18), date(2026, 3, 20), set()),
    (None, date(2026, 3, 20), {"give_up_date"}),
    (date(2026, 3, 18), None, {"date"}),
    (TODAY, date(2026, 3, 20), {"give_up_date"}),  # not today
    (date(2026, 3, 18), TODAY, {"date"}),
    (date(2026, 3, 18), date(2026, 3, 18), {"date"}),  # the same day
    (date(2027, 3, 18), date(2026, 3, 20), {"give_up_date"}),  # more than a year ahead
])
def test_swap_day_errors(give_up, new_day, fields):
    assert set(rules.swap_day_errors(give_up, new_day, TODAY)) == fields


@pytest.mark.parametrize("give_up, new_day, in_month, limits, codes", [
    (date(2026, 3, 18), date(2026, 4, 2), 5, rules.SwapLimits(), []),  # no limits by default
    (date(2026, 3, 18), date(2026, 4, 2), 0, rules.SwapLimits(same_month=True), ["swap_other_month"]),
    (date(2026, 3, 18), date(2026, 3, 31), 0, rules.SwapLimits(same_month=True), []),
    (date(2026, 12, 30), date(2027, 1, 4), 0, rules.SwapLimits(same_month=True), ["swap_other_month"]),
    (date(2026, 3, 18), date(2026, 3, 20), 1, rules.SwapLimits(per_month=2), []),
    (date(2026, 3, 18), date(2026, 3, 20), 2, rules.SwapLimits(per_month=2), ["swap_limit_reached"]),
    (date(2026, 3, 18), date(2026, 3, 20), 0, rules.SwapLimits(per_month=0), ["swap_limit_reached"]),
    (date(2026, 3, 18), date(2026, 4, 20), 3, rules.SwapLimits(True, 1), ["swap_other_month", "swap_limit_reached"]),
])
def test_swap_limit_reasons(give_up, new_day, in_month, limits, codes):
    assert [code for code, _message in rules.swap_limit_reasons(give_up, new_day, in_month, limits)] == codes
