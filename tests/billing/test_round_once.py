"""Round once (seed 001, 2.1 "Dit aantal uren x het uurbedrag"; seed 003, 4.2.1 and 4.2.3): an amount is
rounded half-up to the cent once per line, from exact intermediate values — planned hours from the plan's
times (5 h 5 min is 5.0833…, never 5.0833), advance hours of a flexible contract as estimate ÷ 3 (never the
stored 33.333) — while a Flemish day price is rounded per day, as the price list shows it (60 % of 25.01 is
15.01 a short day, so two short days are 30.02).

Wrong before this rule was fixed: the monthly averages of plans with times that are no whole quarter of an
hour were a cent off (hours rounded to four decimals per day: 421.17 for 421.18, 448.80 for 448.79, 681.69
for 681.70, 858.73 for 858.72), and a flexible contract whose registered hours equalled its estimate got a
settlement of 0.01 (three advances of 33.333 hours)."""
from datetime import date
from decimal import Decimal

import pytest

from tests.billing.conftest import at, closing_weeks, flemish_contract, make_contract, monthly_invoice, run, stay

D = Decimal


def plan(weekdays, start, end):
    return [[{"weekday": d, "start": start, "end": end} for d in weekdays]]


@pytest.mark.parametrize("case, year, weekdays, start, end, closing, amount", [
    # 97 days (Mon+Thu 2026 without weeks 30–32 and 52) × 5 h 5 min = 493.0833… h × 10.25 / 12 = 421.1753…
    ("Mon+Thu 07:30–12:35, 2026, four closing weeks", 2026, (0, 3), "07:30", "12:35", (30, 31, 32, 52),
     D("421.18")),
    # 97 × 5 h 25 min = 525.4166… h × 10.25 / 12 = 448.7934…
    ("Mon+Thu 07:30–12:55, 2026, four closing weeks", 2026, (0, 3), "07:30", "12:55", (30, 31, 32, 52),
     D("448.79")),
    # 157 days (Tue, Wed, Fri 2027) × 5 h 5 min = 798.0833… h × 10.25 / 12 = 681.6961…
    ("Tue+Wed+Fri 07:30–12:35, 2027, no closing weeks", 2027, (1, 2, 4), "07:30", "12:35", (), D("681.70")),
    # 104 days (Mon+Thu 2027) × 9 h 40 min = 1005.3333… h × 10.25 / 12 = 858.7222…
    ("Mon+Thu 07:30–17:10, 2027, no closing weeks", 2027, (0, 3), "07:30", "17:10", (), D("858.72")),
    # The worked example (seed 001): 97 × 10.5 h = 1018.5 h × 10.25 / 12 = 869.96875.
    ("the worked example", 2026, (0, 3), "07:30", "18:00", (30, 31, 32, 52), D("869.97")),
])
def test_monthly_average_rounded_once(billing, case, year, weekdays, start, end, closing, amount):
    if closing:
        closing_weeks(billing.a, year=year, weeks=closing)
    contract = make_contract(billing, start=f"{year}-01-01", schedule=plan(weekdays, start, end))
    run(billing, year, 3)
    with at(billing.a):
        assert monthly_invoice(contract, year, 3).total == amount, case


def test_a_flexible_contract_that_used_its_estimate_settles_nothing(billing):
    """Estimate 100 hours a quarter: three advances of 100 ÷ 3 hours; 100 hours registered in Q1 (ten stays
    of exactly 10 hours) → no settlement in April."""
    from tenants.children.models import Child

    contract = make_contract(billing, schedule=[], schedule_type="flexible", estimate=D("100"))
    for month in (1, 2, 3):
        run(billing, 2026, month)
    with at(billing.a):
        child = Child.objects.get(pk=billing.a.child_id)
        for day in range(5, 15):
            stay(child, date(2026, 2, day), "07:00:00", "17:00:00")
        assert monthly_invoice(contract, 2026, 1).total == D("341.67")  # 33.333… h × 10.25 = 341.666…
    run(billing, 2026, 4)
    with at(billing.a):
        assert not monthly_invoice(contract, 2026, 4).lines.filter(kind="settlement").exists()


def test_a_flemish_day_price_is_rounded_per_day(billing, flemish_a):
    """Day price 25.01: a short day at 60 % is 15.006 → 15.01 on the price list; two short days 30.02."""
    contract, child = flemish_contract(billing, end="2026-03-06", price="25.01")
    with at(billing.a):
        stay(child, date(2026, 3, 2), "08:00:00", "12:00:00")
        stay(child, date(2026, 3, 5), "08:00:00", "12:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        line = monthly_invoice(contract, 2026, 3).lines.get(kind="care")
    assert (line.quantity, line.unit_price, line.amount) == (2, D("15.01"), D("30.02"))
