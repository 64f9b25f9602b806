"""Reads of invoices that several places share. Who sees what: the entrepreneur every invoice of her
location; a parent only the invoices and statements addressed to her (as the paying parent); nobody else —
staff, advisers and the cooperative admin never see a parent's invoice (on the main domain these tables are
not even reachable: they live in the location schemas)."""
from accounts.roles import ENTREPRENEUR, PARENT
from billing.invoices.models import AnnualStatement, CreditNote, Invoice


def invoices_visible_to(user, roles: set[str]):
    if ENTREPRENEUR in roles:
        return Invoice.objects.all()
    if PARENT in roles:
        return Invoice.objects.filter(parent=user).exclude(status=Invoice.Status.DRAFT)
    return Invoice.objects.none()


def credit_notes_visible_to(user, roles: set[str]):
    if ENTREPRENEUR in roles:
        return CreditNote.objects.select_related("invoice")
    if PARENT in roles:
        return CreditNote.objects.filter(invoice__parent=user).select_related("invoice")
    return CreditNote.objects.none()


def statements_visible_to(user, roles: set[str]):
    if ENTREPRENEUR in roles:
        return AnnualStatement.objects.select_related("child")
    if PARENT in roles:
        return AnnualStatement.objects.filter(parent=user).select_related("child")
    return AnnualStatement.objects.none()
