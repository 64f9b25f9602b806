"""Plain rules of payments (no Django): amounts in cents, IBAN display, SEPA mandate references, creditor
identifiers, sequence types, which Stripe event does what, payment references (Belgian structured
communication, Febelfin; the invoice number), the EPC QR code's content (EPC069-12), the EPC's Latin
character set for SEPA files (EPC217-08) and the idempotency key of a bank statement's entry.

Money: euros as Decimal with cent precision. Stripe and pain.008 want whole cents; an amount with more
than two decimals is refused rather than rounded, so an invoice total is never silently changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
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


# --- how to pay an invoice: the payment reference -------------------------------------------------------------
#
# Belgian structured communication (gestructureerde mededeling, Febelfin): ten digits and two check digits,
# the remainder of the ten digits divided by 97, or 97 when the remainder is 0; written +++ddd/dddd/ddddd+++
# (banks also accept *** for +++). Our ten digits are the invoice number, zero-padded: the reference is the
# same every time it is computed, no two invoices of a location share it (the numbers run without gaps per
# location), and a statement is always imported for one location's own account.

STRUCTURED = "structured"
INVOICE_NUMBER = "invoice"

_STRUCTURED_RE = re.compile(r"(?<!\d)(\d{3})\s*/?\s*(\d{4})\s*/?\s*(\d{5})(?!\d)")


def structured_check(ten_digits: str) -> str:
    """The two check digits of a Belgian structured communication: the remainder mod 97, 97 for 0."""
    if not re.fullmatch(r"\d{10}", ten_digits or ""):
        raise ValueError(f"ten digits expected: {ten_digits!r}")
    remainder = int(ten_digits) % 97
    return f"{remainder or 97:02d}"


def structured_communication(invoice_number: int) -> str:
    """+++ddd/dddd/ddddd+++ for invoice `invoice_number`."""
    if invoice_number is None or not 1 <= invoice_number < 10**10:
        raise ValueError("an invoice without a number has no reference yet")
    ten = f"{invoice_number:010d}"
    digits = ten + structured_check(ten)
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


def structured_digits(text: str) -> str | None:
    """The twelve digits of a valid structured communication in `text` (+++…+++, ***…***, with or without
    slashes, or twelve digits alone), or None when there is none or its check digits are wrong."""
    for match in _STRUCTURED_RE.finditer(text or ""):
        digits = "".join(match.groups())
        if structured_check(digits[:10]) == digits[10:]:
            return digits
    return None


def invoice_number_reference(invoice_number: int) -> str:
    """The Dutch reference: the invoice number as printed on the invoice (six digits)."""
    if invoice_number is None or invoice_number < 1:
        raise ValueError("an invoice without a number has no reference yet")
    return f"{invoice_number:06d}"


REFERENCE_MAKERS = {STRUCTURED: structured_communication, INVOICE_NUMBER: invoice_number_reference}


def payment_reference(kind: str, invoice_number: int) -> str:
    """The reference a parent gives with a transfer, of the kind the jurisdiction's policy names
    (jurisdictions.Policy.payment_reference)."""
    try:
        maker = REFERENCE_MAKERS[kind]
    except KeyError:
        raise ValueError(f"unknown kind of payment reference: {kind!r}") from None
    return maker(invoice_number)


def invoice_numbers_in(text: str) -> set[int]:
    """Every number in a transfer's description that could be an invoice number (1 to 9 digits)."""
    return {int(found) for found in re.findall(r"(?<!\d)\d{1,9}(?!\d)", text or "") if int(found) > 0}


# --- the EPC QR code (EPC069-12, "GiroCode") -----------------------------------------------------------------


@dataclass(frozen=True)
class TransferDetails:
    """What a parent needs for a credit transfer; also the content of the QR code."""

    name: str
    iban: str
    bic: str
    amount: Decimal
    reference: str
    structured: bool


def epc_remittance(details: TransferDetails) -> dict:
    """The remittance of the EPC QR code: a Belgian structured communication goes into the structured field as
    its twelve digits (Febelfin's guidance for the QR code), any other reference into the text field."""
    if details.structured:
        return {"reference": re.sub(r"\D", "", details.reference)}
    return {"text": epc_text(details.reference, 140)}


# --- the EPC's Latin character set (SEPA files and QR codes) ------------------------------------------------------

EPC_ALLOWED = re.compile(r"[^a-zA-Z0-9/\-?:().,'+ ]")
_SPELLED = {"&": " en ", "ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "OE", "œ": "oe",
            "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th", "Ł": "L", "ł": "l", "€": "EUR", "@": " at ",
            "_": "-", "\"": "'", "‘": "'", "’": "'", "“": "'", "”": "'", "–": "-", "—": "-"}


def epc_text(text: str, max_length: int | None = None, ampersand: str = " en ") -> str:
    """`text` in the EPC's basic Latin character set that every SEPA bank accepts (EPC217-08):
    a-z A-Z 0-9 / - ? : ( ) . , ' + and space. Accents are dropped (é → e), ß → ss, & → "en", < and > and
    anything else without a Latin spelling go; spaces are collapsed."""
    import unicodedata

    out = []
    for char in text or "":
        if char in _SPELLED:
            out.append(ampersand if char == "&" else _SPELLED[char])
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    cleaned = " ".join(EPC_ALLOWED.sub(" ", "".join(out)).split())
    return cleaned[:max_length].rstrip() if max_length else cleaned


# --- bank statements -----------------------------------------------------------------------------------------


def entry_key(*, account: str, reference: str, booking_date, amount: Decimal, counterparty: str = "",
              text: str = "", occurrence: int = 1) -> str:
    """The idempotency key of one statement entry: the same entry in a file imported again (or in a later
    file that overlaps) gets the same key, so it is booked once. The bank's own reference when there is
    one; without it the date, amount, counterparty and description, and how many such entries came before
    it in the file."""
    import hashlib

    if reference:
        parts = [account.upper(), "ref", reference.strip(), str(booking_date), f"{Decimal(amount):.2f}"]
    else:
        parts = [account.upper(), "noref", str(booking_date), f"{Decimal(amount):.2f}", counterparty.strip().upper(),
                 " ".join((text or "").split()).upper(), str(occurrence)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Candidate:
    """An unpaid invoice a received payment may be for."""

    invoice_id: int
    number: int
    structured_digits: str      # the twelve digits of its structured communication
    amount_due: Decimal


def match_entry(*, text: str, structured: str, amount: Decimal, candidates: list[Candidate]) -> Candidate | None:
    """The one unpaid invoice a received payment pays, or None for a person to decide.

    By reference and amount, both: a valid structured communication names its invoice; otherwise the invoice
    numbers in the description do (a parent at a Flemish location may give the number too). The amount must
    be exactly what is still due; two invoices that fit equally well are left to a person."""
    if structured:
        named = [c for c in candidates if c.structured_digits == structured]
        return named[0] if len(named) == 1 and named[0].amount_due == amount else None
    numbers = invoice_numbers_in(text)
    fitting = [c for c in candidates if c.number in numbers and c.amount_due == amount]
    return fitting[0] if len(fitting) == 1 else None
