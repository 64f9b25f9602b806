"""Reads of payments that respect who asks: a parent her own invoices and mandate; the entrepreneur all."""
from accounts.roles import ENTREPRENEUR, PARENT
from billing.payments import invoice_hooks
from billing.payments.models import Mandate, SepaFile


def payable_invoices_of(user, roles: set[str]):
    """The unpaid invoices a parent can pay here: only those she is the paying parent of."""
    invoice_model = invoice_hooks.invoice_model()
    if PARENT not in roles:
        return invoice_model.objects.none()
    return invoice_model.objects.filter(parent=user, status__in=invoice_hooks.UNPAID)


def mandates_visible_to(user, roles: set[str]):
    if ENTREPRENEUR in roles:
        return Mandate.objects.select_related("parent")
    if PARENT in roles:
        return Mandate.objects.filter(parent=user)
    return Mandate.objects.none()


def sepa_files_visible_to(roles: set[str]):
    return SepaFile.objects.all() if ENTREPRENEUR in roles else SepaFile.objects.none()
