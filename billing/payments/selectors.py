"""Reads of payments that respect who asks: a parent her own invoices and mandate; the entrepreneur all."""
from accounts.roles import ENTREPRENEUR, PARENT
from billing.membership.models import ConnectedAccount
from billing.payments import invoice_hooks, rules
from billing.payments.models import CollectionSettings, Mandate, SepaFile


def payable_invoices_of(user, roles: set[str]):
    """The unpaid invoices a parent can pay here: only those she is the paying parent of."""
    invoice_model = invoice_hooks.invoice_model()
    if PARENT not in roles:
        return invoice_model.objects.none()
    return invoice_model.objects.filter(parent=user, status__in=invoice_hooks.UNPAID)


def ideal_available(invoice, user, roles: set[str], location) -> bool:
    """Whether to offer the parent "Pay with iDEAL" for `invoice`: her own unpaid invoice, at a location
    that collects through a Stripe account able to take payments."""
    if location is None or not payable_invoices_of(user, roles).filter(pk=invoice.pk).exists():
        return False
    if not invoice_hooks.is_payable(invoice) or CollectionSettings.load().method != rules.STRIPE:
        return False
    return ConnectedAccount.objects.filter(location=location, charges_enabled=True).exists()


def mandates_visible_to(user, roles: set[str]):
    if ENTREPRENEUR in roles:
        return Mandate.objects.select_related("parent")
    if PARENT in roles:
        return Mandate.objects.filter(parent=user)
    return Mandate.objects.none()


def sepa_files_visible_to(roles: set[str]):
    return SepaFile.objects.all() if ENTREPRENEUR in roles else SepaFile.objects.none()
