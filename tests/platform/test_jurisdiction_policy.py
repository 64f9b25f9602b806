"""The jurisdiction policy table (platform/jurisdictions): one entry per jurisdiction, every code the location
model allows has one, and the periods and amounts match their sources."""
from datetime import date
from decimal import Decimal

import pytest
from jurisdictions import POLICIES, policy

from cooperative.models import Location


def test_every_jurisdiction_a_location_can_have_has_a_policy():
    assert set(Location.Jurisdiction.values) == set(POLICIES)


def test_an_unknown_jurisdiction_is_refused_not_guessed():
    with pytest.raises(LookupError):
        policy("BE-BRU")
    with pytest.raises(LookupError):
        policy(None)


@pytest.mark.parametrize("code, year, period", [
    # Wet kinderopvang: the jaaropgave covers the calendar year.
    ("NL", 2026, (date(2026, 1, 1), date(2026, 12, 31))),
    ("NL", 2024, (date(2024, 1, 1), date(2024, 12, 31))),
    # Seed 003 §4.2.5 / model 281.86: the Flemish certificate runs December of the year before to November.
    ("BE-VLG", 2026, (date(2025, 12, 1), date(2026, 11, 30))),
    ("BE-VLG", 2025, (date(2024, 12, 1), date(2025, 11, 30))),
])
def test_statement_periods(code, year, period):
    assert policy(code).statement_period(year) == period


def test_flemish_fees_are_those_of_the_house_rules():
    """Seed 003 §4.2.4: diapers 1.82 / 1.09, own diapers 0.36 / 0.22, admin fee 4.37, unreported absence 10,
    late pick-up 15 per started quarter; §4.3.3: absence reported after 08:00 costs 10."""
    fees = policy("BE-VLG").fees
    assert (fees.diaper_full_day, fees.diaper_half_day) == (Decimal("1.82"), Decimal("1.09"))
    assert (fees.diaper_own_full_day, fees.diaper_own_half_day) == (Decimal("0.36"), Decimal("0.22"))
    assert fees.admin_fee == Decimal("4.37")
    assert fees.late_absence_report == fees.unreported_absence == Decimal("10.00")
    assert fees.late_pickup_per_quarter == Decimal("15.00")
    assert policy("NL").fees.admin_fee == Decimal("0.00")
