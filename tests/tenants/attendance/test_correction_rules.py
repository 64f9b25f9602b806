"""The rules of putting the past right (tenants.attendance.rules), as a table.

Sources: seed 003, 4.3.2 ("Indien uw kind niet komt naar de groepsopvang, dan kan u dit telefonisch melden op de
gsm van de leefgroep van uw kind. Dit kan tot ten laatste de dag zelf voor 8u 's morgens. Indien u niet
verwittigt voor 8 uur, wordt u een boete aangerekend van 10 euro"): a report entered afterwards counts from the
moment the parent phoned, as the entrepreneur records it, or — nobody phoned — from the moment it is entered,
which is late for every day gone by. Who may correct what is the product's own decision (docs/billing.md,
"Putting the past right"): the entrepreneur any day of the last year, staff the times of today and yesterday.
"""
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tenants.attendance import rules

BRUSSELS = ZoneInfo("Europe/Brussels")
TODAY = date(2026, 4, 10)
NOW = datetime(2026, 4, 10, 10, 0, tzinfo=BRUSSELS)
THURSDAY = date(2026, 3, 5)


@pytest.mark.parametrize("entrepreneur, day, allowed", [
    (True, TODAY, True),
    (True, date(2026, 3, 5), True),
    (True, date(2025, 4, 9), True),        # 366 days back: still within the year
    (True, date(2025, 4, 8), False),       # 367 days back
    (True, date(2026, 4, 11), False),      # a day still to come has no stays to correct
    (False, TODAY, True),                  # staff: today
    (False, date(2026, 4, 9), True),       # staff: yesterday (a check-out forgotten last night)
    (False, date(2026, 4, 8), False),      # staff: the day before yesterday is the entrepreneur's
])
def test_who_may_correct_times(entrepreneur, day, allowed):
    assert rules.may_correct_times(entrepreneur=entrepreneur, day=day, today=TODAY) is allowed


@pytest.mark.parametrize("start, end, fields", [
    (date(2026, 3, 5), date(2026, 3, 5), set()),
    (TODAY, TODAY, set()),                                  # today, after 08:00: recorded afterwards as well
    (date(2026, 4, 11), None, {"start_date"}),              # a day still to come: the ordinary form
    (date(2026, 4, 1), date(2026, 4, 11), {"end_date"}),
    (date(2026, 3, 6), date(2026, 3, 5), {"end_date"}),
    (date(2025, 4, 8), date(2025, 4, 8), {"start_date"}),   # more than a year back
    (date(2026, 1, 1), date(2026, 3, 5), {"end_date"}),     # more than 62 days at once
    (None, None, {"start_date"}),
])
def test_the_days_of_an_absence_recorded_afterwards(start, end, fields):
    assert set(rules.past_absence_errors(start, end, TODAY)) == fields


@pytest.mark.parametrize("case, told, fine", [
    ("phoned the evening before", datetime(2026, 3, 4, 19, 0, tzinfo=BRUSSELS), Decimal("0.00")),
    ("phoned at 07:59 on the day", datetime(2026, 3, 5, 7, 59, tzinfo=BRUSSELS), Decimal("0.00")),
    ("phoned at 08:00 on the day: 'niet verwittigt voor 8 uur'", datetime(2026, 3, 5, 8, 0, tzinfo=BRUSSELS),
     Decimal("10.00")),
    ("nobody phoned: counts from the entry, weeks later", None, Decimal("10.00")),
])
def test_what_a_report_afterwards_costs_in_flanders(case, told, fine):
    moment = rules.past_report_moment(told, NOW)
    assert rules.absence_fine("BE-VLG", moment, THURSDAY, BRUSSELS) == fine, case


def test_no_fine_in_the_netherlands_whoever_reports():
    moment = rules.past_report_moment(None, NOW)
    assert rules.absence_fine("NL", moment, THURSDAY, ZoneInfo("Europe/Amsterdam")) == Decimal("0.00")


def test_the_moment_of_the_call_cannot_be_in_the_future():
    assert set(rules.report_moment_errors(datetime(2026, 4, 10, 11, 0, tzinfo=BRUSSELS), NOW)) == {"reported_at"}
    assert rules.report_moment_errors(datetime(2026, 4, 10, 10, 4, tzinfo=BRUSSELS), NOW) == {}  # clock skew
    assert rules.report_moment_errors(None, NOW) == {}
