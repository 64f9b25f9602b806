"""The entrepreneur records a bank transfer or cash received for an invoice (page and API): the whole amount
still to pay, on a day not in the future; the invoice is marked paid through the invoices' own mark_paid.
Bad input is an error on its field and stores nothing; nobody but the location's entrepreneur can do it."""
from datetime import timedelta

import pytest
from django.utils import timezone

from billing.payments.models import Payment
from tests.payments.conftest import in_schema, invoice_status, numbered_invoice


def payments_of(site, invoice):
    with in_schema(site):
        return list(Payment.objects.filter(invoice_id=invoice.pk).values_list("method", "amount", "status"))


def test_a_transfer_recorded_on_the_page_marks_the_invoice_paid(world, client_for):
    invoice = numbered_invoice(world.a, 4101, "120.50")
    client = client_for(world.a.entrepreneur, world.a)
    form = client.get(f"/payments/invoices/{invoice.pk}/record/")
    assert form.status_code == 200 and 'value="120.50"' in form.content.decode()
    response = client.post(f"/payments/invoices/{invoice.pk}/record/", {
        "method": "bank_transfer", "amount": "120,50", "paid_on": timezone.localdate().isoformat(),
        "note": "J. de Vries"})
    assert response.status_code == 302 and response["Location"] == f"/billing/invoices/{invoice.pk}/"
    assert invoice_status(world.a, invoice.pk) == "paid"
    assert [(m, str(a), s) for m, a, s in payments_of(world.a, invoice)] == [("bank_transfer", "120.50", "succeeded")]
    from billing.invoices.models import Invoice

    with in_schema(world.a):
        assert Invoice.objects.get(pk=invoice.pk).payment_reference.startswith("bank transfer")


def test_cash_through_the_api(world, api):
    invoice = numbered_invoice(world.a, 4101, "80.00")
    response = api(world.a.entrepreneur, world.a).post(f"/api/v1/payments/invoices/{invoice.pk}/payments/", {
        "method": "cash", "amount": "80.00", "paid_on": timezone.localdate()})
    assert response.status_code == 201
    assert response.json()["method"] == "cash" and response.json()["amount"] == "80.00"
    assert invoice_status(world.a, invoice.pk) == "paid"


@pytest.mark.parametrize("data, field", [
    ({"method": "cheque"}, "method"),
    ({"amount": "abc"}, "amount"),
    ({"amount": "-5"}, "amount"),
    ({"amount": "60.00"}, "amount"),          # a part of what is due
    ({"amount": "120.505"}, "amount"),
    ({"paid_on": None}, "paid_on"),
    ({"paid_on": "tomorrow"}, "paid_on"),
    ({"note": "x" * 301}, "note"),
])
def test_bad_input_is_an_error_on_its_field_and_stores_nothing(world, api, data, field):
    invoice = numbered_invoice(world.a, 4101, "120.50")
    good = {"method": "bank_transfer", "amount": "120.50", "paid_on": timezone.localdate().isoformat(), "note": ""}
    if data.get("paid_on") == "tomorrow":
        data = {"paid_on": (timezone.localdate() + timedelta(days=2)).isoformat()}
    response = api(world.a.entrepreneur, world.a).post(f"/api/v1/payments/invoices/{invoice.pk}/payments/",
                                                       {**good, **data})
    assert response.status_code == 400 and field in response.json(), response.json()
    assert invoice_status(world.a, invoice.pk) == "sent" and payments_of(world.a, invoice) == []


def test_the_page_shows_the_error_at_the_field_in_dutch(world, client_for):
    from accounts.models import User

    User.objects.filter(pk=world.a.entrepreneur.pk).update(language="nl")
    invoice = numbered_invoice(world.a, 4101, "120.50")
    response = client_for(world.a.entrepreneur, world.a).post(f"/payments/invoices/{invoice.pk}/record/", {
        "method": "bank_transfer", "amount": "60", "paid_on": timezone.localdate().isoformat()})
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_amount_error"' in body and "Het bedrag moet zijn wat nog te betalen is: € 120,50" in body
    assert invoice_status(world.a, invoice.pk) == "sent"


@pytest.mark.parametrize("status", ["paid", "credited", "draft"])
def test_an_invoice_with_nothing_to_pay_is_not_found(world, api, status):
    invoice = numbered_invoice(world.a, 4101, "120.50", status=status)
    response = api(world.a.entrepreneur, world.a).post(f"/api/v1/payments/invoices/{invoice.pk}/payments/", {
        "method": "cash", "amount": "120.50", "paid_on": timezone.localdate()})
    assert response.status_code == 404


def test_nobody_else_can_record_a_payment(world, api, client_for):
    invoice = numbered_invoice(world.a, 4101, "120.50")
    data = {"method": "cash", "amount": "120.50", "paid_on": timezone.localdate()}
    for user in (world.a.parent, world.a.staff, world.b.entrepreneur, world.coop_admin):
        assert api(user, world.a).post(f"/api/v1/payments/invoices/{invoice.pk}/payments/", data).status_code \
            in (403, 404), user
        assert client_for(user, world.a).get(f"/payments/invoices/{invoice.pk}/record/").status_code in (403, 404)
    # Location B's entrepreneur on her own host: invoice A's id names nothing of hers.
    assert api(world.b.entrepreneur, world.b).post(f"/api/v1/payments/invoices/{invoice.pk}/payments/",
                                                   data).status_code == 404
    assert api(None, world.a).post(f"/api/v1/payments/invoices/{invoice.pk}/payments/", data).status_code in (401, 403)
    assert invoice_status(world.a, invoice.pk) == "sent" and payments_of(world.a, invoice) == []


@pytest.mark.parametrize("path", ["/api/v1/payments/invoices/abc/payments/",
                                  "/api/v1/payments/invoices/999999/payments/", "/payments/invoices/999999/record/"])
def test_broken_ids_are_not_found(world, api, path):
    assert api(world.a.entrepreneur, world.a).post(path, {}).status_code == 404
