"""Justified absence days (respijtdagen; seed 003, 4.3.1: 30 a year for full-time care, "verhoudingsgewijs"
less for part-time care and part of a calendar year; 4.3.2: once they are used up an absence costs 60 % of
the day price) are taken in date order over the calendar year and counted once, whatever order the months
are invoiced in, and whether a month was credited: the same absences always take the same justified days.

Wrong before this rule was fixed: months invoiced out of order each counted only the invoices of earlier
months, so March invoiced before February gave both months the whole quota (16 justified days of 11); a
month credited in full gave its justified days back to the months invoiced after it."""
from datetime import date
from decimal import Decimal

import pytest

from billing.tariffs import rules
from tests.billing.conftest import at, flemish_contract, local, monthly_invoice, run

D = Decimal


def report_month(world, child, first: date, last: date):
    """Every day from `first` to `last` reported the evening before `first` (in time: no fine)."""
    from tenants.attendance import services as attendance

    attendance.report_absence(child, kind="holiday", start_date=first, end_date=last, reason="vakantie",
                              by=world.a.parent, now=local(first.replace(day=first.day - 1) if first.day > 1
                                                           else date(first.year, first.month - 1, 28), "20:00:00"))


def absences(invoice):
    """(justified days, unjustified days) on the invoice."""
    lines = list(invoice.lines.filter(kind="absence"))
    justified = sum((line.quantity for line in lines if line.unit_price == 0), D("0"))
    unjustified = sum((line.quantity for line in lines if line.unit_price > 0), D("0"))
    return justified, unjustified


@pytest.mark.parametrize("case, steps, february, march", [
    # Mondays and Thursdays from 1 February 2026: 30 × 2/5 × 11/12 = 11 justified days. February has 8 care
    # days, March 9, all reported absent: February 8 justified; March 3 justified and 6 unjustified.
    ("in order", ["run 2", "run 3"], (8, 0), (3, 6)),
    ("March before February", ["run 3", "run 2"], (8, 0), (3, 6)),
    ("February credited in full before March is invoiced", ["run 2", "credit 2", "run 3"], (8, 0), (3, 6)),
])
def test_the_quota_is_counted_once_over_the_year(billing, flemish_a, case, steps, february, march):
    from billing.invoices import services

    contract, child = flemish_contract(billing, start="2026-02-01")
    with at(billing.a):
        report_month(billing, child, date(2026, 2, 1), date(2026, 2, 28))
        report_month(billing, child, date(2026, 3, 1), date(2026, 3, 31))
    for step in steps:
        action, month = step.split()
        if action == "run":
            run(billing, 2026, int(month), today=date(2026, int(month) + 1, 2))
        else:
            with at(billing.a):
                services.create_credit_note(monthly_invoice(contract, 2026, int(month)), reason="correctie")
    with at(billing.a):
        assert absences(monthly_invoice(contract, 2026, 2)) == february, case
        assert absences(monthly_invoice(contract, 2026, 3)) == march, case


def test_a_new_year_starts_a_new_quota(billing, flemish_a):
    """December 2026 uses the 2026 quota up; January 2027 has a quota of its own again (12 days for the
    whole of 2027): its 8 care days (Thursday 1 January is a public holiday: closed) are all justified."""
    contract, child = flemish_contract(billing, start="2026-11-02")
    with at(billing.a):
        report_month(billing, child, date(2026, 11, 2), date(2026, 12, 31))
        report_month(billing, child, date(2027, 1, 2), date(2027, 1, 31))
    run(billing, 2027, 1, today=date(2027, 2, 2))
    run(billing, 2026, 12, today=date(2027, 1, 2))
    with at(billing.a):
        december = absences(monthly_invoice(contract, 2026, 12))
        january = absences(monthly_invoice(contract, 2027, 1))
    # 2026: 30 × 2/5 × 2/12 = 2 days, used in November; December's 9 care days (Friday 25 December is no
    # care day) all unjustified.
    assert december == (0, 9)
    assert january == (8, 0)


@pytest.mark.parametrize("quota, earlier, left", [
    (D("11"), [], D("11")),
    (D("11"), [D("9")] * 8, D("3")),                 # eight reserved full days not come
    (D("2"), [D("9")] * 3, D("0")),                  # never below zero
    (D("5"), [D("4")] * 3, D("3.5")),                # reserved short days: half a day each
])
def test_justified_left_after_the_earlier_months(quota, earlier, left):
    days = [rules.BeDay(date=date(2026, 1, 5 + i), day_price=D("25"), reserved_hours=hours)
            for i, hours in enumerate(earlier)]
    assert rules.justified_left(quota, days) == left
