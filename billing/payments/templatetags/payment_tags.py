"""The payment block of an invoice page ("how to pay"), the same for the parent and the entrepreneur."""
from django import template

from accounts.roles import ENTREPRENEUR, request_roles
from billing.payments import qr, selectors

register = template.Library()


def group_iban(iban: str) -> str:
    """NL91ABNA0417164300 → NL91 ABNA 0417 1643 00, as printed on bank cards."""
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


@register.inclusion_tag("payments/how_to_pay.html", takes_context=True)
def how_to_pay(context, invoice):
    request = context["request"]
    location = getattr(request, "location", None)
    roles = request_roles(request)
    details = selectors.transfer_details(invoice, location) if location is not None else None
    by_mandate = selectors.collected_by_mandate(invoice)
    return {
        "invoice": invoice,
        "payable": invoice.amount_due > 0,
        "by_mandate": by_mandate,
        "details": None if by_mandate else details,
        "iban": group_iban(details.iban) if details else "",
        "qr": qr.svg_data_uri(details) if details and not by_mandate else "",
        "can_pay_online": not by_mandate and selectors.ideal_available(invoice, request.user, roles, location),
        "can_record": ENTREPRENEUR in roles and invoice.amount_due > 0,
        "missing_account": ENTREPRENEUR in roles and details is None and invoice.amount_due > 0,
    }
