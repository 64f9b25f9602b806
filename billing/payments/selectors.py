"""Reads of payments that respect who asks: a parent her own invoices and mandate; the entrepreneur all."""
from accounts.roles import ENTREPRENEUR, PARENT
from billing.membership.models import ConnectedAccount
from billing.payments import invoice_hooks, rules
from billing.payments.models import BankStatement, CollectionSettings, Mandate, SepaFile, StatementEntry


def payable_invoices_of(user, roles: set[str]):
    """The unpaid invoices a parent can pay here: only those she is the paying parent of."""
    invoice_model = invoice_hooks.invoice_model()
    if PARENT not in roles:
        return invoice_model.objects.none()
    return invoice_model.objects.filter(parent=user, status__in=invoice_hooks.UNPAID)


def ideal_available(invoice, user, roles: set[str], location) -> bool:
    """Whether to offer the parent "pay now" (iDEAL, Bancontact, card) for `invoice`: her own unpaid invoice,
    at a location that collects through a Stripe account able to take payments."""
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


# --- how to pay an invoice ------------------------------------------------------------------------------------


def payment_reference(invoice) -> str:
    """The reference for a transfer of `invoice`, of the kind its jurisdiction's policy names: a Belgian
    structured communication or the invoice number. Empty for an invoice without a number (a draft)."""
    from jurisdictions import policy

    if not invoice.number:
        return ""
    return rules.payment_reference(policy(invoice.jurisdiction).payment_reference, invoice.number)


def collected_by_mandate(invoice) -> bool:
    """The location collects this invoice itself: a direct-debit invoice of a parent with an active mandate
    that has not failed (a failed or returned debit reopens the invoice, and then the parent pays)."""
    return (invoice.payment_method in (invoice.PaymentMethod.DIRECT_DEBIT, invoice.PaymentMethod.SEPA_FILE)
            and invoice.status == invoice.Status.SENT
            and Mandate.objects.filter(parent_id=invoice.parent_id, status=Mandate.Status.ACTIVE).exists())


def transfer_details(invoice, location) -> rules.TransferDetails | None:
    """Account, name, amount and reference for paying `invoice` by transfer; None when there is nothing to pay
    or the location has not entered its bank account."""
    from jurisdictions import policy

    settings_row = CollectionSettings.load()
    if not invoice.number or not settings_row.creditor_iban or not invoice_hooks.is_payable(invoice):
        return None
    return rules.TransferDetails(
        name=settings_row.creditor_name or location.name, iban=settings_row.creditor_iban,
        bic=settings_row.creditor_bic, amount=invoice_hooks.amount_due(invoice),
        reference=payment_reference(invoice),
        structured=policy(invoice.jurisdiction).payment_reference == rules.STRUCTURED)



# --- payments outside Stripe ---------------------------------------------------------------------------------


def payable_invoices_for_entrepreneur(roles: set[str]):
    invoice_model = invoice_hooks.invoice_model()
    if ENTREPRENEUR not in roles:
        return invoice_model.objects.none()
    return invoice_model.objects.filter(status__in=invoice_hooks.UNPAID)


def linkable_invoices(roles: set[str]):
    """The invoices a payment left to decide can be linked to: every unpaid one of the location."""
    return payable_invoices_for_entrepreneur(roles).filter(number__isnull=False).order_by("number")


def statements_visible_to(roles: set[str]):
    return BankStatement.objects.all() if ENTREPRENEUR in roles else BankStatement.objects.none()


def entries_to_decide(roles: set[str]):
    if ENTREPRENEUR not in roles:
        return StatementEntry.objects.none()
    return StatementEntry.objects.filter(status=StatementEntry.Status.OPEN).select_related("statement")


def entries_decided(roles: set[str]):
    if ENTREPRENEUR not in roles:
        return StatementEntry.objects.none()
    return (StatementEntry.objects.exclude(status=StatementEntry.Status.OPEN).select_related("invoice")
            .order_by("-booking_date", "-pk"))


def all_entries(roles: set[str]):
    if ENTREPRENEUR not in roles:
        return StatementEntry.objects.none()
    return StatementEntry.objects.order_by("-booking_date", "-pk")
