"""Stripe webhooks: one endpoint on the main domain for the platform's events (membership fees) and the
connected accounts' events (a location's parents).

Each event is verified with Stripe's signature scheme, then stored by id in the public schema in the same
transaction that applies it: a second delivery finds the id and changes nothing, and a failure while
applying it rolls the id back too, so Stripe's retry applies it again. Events of a connected account run
in that location's schema, found by the account id.
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django_tenants.utils import tenant_context

from billing.membership.models import ConnectedAccount, StripeEvent
from billing.payments import invoice_hooks, rules, services

logger = logging.getLogger(__name__)

DUPLICATE = "duplicate"


def process_event(event) -> str:
    """Apply a verified event once; returns what was done (for the log and the stored event)."""
    if hasattr(event, "to_dict"):
        event = event.to_dict()  # plain dicts from here on
    event_id = event["id"]
    account_id = event.get("account") or ""
    try:
        with transaction.atomic():
            record = StripeEvent.objects.create(event_id=event_id, type=event["type"], account_id=account_id)
            result = _apply(event, record)
            record.result = result[:300]
            record.save(update_fields=["result", "location"])
    except IntegrityError:
        if StripeEvent.objects.filter(event_id=event_id).exists():
            return DUPLICATE
        raise
    logger.info("stripe event %s (%s): %s", event_id, event["type"], result)
    return result


def _apply(event, record: StripeEvent) -> str:
    action = rules.event_action(event["type"], event.get("account"))
    if action is None:
        return "ignored"
    obj = event["data"]["object"]
    if action.startswith("membership_"):
        from billing.membership import services as membership

        return getattr(membership, f"on_{action.removeprefix('membership_')}")(obj)
    connected = ConnectedAccount.objects.select_related("location").filter(account_id=event["account"]).first()
    if connected is None:
        return "unknown account"
    record.location = connected.location
    if action == "account_updated":
        services.update_account(connected.account_id, obj)
        return "account updated"
    with tenant_context(connected.location):
        try:
            return HANDLERS[action](obj, event)
        except ValidationError as exc:
            # The invoice cannot take this change (e.g. credited meanwhile): keep the event, change nothing.
            return f"refused: {'; '.join(exc.messages)}"


# --- handlers, each in the location's schema -----------------------------------------------------------------


def _mandate_for_setup_intent(obj):
    from billing.payments.models import Mandate

    return Mandate.objects.filter(stripe_setup_intent_id=obj["id"]).first()


def on_mandate_active(obj, event) -> str:
    from billing.payments.models import Mandate

    mandate = _mandate_for_setup_intent(obj)
    if mandate is None:
        return "no mandate"
    if mandate.status == Mandate.Status.PENDING:
        mandate.status = Mandate.Status.ACTIVE
        mandate.stripe_payment_method_id = services._id(obj.get("payment_method")) or mandate.stripe_payment_method_id
        mandate.stripe_mandate_id = services._id(obj.get("mandate")) or mandate.stripe_mandate_id
        mandate.save(update_fields=["status", "stripe_payment_method_id", "stripe_mandate_id"])
    return "mandate active"


def on_mandate_failed(obj, event) -> str:
    from billing.payments.models import Mandate

    mandate = _mandate_for_setup_intent(obj)
    if mandate is None:
        return "no mandate"
    if mandate.status in (Mandate.Status.PENDING, Mandate.Status.ACTIVE):
        error = obj.get("last_setup_error") or {}
        mandate.status = Mandate.Status.FAILED
        mandate.failure_reason = (error.get("message") or error.get("code") or "")[:300]
        mandate.save(update_fields=["status", "failure_reason"])
    return "mandate failed"


def on_mandate_updated(obj, event) -> str:
    from billing.payments.models import Mandate

    if obj.get("status") != "inactive":
        return "mandate unchanged"
    for mandate in Mandate.objects.filter(stripe_mandate_id=obj["id"]):
        services.revoke_mandate(mandate)
    return "mandate ended"


def _invoice_and_payment(intent_id: str | None, metadata, session_id: str | None = None):
    from billing.payments.models import Payment

    payment = None
    if session_id:
        payment = Payment.objects.filter(stripe_checkout_session_id=session_id).first()
    if payment is None and intent_id:
        payment = Payment.objects.filter(stripe_payment_intent_id=intent_id).first()
    if payment is not None:
        return payment.invoice, payment
    invoice_pk = (metadata or {}).get("invoice")
    if invoice_pk and str(invoice_pk).isdigit():
        invoice = invoice_hooks.invoice_model().objects.filter(pk=int(invoice_pk)).first()
        return invoice, None
    return None, None


def _paid_at(event) -> datetime:
    return datetime.fromtimestamp(int(event.get("created") or 0), tz=UTC)


def _set_payment(payment, status: str, reason: str = "", intent_id: str = "") -> None:
    if payment is None:
        return
    payment.status = status
    payment.failure_reason = reason[:300]
    if intent_id and not payment.stripe_payment_intent_id:
        payment.stripe_payment_intent_id = intent_id
    payment.save(update_fields=["status", "failure_reason", "stripe_payment_intent_id", "updated_at"])


def on_payment_succeeded(obj, event) -> str:
    from billing.payments.models import Payment

    invoice, payment = _invoice_and_payment(obj["id"], obj.get("metadata"))
    if invoice is None:
        return "no invoice"
    _set_payment(payment, Payment.Status.SUCCEEDED)
    invoice_hooks.mark_paid(invoice, paid_at=_paid_at(event), reference=obj["id"])
    return f"invoice {invoice.pk} paid"


def on_payment_failed(obj, event) -> str:
    from billing.payments.models import Payment

    invoice, payment = _invoice_and_payment(obj["id"], obj.get("metadata"))
    if invoice is None:
        return "no invoice"
    error = obj.get("last_payment_error") or {}
    reason = error.get("message") or error.get("code") or "payment failed"
    _set_payment(payment, Payment.Status.FAILED, reason)
    if not rules.is_direct_debit_failure(obj.get("payment_method_types") or [], error.get("type")):
        return f"invoice {invoice.pk}: payment not completed"
    invoice_hooks.reopen_after_failed_payment(invoice, reason=f"Direct debit failed: {reason}")
    return f"invoice {invoice.pk} reopened"


def on_checkout_completed(obj, event) -> str:
    from billing.payments.models import Payment

    if obj.get("payment_status") != "paid":
        return "checkout awaiting payment"
    intent_id = services._id(obj.get("payment_intent"))
    invoice, payment = _invoice_and_payment(intent_id, obj.get("metadata"), session_id=obj["id"])
    if invoice is None:
        return "no invoice"
    _set_payment(payment, Payment.Status.SUCCEEDED, intent_id=intent_id)
    invoice_hooks.mark_paid(invoice, paid_at=_paid_at(event), reference=intent_id or obj["id"])
    return f"invoice {invoice.pk} paid"


def on_checkout_failed(obj, event) -> str:
    from billing.payments.models import Payment

    invoice, payment = _invoice_and_payment(services._id(obj.get("payment_intent")), obj.get("metadata"),
                                            session_id=obj["id"])
    _set_payment(payment, Payment.Status.FAILED, "iDEAL payment failed")
    return f"invoice {invoice.pk if invoice else '-'}: payment not completed"


def on_debit_reversed(obj, event) -> str:
    """A parent disputed a direct debit at the bank (SEPA chargeback): the invoice is unpaid again."""
    from billing.payments.models import Payment

    details = (obj.get("payment_method_details") or {})
    if details and details.get("type") not in (None, "sepa_debit"):
        return "dispute on another method"
    invoice, payment = _invoice_and_payment(services._id(obj.get("payment_intent")), obj.get("metadata"))
    if invoice is None:
        return "no invoice"
    _set_payment(payment, Payment.Status.FAILED, f"reversed: {obj.get('reason') or ''}")
    invoice_hooks.reopen_after_failed_payment(invoice, reason=f"Direct debit reversed: {obj.get('reason') or ''}")
    return f"invoice {invoice.pk} reopened"


HANDLERS = {
    "mandate_active": on_mandate_active,
    "mandate_failed": on_mandate_failed,
    "mandate_updated": on_mandate_updated,
    "payment_succeeded": on_payment_succeeded,
    "payment_failed": on_payment_failed,
    "checkout_completed": on_checkout_completed,
    "checkout_failed": on_checkout_failed,
    "debit_reversed": on_debit_reversed,
}
