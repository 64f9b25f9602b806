"""The only doorway from payments into invoices: what may be paid, and the two status changes a payment
makes (billing.invoices.services.mark_paid and reopen_after_failed_payment, both idempotent)."""
from __future__ import annotations

from datetime import datetime

from billing.invoices import services as invoice_services
from billing.invoices.models import Invoice

UNPAID = (Invoice.Status.SENT, Invoice.Status.OPEN, Invoice.Status.OVERDUE)
PAID = Invoice.Status.PAID


def invoice_model():
    return Invoice


def is_payable(invoice: Invoice) -> bool:
    return invoice.status in UNPAID and invoice.amount_due > 0


def amount_due(invoice: Invoice):
    return invoice.amount_due


def mark_paid(invoice: Invoice, *, paid_at: datetime, reference: str) -> Invoice:
    return invoice_services.mark_paid(invoice, paid_at=paid_at, reference=reference)


def reopen_after_failed_payment(invoice: Invoice, *, reason: str) -> Invoice:
    """Open again, the failure logged as a reminder step; the reminder flow takes it from there."""
    return invoice_services.reopen_after_failed_payment(invoice, reason=reason)
