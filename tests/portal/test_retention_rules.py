"""Retention rules of a deletion request (portal.rules): what is kept for tax and registers, until when."""
from datetime import date

import pytest

from portal import rules


@pytest.mark.parametrize("last, jurisdiction, until", [
    (date(2025, 3, 31), "NL", date(2032, 12, 31)),
    (date(2025, 12, 31), "NL", date(2032, 12, 31)),
    (date(2025, 3, 31), "BE-VLG", date(2035, 12, 31)),
])
def test_keep_until_end_of_year_plus_legal_years(last, jurisdiction, until):
    assert rules.keep_until(last, jurisdiction) == until


def test_nothing_is_deleted_while_care_is_running():
    may, decisions = rules.deletion_plan(jurisdiction="NL", today=date(2026, 5, 1), care_running=True,
                                         last_records={"invoices": date(2026, 4, 30)})
    assert not may
    assert [(d.category, d.action, d.reason) for d in decisions] == [("all", "kept", "care_running")]


def test_tax_records_are_kept_the_rest_is_deleted():
    may, decisions = rules.deletion_plan(
        jurisdiction="NL", today=date(2026, 5, 1), care_running=False,
        last_records={"invoices": date(2026, 3, 31), "contracts": date(2026, 3, 31), "attendance": None})
    plan = {d.category: (d.action, d.until, d.reason) for d in decisions}
    assert may
    assert plan["invoices"] == ("kept", date(2033, 12, 31), "fiscal_NL")
    assert plan["contracts"] == ("kept", date(2033, 12, 31), "fiscal_NL")
    assert plan["attendance"] == ("deleted", None, "nothing_to_keep")
    assert plan["identity"] == ("kept", date(2033, 12, 31), "identity")
    for category in ("care_details", "handovers", "messages", "pickup_and_custody", "corrections"):
        assert plan[category] == ("deleted", None, "not_needed")


def test_after_the_retention_period_everything_goes():
    _may, decisions = rules.deletion_plan(jurisdiction="NL", today=date(2034, 1, 1), care_running=False,
                                          last_records={"invoices": date(2026, 3, 31), "contracts": None,
                                                        "attendance": date(2026, 3, 1)})
    assert all(d.action == "deleted" for d in decisions)


def test_the_answer_is_due_within_a_month():
    assert rules.answer_due(date(2026, 1, 15)) == date(2026, 2, 14)
