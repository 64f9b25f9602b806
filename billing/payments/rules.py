"""Plain rules of payments (no Django): amounts in cents, IBAN display, SEPA mandate references, creditor
identifiers, sequence types and which Stripe event does what.

Money: euros as Decimal with cent precision. Stripe and pain.008 want whole cents; an amount with more
than two decimals is refused rather than rounded, so an invoice total is never silently changed.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")

# How a location collects what parents owe.
STRIPE = "stripe"
OWN_BANK = "own_bank"


def to_cents(amount: Decimal | str | int) -> int:
    """Euros (Decimal, at most two decimals, more than zero) to whole cents for Stripe and pain.008."""
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount: {amount!r}")
    if value != value.quantize(CENT):
        raise ValueError(f"more than cent precision: {amount!r}")
    if value <= 0:
        raise ValueError(f"an amount to collect must be more than zero: {amount!r}")
    return int(value * 100)


def from_cents(cents: int) -> Decimal:
    return (Decimal(int(cents)) / 100).quantize(CENT)


def mask_iban(iban: str) -> str:
    """Show only the country and the last four characters: NL91 **** **** **** 4300 → 'NL•• … 4300'."""
    compact = re.sub(r"\s+", "", iban or "").upper()
    if len(compact) < 8:
        return "••••"
    return f"{compact[:2]}•• … {compact[-4:]}"


def mandate_reference(location_slug: str, mandate_number: int) -> str:
    """A unique mandate reference (max 35 characters, SEPA's character set): LOCATION-M000123."""
    prefix = re.sub(r"[^A-Z0-9]", "", location_slug.upper())[:24] or "LOC"
    return f"{prefix}-M{mandate_number:06d}"[:35]


def _mod97(digits: str) -> int:
    return int(digits) % 97


def _letters_to_digits(text: str) -> str:
    return "".join(str(int(ch, 36)) for ch in text)


def creditor_id_errors(creditor_id: str) -> list[str]:
    """Check a SEPA creditor identifier (incassant-ID, e.g. NL57ZZZ999999999999): country, check digits
    (ISO 7064 mod 97-10 over the national part and the country, the business code left out), length."""
    value = re.sub(r"\s+", "", creditor_id or "").upper()
    if not value:
        return ["missing"]
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}", value):
        return ["format"]
    national = value[7:]
    check = _letters_to_digits(national + value[:2]) + value[2:4]
    if _mod97(check) != 1:
        return ["checksum"]
    return []


def sequence_type(previous_collections: int) -> str:
    """pain.008 sequence type: FRST for the first collection under a mandate, RCUR after it."""
    return "FRST" if previous_collections == 0 else "RCUR"


# What a Stripe event means for us. Events of a connected account (they carry `account`) concern a
# location's parents; events without it concern the cooperative's own account (membership fees).
LOCATION_EVENTS = {
    "account.updated": "account_updated",
    "setup_intent.succeeded": "mandate_active",
    "setup_intent.setup_failed": "mandate_failed",
    "mandate.updated": "mandate_updated",
    "payment_intent.succeeded": "payment_succeeded",
    "payment_intent.payment_failed": "payment_failed",
    "checkout.session.completed": "checkout_completed",
    "checkout.session.async_payment_succeeded": "checkout_completed",
    "checkout.session.async_payment_failed": "checkout_failed",
    "charge.dispute.created": "debit_reversed",
}
MEMBERSHIP_EVENTS = {
    "invoice.finalized": "membership_invoice",
    "invoice.paid": "membership_invoice",
    "invoice.payment_failed": "membership_invoice",
    "invoice.overdue": "membership_invoice",
    "invoice.voided": "membership_invoice",
    "invoice.marked_uncollectible": "membership_invoice",
    "customer.subscription.created": "membership_subscription",
    "customer.subscription.updated": "membership_subscription",
    "customer.subscription.deleted": "membership_subscription",
}


def event_action(event_type: str, connected_account: str | None) -> str | None:
    """The handler name for an event, or None when we have nothing to do with it."""
    if connected_account:
        return LOCATION_EVENTS.get(event_type)
    return MEMBERSHIP_EVENTS.get(event_type)


def is_direct_debit_failure(payment_method_types: list[str] | tuple[str, ...], last_error_type: str | None) -> bool:
    """A failed payment intent reopens the invoice only when it was a direct debit: a parent who gives up
    on iDEAL simply has not paid yet; the invoice was never marked paid."""
    return "sepa_debit" in (payment_method_types or ())
