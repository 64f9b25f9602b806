"""The two-month rule for house-rules changes to the family's disadvantage (seed 003 §4.5.3: "Wij laten elke
wijziging in het huishoudelijk reglement, ten nadele van het gezin, minstens 2 maanden voor dat de aanpassing
ingaat, schriftelijk aan de ouders weten"). Two calendar months to the day; a day the later month lacks becomes
its last day (31 December → 28 February, or 29 February in a leap year)."""
from datetime import date, timedelta

import pytest

from tenants.house_rules import rules

# (announced on, earliest effective date)
TABLE = [
    (date(2026, 3, 15), date(2026, 5, 15)),
    (date(2026, 1, 1), date(2026, 3, 1)),
    (date(2026, 12, 31), date(2027, 2, 28)),  # announced on 31 December: not 3 March
    (date(2027, 12, 31), date(2028, 2, 29)),  # leap year
    (date(2027, 12, 29), date(2028, 2, 29)),
    (date(2028, 12, 29), date(2029, 2, 28)),  # not a leap year: the 29th becomes the 28th
    (date(2026, 11, 30), date(2027, 1, 30)),  # across the year end
    (date(2026, 6, 30), date(2026, 8, 30)),
    (date(2026, 7, 31), date(2026, 9, 30)),  # September has no 31st
    (date(2028, 2, 29), date(2028, 4, 29)),  # announced on a leap day
]


@pytest.mark.parametrize(("announced", "earliest"), TABLE)
def test_earliest_effective_date(announced, earliest):
    assert rules.earliest_effective_date(announced) == earliest


@pytest.mark.parametrize(("announced", "earliest"), TABLE)
def test_a_disadvantageous_change_takes_effect_two_months_after_it_was_announced_at_the_earliest(announced, earliest):
    check = dict(announced_on=announced, disadvantageous=True, first_version=False)
    assert rules.effective_date_errors(effective_on=earliest, **check) == {}
    assert rules.effective_date_errors(effective_on=earliest + timedelta(days=40), **check) == {}
    too_early = rules.effective_date_errors(effective_on=earliest - timedelta(days=1), **check)
    assert list(too_early) == ["effective_on"]
    assert too_early["effective_on"][0].params == {"announced": announced, "earliest": earliest}


def test_a_change_not_to_the_familys_disadvantage_may_take_effect_on_the_day_it_is_announced():
    check = dict(announced_on=date(2026, 12, 31), disadvantageous=False, first_version=False)
    assert rules.effective_date_errors(effective_on=date(2026, 12, 31), **check) == {}
    assert list(rules.effective_date_errors(effective_on=date(2026, 12, 30), **check)) == ["effective_on"]


def test_the_first_version_records_rules_already_in_use():
    assert rules.effective_date_errors(announced_on=date(2026, 12, 4), effective_on=date(2024, 1, 1),
                                       disadvantageous=False, first_version=True) == {}


def test_no_effective_date_is_a_field_error():
    assert list(rules.effective_date_errors(announced_on=date(2026, 12, 4), effective_on=None,
                                            disadvantageous=True, first_version=False)) == ["effective_on"]


# (announced on, last day a parent may end without notice costs): "binnen de 2 maanden nadat ze op de hoogte
# zijn gebracht" (seed 003 §4.5.3), the day before the change could take effect at the earliest.
WINDOWS = [
    (date(2026, 1, 15), date(2026, 3, 14)),
    (date(2026, 12, 31), date(2027, 2, 27)),
    (date(2027, 12, 31), date(2028, 2, 28)),
    (date(2026, 12, 1), date(2027, 1, 31)),
]


@pytest.mark.parametrize(("announced", "last"), WINDOWS)
def test_the_window_to_end_without_notice_costs(announced, last):
    window = rules.ending_window(announced)
    assert (window.first, window.last) == (announced, last)
    assert announced in window and last in window
    assert last + timedelta(days=1) not in window and announced - timedelta(days=1) not in window


@pytest.mark.parametrize(("given_on", "disadvantageous", "since", "waived"), [
    (date(2027, 1, 10), True, date(2026, 1, 5), True),  # within the window
    (date(2026, 12, 31), True, date(2026, 1, 5), True),  # the day it is announced
    (date(2027, 2, 27), True, date(2026, 1, 5), True),  # the window's last day
    (date(2027, 2, 28), True, date(2026, 1, 5), False),  # the change takes effect: notice costs again
    (date(2026, 12, 30), True, date(2026, 1, 5), False),  # before it was announced
    (date(2027, 1, 10), False, date(2026, 1, 5), False),  # not to the family's disadvantage
    (date(2027, 1, 10), True, date(2027, 1, 2), False),  # contract made after the announcement
])
def test_notice_costs_are_waived_only_within_the_window(given_on, disadvantageous, since, waived):
    assert rules.notice_costs_waived(given_on=given_on, announced_on=date(2026, 12, 31),
                                     effective_on=date(2027, 2, 28), disadvantageous=disadvantageous,
                                     contract_since=since) is waived


def test_a_later_effective_date_keeps_the_window_at_two_months():
    """Announced with five months' notice: the right to end without costs still lasts two months."""
    kwargs = dict(announced_on=date(2026, 1, 15), effective_on=date(2026, 6, 15), disadvantageous=True,
                  contract_since=date(2025, 1, 1))
    assert rules.notice_costs_waived(given_on=date(2026, 3, 14), **kwargs)
    assert not rules.notice_costs_waived(given_on=date(2026, 3, 15), **kwargs)


def test_only_a_pdf_of_at_most_10_mb():
    assert rules.pdf_errors(b"%PDF-1.7", 1000) == []
    assert rules.pdf_errors(b"<html>", 1000) == ["Only a PDF document."]
    assert rules.pdf_errors(b"%PDF-1.7", rules.MAX_PDF_BYTES + 1) == ["A document may be at most 10 MB."]
