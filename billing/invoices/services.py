"""Writes of invoices. Each runs in the current location's schema, checks first and raises
ValidationError({field: [...]}); nothing is stored unless all of it is (one transaction per invoice).

Stable entry points for billing.payments: `mark_paid` and `reopen_after_failed_payment`.
"""
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from billing.invoices.models import CreditNote, Invoice, InvoiceCounter, InvoiceLine, Reminder

INVOICE_SERIES = "invoice"
CREDIT_SERIES = "credit"
UNPAID = (Invoice.Status.SENT, Invoice.Status.OPEN, Invoice.Status.OVERDUE)


def next_number(series: str) -> int:
    """The next number of `series`, without gaps: the counter row stays locked until the caller's
    transaction commits, and rolls back with it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number must run inside the transaction that stores the numbered document")
    InvoiceCounter.objects.get_or_create(series=series)
    counter = InvoiceCounter.objects.select_for_update().get(series=series)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _locked(invoice: Invoice) -> Invoice:
    return Invoice.objects.select_for_update().get(pk=invoice.pk)


@transaction.atomic
def mark_paid(invoice: Invoice, *, paid_at: datetime, reference: str) -> Invoice:
    """Record the payment of `invoice`. Idempotent: an invoice already paid is left as it is (the first
    payment's time and reference stay), so a webhook delivered twice changes nothing the second time."""
    current = _locked(invoice)
    if current.status == Invoice.Status.PAID:
        return current
    if current.status in (Invoice.Status.DRAFT, Invoice.Status.CREDITED):
        raise ValidationError({"status": [_("Only a sent, open or overdue invoice can be paid.")]})
    current.status = Invoice.Status.PAID
    current.paid_at = paid_at or timezone.now()
    current.payment_reference = (reference or "")[:200]
    current.save(update_fields=["status", "paid_at", "payment_reference"])
    return current


@transaction.atomic
def reopen_after_failed_payment(invoice: Invoice, *, reason: str) -> Invoice:
    """A direct debit failed (or was reversed): the invoice is open again, the failure is logged and the
    parent is told; the daily reminder job takes it from there (reminder steps by the due date).
    Calling it again for an invoice that is already open with the same reason changes nothing."""
    current = _locked(invoice)
    if current.status in (Invoice.Status.DRAFT, Invoice.Status.CREDITED):
        raise ValidationError({"status": [_("Only a sent or paid invoice can be reopened.")]})
    reason = (reason or "")[:300]
    if current.status in (Invoice.Status.OPEN, Invoice.Status.OVERDUE) and current.reopened_reason == reason:
        return current
    current.status = Invoice.Status.OPEN
    current.paid_at = None
    current.reopened_reason = reason
    current.save(update_fields=["status", "paid_at", "reopened_reason"])
    Reminder.objects.create(invoice=current, step=Reminder.Step.FAILED_PAYMENT, sent_on=timezone.localdate(),
                            note=reason)
    from billing.invoices import notify

    transaction.on_commit(lambda: notify.payment_failed(current.pk))
    return current


def add_lines(invoice: Invoice, lines) -> Decimal:
    """Store `lines` (rules.Line values) on a draft invoice; returns their total."""
    objs = [InvoiceLine(invoice=invoice, position=i, kind=line.kind, description=line.description[:300],
                        quantity=line.quantity, unit=line.unit, unit_price=line.unit_price, amount=line.amount)
            for i, line in enumerate(lines)]
    InvoiceLine.objects.bulk_create(objs)
    return sum((o.amount for o in objs), Decimal("0.00"))


@transaction.atomic
def create_credit_note(invoice: Invoice, *, amount: Decimal | None = None, reason: str, user=None,
                       issue_date: date | None = None) -> CreditNote:
    """Correct a sent invoice: a credit note for `amount` (the rest still due), or for all of it."""
    current = _locked(invoice)
    errors: dict[str, list[str]] = {}
    if current.status == Invoice.Status.DRAFT:
        errors.setdefault("invoice", []).append(_("A draft invoice is corrected by editing it, not by a credit note."))
    if current.status == Invoice.Status.CREDITED:
        errors.setdefault("invoice", []).append(_("This invoice has been credited in full already."))
    if not (reason or "").strip():
        errors.setdefault("reason", []).append(_("Give the reason for the credit note."))
    remaining = current.total - current.credited_amount
    if amount is None:
        amount = remaining
    try:
        amount = Decimal(amount).quantize(Decimal("0.01"))
    except Exception:
        errors.setdefault("amount", []).append(_("Enter an amount in euros."))
        amount = Decimal("0")
    if not errors.get("amount") and amount <= 0:
        errors.setdefault("amount", []).append(_("The amount must be more than zero."))
    elif not errors.get("amount") and amount > remaining:
        errors.setdefault("amount", []).append(
            _("The amount may not be more than the %(remaining)s not yet credited.") % {"remaining": remaining})
    if errors:
        raise ValidationError(errors)
    note = CreditNote.objects.create(number=next_number(CREDIT_SERIES), invoice=current, reason=reason.strip(),
                                     total=amount, created_by=user,
                                     issue_date=issue_date or timezone.localdate())
    if amount == remaining:
        current.status = Invoice.Status.CREDITED
        current.save(update_fields=["status"])
    from billing.invoices import pdf

    note.pdf = pdf.credit_note_pdf(note)
    note.save(update_fields=["pdf"])
    return note
