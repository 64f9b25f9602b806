"""The rules a signed accident report keeps (seed 003 §4.6.5 first aid by the carers, §6.1 the insurance of the
children's bodily harm: a claim number once the claim is filed; issue 19 point 5: what, where, when, who was
present, first aid, 112 or a doctor, parent informed at, signed by the staff member)."""
from datetime import UTC, date, datetime, timedelta

import pytest

from tenants.accidents import rules

NOW = datetime(2026, 12, 4, 23, 30, tzinfo=UTC)


def report(**changes):
    base = dict(happened_at=NOW - timedelta(hours=2), place="tuin", kind=rules.FALL, what_happened="gevallen",
                present="juf Ans", first_aid="coldpack", parent_informed_at=None, claim_number="", confirmed=True)
    base.update(changes)
    return rules.Report(**base)


@pytest.mark.parametrize("changes, field", [
    ({}, None),                                                              # complete and confirmed: signed
    ({"confirmed": False}, "confirmed"),                                     # no signature without confirmation
    ({"happened_at": None}, "happened_at"),
    ({"happened_at": NOW}, None),                                            # boundary: this very moment
    ({"happened_at": NOW + timedelta(minutes=1)}, "happened_at"),            # never in the future
    ({"place": "  "}, "place"),
    ({"what_happened": ""}, "what_happened"),
    ({"present": ""}, "present"),
    ({"first_aid": ""}, "first_aid"),                                        # seed 003 §4.6.5: first aid is recorded
    ({"kind": "explosion"}, "kind"),
    ({"place": "x" * 200}, None), ({"place": "x" * 201}, "place"),           # boundary of the short texts
    ({"parent_informed_at": NOW - timedelta(hours=2)}, None),                # told at the moment itself
    ({"parent_informed_at": NOW - timedelta(hours=3)}, "parent_informed_at"),  # before the accident
    ({"parent_informed_at": NOW + timedelta(seconds=1)}, "parent_informed_at"),
    ({"claim_number": "ETH-2026/0045"}, None),                               # seed 003 §6.1: the insurer's number
    ({"claim_number": "x" * 40}, None), ({"claim_number": "x" * 41}, "claim_number"),
    ({"claim_number": "<script>"}, "claim_number"),
])
def test_what_a_signed_report_needs(changes, field):
    errors = rules.report_errors(report(**changes), now=NOW)
    assert (set(errors) == {field}) if field else errors == {}


def test_the_adviser_sees_numbers_per_month_and_kind_only():
    pairs = [(date(2026, 3, 31), rules.FALL), (date(2026, 3, 1), rules.FALL), (date(2026, 3, 2), rules.BITE),
             (date(2026, 4, 1), rules.FALL)]
    assert rules.month_counts(pairs) == [(date(2026, 3, 1), rules.FALL, 2), (date(2026, 3, 1), rules.BITE, 1),
                                         (date(2026, 4, 1), rules.FALL, 1)]
    assert rules.month_counts([]) == []
