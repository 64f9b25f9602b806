"""The request form's and the placement's rules as tables (seed 003 §4.1; seed 001 §1.1–1.2)."""
from datetime import date

import pytest
from jurisdictions import POLICIES

from intake import rules

TODAY = date(2026, 3, 10)
MON, TUE, WED = 0, 1, 2


def errors(**overrides):
    values = {"today": TODAY, "start_date": date(2026, 9, 1), "days": [MON, TUE], "birth_date": date(2025, 12, 1),
              "due_date": None, "min_care_days": None}
    values.update(overrides)
    return rules.request_errors(**values)


@pytest.mark.parametrize("overrides, field", [
    ({}, None),
    ({"start_date": date(2026, 3, 9)}, "start_date"),      # in the past
    ({"start_date": None}, "start_date"),
    ({"start_date": date(2028, 3, 12)}, "start_date"),     # more than two years ahead
    ({"start_date": date(9999, 12, 31)}, "start_date"),
    ({"days": []}, "days"),                                 # no day chosen
    ({"days": [MON, MON]}, "days"),
    ({"days": [9]}, "days"),
    ({"days": [MON], "min_care_days": 2}, "days"),           # seed 003 §4.1: at least two days
    ({"days": [MON, WED], "min_care_days": 2}, None),
    ({"days": [MON]}, None),                                 # no minimum in the Netherlands
    ({"birth_date": None}, "birth_date"),
    ({"birth_date": None, "due_date": date(2026, 6, 1)}, None),   # an expected child
    ({"due_date": date(2026, 6, 1)}, "due_date"),            # both
    ({"birth_date": date(2026, 4, 1)}, "birth_date"),        # born in the future
    ({"birth_date": None, "due_date": date(2026, 2, 1)}, "due_date"),  # due long ago: born by now
    ({"birth_date": None, "due_date": date(2026, 10, 1)}, "start_date"),  # care before the birth
])
def test_request_errors(overrides, field):
    found = errors(**overrides)
    assert list(found) == ([field] if field else [])


def test_the_minimum_of_two_days_comes_from_the_flemish_policy_entry():
    minimums = {code: entry.intake_min_care_days for code, entry in POLICIES.items()}
    assert minimums == {"NL": None, "BE-VLG": 2}


@pytest.mark.parametrize("asked, offered, expected, ok", [
    # seed 003 §4.1: up to ten days earlier or later around a birth
    (date(2026, 9, 10), date(2026, 8, 31), True, True),
    (date(2026, 9, 10), date(2026, 9, 20), True, True),
    (date(2026, 9, 10), date(2026, 8, 30), True, False),
    (date(2026, 9, 10), date(2026, 9, 21), True, False),
    # a child already born: not before the date asked
    (date(2026, 9, 10), date(2026, 9, 9), False, False),
    (date(2026, 9, 10), date(2026, 10, 1), False, True),
])
def test_offer_start_window(asked, offered, expected, ok):
    assert (rules.offer_start_errors(asked=asked, offered=offered, expected=expected) == []) is ok


@pytest.mark.parametrize("today, start, ok", [
    # seed 003 §4.1: places assigned at the earliest nine months before the start
    (date(2026, 3, 10), date(2026, 12, 10), True),
    (date(2026, 3, 10), date(2026, 12, 11), False),
    (date(2026, 5, 31), date(2027, 2, 28), True),  # month ends
])
def test_places_at_the_earliest_nine_months_ahead(today, start, ok):
    assert rules.may_offer(today, start) is ok


@pytest.mark.parametrize("start, today, expected", [
    (date(2026, 9, 1), date(2026, 3, 10), date(2026, 7, 1)),   # seed 003: about two months before
    (date(2026, 4, 1), date(2026, 3, 10), date(2026, 3, 10)),   # a start within two months: now
])
def test_intake_moment(start, today, expected):
    assert rules.intake_moment(start, today) == expected


def test_settling_in_days_fall_on_the_wanted_weekdays_before_the_start():
    # start Tuesday 1 September 2026, care on Monday and Tuesday: Monday 31 and Tuesday 25 August
    assert rules.settling_in_days(date(2026, 9, 1), [MON, TUE], TODAY) == [date(2026, 8, 25), date(2026, 8, 31)]
    # too close to today for any session
    assert rules.settling_in_days(date(2026, 3, 11), [MON, TUE], TODAY) == []


@pytest.mark.parametrize("deadline, today, expired", [
    (date(2026, 3, 10), date(2026, 3, 10), False),
    (date(2026, 3, 10), date(2026, 3, 11), True),
])
def test_offer_expiry(deadline, today, expired):
    assert rules.offer_expired(deadline, today) is expired


@pytest.mark.parametrize("born, start, group", [
    (date(2025, 12, 1), date(2026, 9, 1), "0"),
    (date(2024, 9, 1), date(2026, 9, 1), "2"),
    (date(2020, 1, 1), date(2026, 9, 1), "4+"),
    (None, date(2026, 9, 1), "?"),
])
def test_age_group(born, start, group):
    assert rules.age_group(born, start) == group


def test_no_cell_below_five_families():
    rows = [{"n": 0}, {"n": 1}, {"n": 4}, {"n": 5}, {"n": 12}]
    assert [r["n"] for r in rules.suppress_small(rows, ["n"])] == [0, None, None, 5, 12]


@pytest.mark.parametrize("requested, offered, care_type", [
    ("kdv", ("kdv", "bso"), "kdv"),
    ("bso", ("kdv",), None),
    ("kdv", ("gastouder",), "gastouder"),  # a childminder cares for children of 0 to 13 (seed 001 §1.5.2)
    ("bso", ("gastouder",), "gastouder"),
    ("gastouder", ("kdv",), None),
])
def test_which_location_serves_which_kind_of_care(requested, offered, care_type):
    assert rules.care_type_for(requested, offered) == care_type
