"""A parent pays one of her own invoices with iDEAL (Stripe Checkout on the location's account)."""
from billing.payments.models import Payment
from tests.payments.conftest import in_schema, make_invoice


def test_parent_is_sent_to_checkout_for_her_invoice(world, client_for, recorded_stripe, stripe_ready):
    invoice = make_invoice(world.a, total="869.97")
    response = client_for(world.a.parent, world.a).post(f"/payments/invoices/{invoice.pk}/ideal/")
    assert response.status_code == 303
    assert response["Location"] == "https://checkout.stripe.com/c/pay/cs_test_RecIdeal0001"
    session = recorded_stripe.calls("POST", "/v1/checkout/sessions")[0]
    assert session.stripe_account == "acct_1RecAlpha00001"
    assert session.form["payment_method_types[0]"] == "ideal"
    assert session.form["line_items[0][price_data][unit_amount]"] == "86997"
    assert session.form["line_items[0][price_data][currency]"] == "eur"
    assert session.form["metadata[invoice]"] == str(invoice.pk)
    assert session.form["success_url"].startswith(f"http://{world.a.host}/payments/invoices/{invoice.pk}/ideal/return/")
    with in_schema(world.a):
        payment = Payment.objects.get(invoice_id=invoice.pk)
    assert (payment.method, payment.status, str(payment.amount)) == ("ideal", "pending", "869.97")


def test_api_returns_the_checkout_address(world, api, recorded_stripe, stripe_ready):
    invoice = make_invoice(world.a)
    response = api(world.a.parent, world.a).post(f"/api/v1/payments/invoices/{invoice.pk}/ideal/")
    assert response.status_code == 201
    assert response.json() == {"url": "https://checkout.stripe.com/c/pay/cs_test_RecIdeal0001"}


def test_a_paid_or_draft_invoice_cannot_be_paid(world, api, recorded_stripe, stripe_ready):
    for status in ("paid", "draft", "credited"):
        invoice = make_invoice(world.a, status=status)
        assert api(world.a.parent, world.a).post(f"/api/v1/payments/invoices/{invoice.pk}/ideal/").status_code == 404
    assert recorded_stripe.requests == []


def test_another_parents_invoice_is_not_found(world, api, recorded_stripe, stripe_ready):
    invoice = make_invoice(world.a, parent=world.two_location_parent)
    assert api(world.a.parent, world.a).post(f"/api/v1/payments/invoices/{invoice.pk}/ideal/").status_code == 404
    assert recorded_stripe.requests == []


def test_without_stripe_the_parent_gets_a_clear_error(world, api, recorded_stripe):
    invoice = make_invoice(world.a)
    response = api(world.a.parent, world.a).post(f"/api/v1/payments/invoices/{invoice.pk}/ideal/")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_return_page_tells_the_parent_it_is_being_processed(world, client_for, stripe_ready):
    invoice = make_invoice(world.a)
    response = client_for(world.a.parent, world.a).get(f"/payments/invoices/{invoice.pk}/ideal/return/?status=paid")
    assert response.status_code == 200
    assert b"being processed" in response.content
