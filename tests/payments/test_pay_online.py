"""A parent pays one of her own invoices now with iDEAL, Bancontact or a card (Stripe Checkout on the location's
account)."""
import pytest

from billing.payments.models import Payment
from tests.payments.conftest import in_schema, make_invoice


def test_parent_is_sent_to_checkout_for_her_invoice(world, client_for, recorded_stripe, stripe_ready):
    invoice = make_invoice(world.a, total="869.97")
    response = client_for(world.a.parent, world.a).post(f"/payments/invoices/{invoice.pk}/ideal/")
    assert response.status_code == 303
    assert response["Location"] == "https://checkout.stripe.com/c/pay/cs_test_RecIdeal0001"
    session = recorded_stripe.calls("POST", "/v1/checkout/sessions")[0]
    assert session.stripe_account == "acct_1RecAlpha00001"
    assert [session.form[f"payment_method_types[{i}]"] for i in range(3)] == ["ideal", "bancontact", "card"]
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


def test_invoice_page_offers_ideal_for_an_unpaid_invoice(world, client_for, recorded_stripe, stripe_ready):
    invoice = make_invoice(world.a, total="120.00")
    page = client_for(world.a.parent, world.a).get(f"/billing/invoices/{invoice.pk}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Pay now" in body and f'action="/payments/invoices/{invoice.pk}/ideal/"' in body
    assert "Still to pay" in body and "120.00" in body
    pay = client_for(world.a.parent, world.a).post(f"/payments/invoices/{invoice.pk}/ideal/")
    assert pay.status_code == 303 and pay["Location"].startswith("https://checkout.stripe.com/")


@pytest.mark.parametrize("status", ["paid", "credited"])
def test_no_ideal_button_for_a_settled_invoice(world, client_for, stripe_ready, status):
    invoice = make_invoice(world.a, status=status)
    page = client_for(world.a.parent, world.a).get(f"/billing/invoices/{invoice.pk}/")
    assert page.status_code == 200 and "Pay now" not in page.content.decode()


def test_no_ideal_button_without_a_stripe_account_or_with_own_bank(world, client_for, stripe_ready):
    from billing.membership.models import ConnectedAccount
    from tests.payments.conftest import give_own_bank_settings

    invoice = make_invoice(world.a)
    give_own_bank_settings(world.a)
    assert "Pay now" not in client_for(world.a.parent, world.a).get(
        f"/billing/invoices/{invoice.pk}/").content.decode()
    ConnectedAccount.objects.filter(pk=stripe_ready.pk).delete()
    with in_schema(world.a):
        from billing.payments.models import CollectionSettings

        CollectionSettings.objects.update(method="stripe")
    assert "Pay now" not in client_for(world.a.parent, world.a).get(
        f"/billing/invoices/{invoice.pk}/").content.decode()


def test_only_the_paying_parent_sees_the_button(world, client_for, stripe_ready):
    invoice = make_invoice(world.a)
    owner = client_for(world.a.entrepreneur, world.a).get(f"/billing/invoices/{invoice.pk}/")
    assert owner.status_code == 200 and "Pay now" not in owner.content.decode()
    assert client_for(world.two_location_parent, world.a).get(f"/billing/invoices/{invoice.pk}/").status_code == 404
    assert client_for(world.b.parent, world.a).get(f"/billing/invoices/{invoice.pk}/").status_code in (403, 404)
