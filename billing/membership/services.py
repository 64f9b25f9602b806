"""The membership fee: a Stripe Billing subscription per location with the price of its kind, and the
webhook handlers that keep the subscription and its invoices in step. Runs in the public schema."""
from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

import stripe
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from billing.membership import rules
from billing.membership.models import MembershipInvoice, MembershipPrice, MembershipSubscription
from billing.payments import stripe_api
from billing.payments.rules import from_cents, to_cents
from billing.payments.services import stripe_refusal

DAYS_UNTIL_DUE = 14


def _stripe_price(client, kind: str, amount: Decimal, product_id: str = "") -> tuple[str, str]:
    if not product_id:
        product_id = client.v1.products.create(params={
            "name": f"Membership fee ({kind})", "metadata": {"kind": kind}},
            options={"idempotency_key": f"membership-product-{kind}"}).id
    price = client.v1.prices.create(params={
        "product": product_id, "currency": "eur", "unit_amount": to_cents(amount),
        "recurring": {"interval": "month"}, "lookup_key": f"membership-{kind}-{to_cents(amount)}",
        "transfer_lookup_key": True, "metadata": {"kind": kind}})
    return product_id, price.id


def price_for(kind: str) -> MembershipPrice:
    """The price row of `kind`, with its Stripe price (made the first time, from the default fee)."""
    try:
        default = rules.monthly_fee(kind)
    except ValueError:
        raise ValidationError({"kind": [_("There is no membership fee for this kind of location.")]}) from None
    price, _created = MembershipPrice.objects.get_or_create(kind=kind, defaults={"monthly_amount": default})
    if not price.stripe_price_id:
        try:
            price.stripe_product_id, price.stripe_price_id = _stripe_price(
                stripe_api.client(), kind, price.monthly_amount, price.stripe_product_id)
        except stripe.StripeError as exc:
            raise stripe_refusal(exc) from exc
        price.save(update_fields=["stripe_product_id", "stripe_price_id", "updated_at"])
    return price


def set_price(kind: str, monthly_amount) -> MembershipPrice:
    """A new monthly fee for a kind (Stripe prices cannot change: a new price; new subscriptions use it)."""
    errors = {}
    if kind not in rules.DEFAULT_MONTHLY_FEE:
        errors["kind"] = [_("Choose a kind of location.")]
    try:
        amount = Decimal(str(monthly_amount))
        if not amount.is_finite() or amount <= 0 or amount != amount.quantize(Decimal("0.01")):
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors["monthly_amount"] = [_("Enter an amount in euros of more than zero, with at most two decimals.")]
    if errors:
        raise ValidationError(errors)
    price = MembershipPrice.objects.filter(kind=kind).first()
    try:
        product_id, price_id = _stripe_price(stripe_api.client(), kind, amount,
                                             price.stripe_product_id if price else "")
    except stripe.StripeError as exc:
        raise stripe_refusal(exc) from exc
    price, _created = MembershipPrice.objects.update_or_create(kind=kind, defaults={
        "monthly_amount": amount, "stripe_product_id": product_id, "stripe_price_id": price_id})
    return price


def _entrepreneur_email(location) -> str:
    from accounts.models import Membership

    membership = (Membership.objects.filter(location=location, role=Membership.Role.ENTREPRENEUR, is_active=True)
                  .select_related("user").first())
    return membership.user.email if membership else ""


def subscribe(location) -> MembershipSubscription:
    """Start the monthly membership fee of a location: a customer on the cooperative's own Stripe account
    and a subscription with the price of the location's kind, invoiced monthly, due in 14 days."""
    if MembershipSubscription.objects.filter(location=location).exists():
        raise ValidationError({"location": [_("This location already pays its membership fee.")]})
    if not location.is_active:
        raise ValidationError({"location": [_("Only an active location pays a membership fee.")]})
    price = price_for(location.kind)
    client = stripe_api.client()
    try:
        customer = client.v1.customers.create(params={
            "name": location.name, "email": _entrepreneur_email(location) or None,
            "preferred_locales": ["nl"], "metadata": {"location": location.slug}},
            options={"idempotency_key": f"membership-customer-{location.pk}"})
        subscription = client.v1.subscriptions.create(params={
            "customer": customer.id, "items": [{"price": price.stripe_price_id}],
            "collection_method": "send_invoice", "days_until_due": DAYS_UNTIL_DUE,
            "metadata": {"location": location.slug}},
            options={"idempotency_key": f"membership-subscription-{location.pk}"})
    except stripe.StripeError as exc:
        raise stripe_refusal(exc) from exc
    return MembershipSubscription.objects.create(
        location=location, stripe_customer_id=customer.id, stripe_subscription_id=subscription.id,
        status=subscription.status, monthly_amount=price.monthly_amount,
        current_period_end=_period_end(subscription))


def _timestamp(value) -> datetime | None:
    return datetime.fromtimestamp(int(value), tz=UTC) if value else None


def _day(value) -> date | None:
    moment = _timestamp(value)
    return moment.date() if moment else None


def _period_end(subscription) -> datetime | None:
    if hasattr(subscription, "to_dict"):
        subscription = subscription.to_dict()
    end = subscription.get("current_period_end")
    if end is None:
        items = (subscription.get("items") or {}).get("data") or []
        end = items[0].get("current_period_end") if items else None
    return _timestamp(end)


def _subscription_for(customer_id: str | None, subscription_id: str | None) -> MembershipSubscription | None:
    qs = MembershipSubscription.objects.select_related("location")
    if subscription_id:
        found = qs.filter(stripe_subscription_id=subscription_id).first()
        if found:
            return found
    return qs.filter(stripe_customer_id=customer_id).first() if customer_id else None


def _id(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.get("id")


def on_subscription(obj) -> str:
    subscription = _subscription_for(_id(obj.get("customer")), obj.get("id"))
    if subscription is None:
        return "unknown subscription"
    subscription.status = obj.get("status") or subscription.status
    subscription.current_period_end = _period_end(obj) or subscription.current_period_end
    subscription.save(update_fields=["status", "current_period_end", "updated_at"])
    return f"membership of {subscription.location.slug}: {subscription.status}"


@transaction.atomic
def on_invoice(obj) -> str:
    """Keep a membership invoice in step (finalized, paid, failed, overdue, voided)."""
    parent = obj.get("parent") or {}
    sub_details = parent.get("subscription_details") or {} if hasattr(parent, "get") else {}
    subscription_id = _id(obj.get("subscription")) or _id(sub_details.get("subscription"))
    subscription = _subscription_for(_id(obj.get("customer")), subscription_id)
    if subscription is None:
        return "not a membership invoice"
    transitions = (obj.get("status_transitions") or {})
    MembershipInvoice.objects.update_or_create(stripe_invoice_id=obj["id"], defaults={
        "location": subscription.location,
        "number": obj.get("number") or "",
        "amount_due": from_cents(obj.get("amount_due") or 0),
        "amount_paid": from_cents(obj.get("amount_paid") or 0),
        "status": obj.get("status") or "open",
        "due_date": _day(obj.get("due_date")),
        "period_start": _day(obj.get("period_start")),
        "period_end": _day(obj.get("period_end")),
        "paid_at": _timestamp(transitions.get("paid_at")),
        "hosted_invoice_url": obj.get("hosted_invoice_url") or "",
    })
    return f"membership invoice of {subscription.location.slug}: {obj.get('status')}"
