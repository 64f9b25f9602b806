"""The plain payment rules, as tables of cases."""
from decimal import Decimal

import pytest

from billing.payments import rules


@pytest.mark.parametrize("amount, cents", [
    (Decimal("869.97"), 86997), (Decimal("0.01"), 1), ("12.5", 1250), (Decimal("100"), 10000),
])
def test_to_cents(amount, cents):
    assert rules.to_cents(amount) == cents
    assert rules.from_cents(cents) == Decimal(str(amount)).quantize(Decimal("0.01"))


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-1.00"), Decimal("1.005"), "abc", "NaN", "Infinity"])
def test_to_cents_refuses(amount):
    with pytest.raises(ValueError):
        rules.to_cents(amount)


@pytest.mark.parametrize("iban, shown", [
    ("NL91 ABNA 0417 1643 00", "NL•• … 4300"), ("be68539007547034", "BE•• … 7034"), ("NL1", "••••"),
])
def test_mask_iban(iban, shown):
    assert rules.mask_iban(iban) == shown


@pytest.mark.parametrize("slug, number, reference", [
    ("alpha", 1, "ALPHA-M000001"), ("de-zonnebloem", 42, "DEZONNEBLOEM-M000042"),
    ("a" * 40, 7, "A" * 24 + "-M000007"),
])
def test_mandate_reference(slug, number, reference):
    assert rules.mandate_reference(slug, number) == reference
    assert len(reference) <= 35


@pytest.mark.parametrize("creditor_id, errors", [
    ("NL57ZZZ999999999999", []), ("DE98ZZZ09999999999", []), ("nl57 zzz 9999 9999 9999", []),
    ("NL58ZZZ999999999999", ["checksum"]), ("", ["missing"]), ("57NLZZZ99", ["format"]),
])
def test_creditor_id(creditor_id, errors):
    assert rules.creditor_id_errors(creditor_id) == errors


@pytest.mark.parametrize("previous, sequence", [(0, "FRST"), (1, "RCUR"), (12, "RCUR")])
def test_sequence_type(previous, sequence):
    assert rules.sequence_type(previous) == sequence


@pytest.mark.parametrize("event_type, account, action", [
    ("payment_intent.succeeded", "acct_1", "payment_succeeded"),
    ("payment_intent.payment_failed", "acct_1", "payment_failed"),
    ("checkout.session.completed", "acct_1", "checkout_completed"),
    ("charge.dispute.created", "acct_1", "debit_reversed"),
    ("invoice.paid", None, "membership_invoice"),
    ("invoice.paid", "acct_1", None),          # a location's own Stripe invoices are not ours
    ("payment_intent.succeeded", None, None),  # the platform takes no parent payments itself
    ("customer.created", "acct_1", None),
])
def test_event_action(event_type, account, action):
    assert rules.event_action(event_type, account) == action


@pytest.mark.parametrize("types, reopens", [(["sepa_debit"], True), (["ideal"], False), ([], False)])
def test_only_a_direct_debit_failure_reopens(types, reopens):
    assert rules.is_direct_debit_failure(types, "card_error") is reopens
