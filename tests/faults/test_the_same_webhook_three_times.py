"""Fault: Stripe delivers the same webhook event three times, at the same moment (its retries after a timeout can
overlap the first delivery still being handled).

Verdict wanted: the payment is applied once (the invoice paid once, one event row), every delivery answered with
200 so Stripe stops retrying, never a server error. What makes it hold: the event id is stored in the transaction
that applies it (billing.membership StripeEvent, unique), and the invoice row is locked while it is marked paid."""
from decimal import Decimal

from django.test import Client
from django_tenants.utils import schema_context

from tests.conftest import in_a_thread
from tests.faults.test_the_same_form_twice_at_once import at_once
from tests.payments.stripe_fake import deliver, stripe_event

ACCOUNT = "acct_1FaultThrice001"


def test_one_event_delivered_three_times_at_once_is_applied_once(world):
    from billing.invoices.models import Invoice
    from billing.membership.models import ConnectedAccount, StripeEvent
    from billing.payments.models import Payment

    site = world.a

    def make():
        ConnectedAccount.objects.filter(location=site.location).delete()
        ConnectedAccount.objects.create(location=site.location, account_id=ACCOUNT, details_submitted=True,
                                        charges_enabled=True, payouts_enabled=True)
        with schema_context(site.location.schema_name):
            return Invoice.objects.create(
                number=987655, child_id=site.child_id, parent=site.parent, period_start=site_date(1),
                period_end=site_date(30), issue_date=site_date(1), due_date=site_date(22), total=Decimal("869.97"),
                status="sent", payment_method="direct_debit", jurisdiction="NL", location_name=site.location.name,
                parent_name=site.parent.full_name).pk

    def remove(pk):
        StripeEvent.objects.filter(event_id="evt_fault_thrice").delete()
        ConnectedAccount.objects.filter(location=site.location, account_id=ACCOUNT).delete()
        from billing.invoices.deliveries import invoice_ref
        from outbox.models import Delivery

        Delivery.objects.filter(location=site.location, ref=invoice_ref(pk)).delete()  # the e-mails it made
        with schema_context(site.location.schema_name):
            Payment.objects.filter(invoice_id=pk).delete()
            Invoice.objects.filter(pk=pk).delete()

    pk = in_a_thread(make)
    try:
        event = stripe_event("payment_intent.succeeded", {
            "id": "pi_FaultThrice01", "object": "payment_intent", "amount": 86997, "currency": "eur",
            "status": "succeeded", "payment_method_types": ["sepa_debit"],
            "metadata": {"invoice": str(pk), "location": site.location.slug}}, account=ACCOUNT,
            event_id="evt_fault_thrice")
        send = lambda: deliver(Client(), event)  # noqa: E731
        assert at_once(send, send, send) == [200, 200, 200]
        assert StripeEvent.objects.filter(event_id="evt_fault_thrice").count() == 1
        with schema_context(site.location.schema_name):
            invoice = Invoice.objects.get(pk=pk)
            assert invoice.status == "paid"
            assert Payment.objects.filter(invoice_id=pk, status="succeeded").count() <= 1
    finally:
        in_a_thread(remove, pk)


def site_date(day: int):
    from datetime import date

    return date(2026, 11, day)
