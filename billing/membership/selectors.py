"""What the cooperative admin sees of the membership fees: per location, paid up or late. Only the
public schema is read; nothing of a location's parents or their invoices."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from billing.membership import rules
from billing.membership.models import MembershipInvoice, MembershipPrice, MembershipSubscription


@dataclass
class Standing:
    location: object
    monthly_fee: Decimal | None
    subscription: MembershipSubscription | None
    standing: str
    open_amount: Decimal
    oldest_due: date | None
    last_paid_at: object


def standings(today: date, only: str | None = None) -> list[Standing]:
    from cooperative.models import Location

    prices = {p.kind: p.monthly_amount for p in MembershipPrice.objects.all()}
    subscriptions = {s.location_id: s for s in MembershipSubscription.objects.all()}
    open_invoices: dict[int, list[MembershipInvoice]] = {}
    last_paid: dict[int, object] = {}
    for invoice in MembershipInvoice.objects.all():
        if invoice.status == "open":
            open_invoices.setdefault(invoice.location_id, []).append(invoice)
        previous = last_paid.get(invoice.location_id)
        if invoice.paid_at and (previous is None or invoice.paid_at > previous):
            last_paid[invoice.location_id] = invoice.paid_at
    rows = []
    for location in Location.objects.exclude(status=Location.Status.OFFBOARDED).order_by("name"):
        subscription = subscriptions.get(location.pk)
        invoices = open_invoices.get(location.pk, [])
        dues = [i.due_date for i in invoices if i.due_date]
        try:
            fee = subscription.monthly_amount if subscription else rules.monthly_fee(location.kind, prices)
        except ValueError:
            fee = None
        row = Standing(location=location, monthly_fee=fee, subscription=subscription,
                       standing=rules.standing(subscription.status if subscription else None, dues, today),
                       open_amount=sum((i.amount_due - i.amount_paid for i in invoices), Decimal("0.00")),
                       oldest_due=min(dues) if dues else None, last_paid_at=last_paid.get(location.pk))
        if only is None or row.standing == only:
            rows.append(row)
    return rows
