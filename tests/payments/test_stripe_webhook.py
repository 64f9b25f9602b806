"""Stripe's webhook on the main domain: signature verified with Stripe's scheme, each event applied once,
routed to the location by its connected account; a failed direct debit reopens the invoice."""
from billing.invoices.models import Reminder
from billing.membership.models import ConnectedAccount, StripeEvent
from billing.payments import services
from billing.payments.models import Mandate, Payment
from tests.payments.conftest import in_schema, invoice_status, make_invoice
from tests.payments.stripe_fake import deliver, sign, stripe_event

ACCOUNT = "acct_1RecAlpha00001"


def paid_event(invoice, event_id="evt_paid_1", intent="pi_RecDebit0001"):
    return stripe_event("payment_intent.succeeded", {
        "id": intent, "object": "payment_intent", "amount": 86997, "currency": "eur", "status": "succeeded",
        "payment_method_types": ["sepa_debit"], "metadata": {"invoice": str(invoice.pk), "location": "alpha"}},
        account=ACCOUNT, event_id=event_id)


def failed_event(invoice, event_id="evt_failed_1"):
    return stripe_event("payment_intent.payment_failed", {
        "id": "pi_RecDebit0001", "object": "payment_intent", "status": "requires_payment_method",
        "payment_method_types": ["sepa_debit"], "metadata": {"invoice": str(invoice.pk)},
        "last_payment_error": {"type": "card_error", "code": "insufficient_funds",
                               "message": "The account has insufficient funds."}},
        account=ACCOUNT, event_id=event_id)


def test_payment_succeeded_marks_the_invoice_paid(world, client_for, stripe_ready):
    invoice = make_invoice(world.a)
    response = deliver(client_for(), paid_event(invoice))
    assert response.status_code == 200
    assert invoice_status(world.a, invoice.pk) == "paid"
    event = StripeEvent.objects.get(event_id="evt_paid_1")
    assert event.location == world.a.location and "paid" in event.result


def test_an_event_delivered_twice_changes_nothing_the_second_time(world, client_for, stripe_ready):
    from billing.invoices.models import Invoice

    invoice = make_invoice(world.a)
    client = client_for()
    assert deliver(client, paid_event(invoice)).status_code == 200
    with in_schema(world.a):
        first = Invoice.objects.values("status", "paid_at", "payment_reference").get(pk=invoice.pk)
    later = paid_event(invoice)
    later["data"]["object"]["id"] = "pi_other"  # same event id: Stripe redelivers the very same event
    second = deliver(client, later)
    assert second.status_code == 200 and second.content == b"duplicate"
    with in_schema(world.a):
        assert Invoice.objects.values("status", "paid_at", "payment_reference").get(pk=invoice.pk) == first
    assert StripeEvent.objects.filter(event_id="evt_paid_1").count() == 1


def test_a_failed_direct_debit_reopens_the_invoice_and_starts_the_reminders(world, client_for, stripe_ready):
    invoice = make_invoice(world.a)
    client = client_for()
    deliver(client, paid_event(invoice))
    assert invoice_status(world.a, invoice.pk) == "paid"
    assert deliver(client, failed_event(invoice)).status_code == 200
    assert invoice_status(world.a, invoice.pk) == "open"
    with in_schema(world.a):
        steps = list(Reminder.objects.filter(invoice_id=invoice.pk).values_list("step", flat=True))
    assert steps == ["failed_payment"]
    deliver(client, failed_event(invoice))  # redelivered: still one reminder
    with in_schema(world.a):
        assert Reminder.objects.filter(invoice_id=invoice.pk).count() == 1


def test_a_failed_ideal_payment_does_not_reopen(world, client_for, stripe_ready):
    invoice = make_invoice(world.a)
    event = failed_event(invoice)
    event["data"]["object"]["payment_method_types"] = ["ideal"]
    deliver(client_for(), event)
    assert invoice_status(world.a, invoice.pk) == "sent"


def test_a_sepa_chargeback_reopens_the_invoice(world, client_for, stripe_ready):
    invoice = make_invoice(world.a, status="paid")
    with in_schema(world.a):
        Payment.objects.create(invoice_id=invoice.pk, method="direct_debit", amount=invoice.total,
                               status="succeeded", stripe_payment_intent_id="pi_Charged")
    deliver(client_for(), stripe_event("charge.dispute.created", {
        "id": "du_1", "object": "dispute", "payment_intent": "pi_Charged", "reason": "debit_not_authorized",
        "payment_method_details": {"type": "sepa_debit"}}, account=ACCOUNT, event_id="evt_dispute"))
    assert invoice_status(world.a, invoice.pk) == "open"


def test_checkout_completed_marks_the_ideal_payment_paid(world, client_for, recorded_stripe, stripe_ready):
    invoice = make_invoice(world.a)
    with in_schema(world.a):
        services.pay_online(invoice, success_url="https://x.test/ok", cancel_url="https://x.test/no",
                                location=world.a.location)
    deliver(client_for(), stripe_event("checkout.session.completed", {
        "id": "cs_test_RecIdeal0001", "object": "checkout.session", "payment_status": "paid",
        "payment_intent": "pi_Ideal1", "metadata": {"invoice": str(invoice.pk)}}, account=ACCOUNT,
        event_id="evt_checkout"))
    assert invoice_status(world.a, invoice.pk) == "paid"
    with in_schema(world.a):
        payment = Payment.objects.get(invoice_id=invoice.pk)
    assert (payment.status, payment.stripe_payment_intent_id) == ("succeeded", "pi_Ideal1")


def test_events_are_routed_by_connected_account(world, client_for, stripe_ready):
    """The same invoice id at location B is untouched by an event of A's account."""
    invoice_a = make_invoice(world.a)
    invoice_b = make_invoice(world.b)
    event = paid_event(invoice_a)
    event["data"]["object"]["metadata"]["invoice"] = str(invoice_b.pk)
    deliver(client_for(), event)
    assert invoice_status(world.b, invoice_b.pk) == "sent"


def test_unknown_account_is_acknowledged_and_ignored(world, client_for):
    invoice = make_invoice(world.a)
    event = paid_event(invoice)
    event["account"] = "acct_unknown"
    response = deliver(client_for(), event)
    assert response.status_code == 200 and response.content == b"unknown account"
    assert invoice_status(world.a, invoice.pk) == "sent"


def test_bad_signature_is_refused_with_400(world, client_for, stripe_ready):
    invoice = make_invoice(world.a)
    client = client_for()
    assert deliver(client, paid_event(invoice), secret="whsec_wrong").status_code == 400
    assert deliver(client, paid_event(invoice), signature="").status_code == 400
    assert deliver(client, paid_event(invoice), signature="t=1,v1=abc").status_code == 400
    old = sign('{"id": "x"}', "whsec_fake", timestamp=1)
    assert deliver(client, paid_event(invoice), signature=old).status_code == 400
    assert invoice_status(world.a, invoice.pk) == "sent"
    assert not StripeEvent.objects.exists()


def test_tampered_payload_is_refused(world, client_for, stripe_ready):
    from django.conf import settings

    invoice = make_invoice(world.a)
    header = sign('{"id": "evt_other"}', settings.STRIPE_WEBHOOK_SECRET)
    assert deliver(client_for(), paid_event(invoice), signature=header).status_code == 400


def test_connect_endpoint_secret_is_accepted_too(world, client_for, settings, stripe_ready):
    settings.STRIPE_CONNECT_WEBHOOK_SECRET = "whsec_connect_fake"
    invoice = make_invoice(world.a)
    assert deliver(client_for(), paid_event(invoice), secret="whsec_connect_fake").status_code == 200
    assert invoice_status(world.a, invoice.pk) == "paid"


def test_get_is_not_allowed(world, client_for):
    assert client_for().get("/stripe/webhook/").status_code == 405


def test_account_updated_finishes_onboarding(world, client_for):
    ConnectedAccount.objects.create(location=world.a.location, account_id=ACCOUNT)
    deliver(client_for(), stripe_event("account.updated", {
        "id": ACCOUNT, "object": "account", "details_submitted": True, "charges_enabled": True,
        "payouts_enabled": True}, account=ACCOUNT, event_id="evt_account"))
    assert ConnectedAccount.objects.get(account_id=ACCOUNT).is_ready


def test_setup_failed_marks_the_mandate_refused(world, client_for, stripe_ready):
    with in_schema(world.a):
        mandate = Mandate.objects.create(parent=world.a.parent, method="stripe", reference="ALPHA-M999999",
                                         account_holder="Parent alpha", iban_masked="NL•• … 4300",
                                         status="pending", signed_at="2026-11-01T10:00:00Z",
                                         stripe_setup_intent_id="seti_pending")
    deliver(client_for(), stripe_event("setup_intent.setup_failed", {
        "id": "seti_pending", "object": "setup_intent", "status": "requires_payment_method",
        "last_setup_error": {"code": "bank_account_unusable", "message": "Account closed."}},
        account=ACCOUNT, event_id="evt_setup_failed"))
    with in_schema(world.a):
        mandate.refresh_from_db()
    assert (mandate.status, mandate.failure_reason) == ("failed", "Account closed.")


def test_direct_debit_collection_then_webhook(world, client_for, recorded_stripe, stripe_ready):
    """The monthly collection starts a PaymentIntent from the mandate; the webhook then pays the invoice."""
    with in_schema(world.a):
        services.give_mandate(parent=world.a.parent, account_holder="Parent alpha", iban="NL91ABNA0417164300",
                              location=world.a.location)
    invoice = make_invoice(world.a)
    with in_schema(world.a):
        assert services.collect_due_invoices(world.a.location) == 1
        assert services.collect_due_invoices(world.a.location) == 0  # never twice for one invoice
    intent = recorded_stripe.calls("POST", "/v1/payment_intents")[0]
    assert intent.stripe_account == ACCOUNT
    assert (intent.form["amount"], intent.form["payment_method"], intent.form["off_session"]) == (
        "86997", "pm_RecSepa0001", "true")
    assert intent.headers["Idempotency-Key"] == f"debit-{world.a.location.pk}-{invoice.pk}-1"
    deliver(client_for(), paid_event(invoice))
    assert invoice_status(world.a, invoice.pk) == "paid"
    with in_schema(world.a):
        assert Payment.objects.get(invoice_id=invoice.pk).status == "succeeded"
