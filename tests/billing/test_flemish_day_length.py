"""Flemish day length (Kind en Gezin; seed 003, 4.2.1 "Voor een volledige opvangdag (tussen 5 en 11 uur
opvang) betaalt u een inkomenstarief van 100%. Voor een opvangmoment van minder dan 5 uur ... 60%"): a day
counts as full from exactly 5 hours of presence, reckoned from the recorded check-in and check-out times to
the second (all stays of the day together), never from rounded minutes or hundredths of an hour. Over 11
hours: 160 % (Kind en Gezin's long day).

Wrong before this rule was fixed (hours were rounded to 0.01 per stay): 4 h 59 min 50 s, 4 h 59 min 59 s
and two stays of 4 h 59 min 57 s together counted as full days; 11 h 0 min 1 s as a full day."""
from datetime import date
from decimal import Decimal

import pytest

from tests.billing.conftest import at, flemish_contract, monthly_invoice, run, stay

D = Decimal
MONDAY, THURSDAY = date(2026, 3, 2), date(2026, 3, 5)
FULL, SHORT, LONG = D("25.00"), D("15.00"), D("40.00")


@pytest.mark.parametrize("case, stays, price", [
    ("exactly 5 hours: a full day", [("08:00:00", "13:00:00")], FULL),
    ("4 h 59 min 50 s: a short day", [("08:00:00", "12:59:50")], SHORT),
    ("4 h 59 min 59 s: a short day", [("08:00:00", "12:59:59")], SHORT),
    ("5 h and 1 s: a full day", [("08:00:00", "13:00:01")], FULL),
    ("two stays of 2 h 30 min: 5 hours, a full day", [("08:00:00", "10:30:00"), ("11:00:00", "13:30:00")], FULL),
    ("two stays, 4 h 59 min 57 s together: a short day", [("07:00:00", "09:29:57"), ("10:00:00", "12:30:00")],
     SHORT),
    ("exactly 11 hours: a full day", [("07:00:00", "18:00:00")], FULL),
    ("11 hours and 1 s: a long day", [("07:00:00", "18:00:01")], LONG),
    ("2 hours: a short day", [("08:00:00", "10:00:00")], SHORT),
])
def test_day_length_from_recorded_times(billing, flemish_a, case, stays, price):
    """Monday 2 March 2026 with the stays of the case; Thursday 5 March a plain full day (08:00–17:00)."""
    contract, child = flemish_contract(billing, end="2026-03-06")
    with at(billing.a):
        for check_in, check_out in stays:
            stay(child, MONDAY, check_in, check_out)
        stay(child, THURSDAY, "08:00:00", "17:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        care = monthly_invoice(contract, 2026, 3).lines.filter(kind="care")
        found = sorted((line.unit_price, line.quantity) for line in care)
    expected = [(FULL, 2)] if price == FULL else sorted([(price, 1), (FULL, 1)])
    assert found == expected, case
