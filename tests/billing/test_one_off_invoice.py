"""The entrepreneur issues a one-off invoice with free lines (one-off costs, for every tariff model) to the
paying parent of a child's contract: numbered in the same gapless series as the monthly invoices, with a
PDF and an e-mail, visible to the parent; bad input is a field error and stores nothing."""
import re
from datetime import date

import pytest

from outbox import services as outbox
from tests.billing.conftest import at, location_of, make_contract
from tests.outbox.helpers import rows

LINES = [{"description": "Inschrijfgeld", "quantity": "1", "unit_price": "25.00"},
         {"description": "Uitstap naar de kinderboerderij", "quantity": "2", "unit_price": "3.75"}]


@pytest.fixture
def contract(billing):
    return make_contract(billing)


def invoices_and_counter(site):
    from billing.invoices.models import Invoice, InvoiceCounter

    with at(site):
        counter = InvoiceCounter.objects.filter(series="invoice").first()
        return Invoice.objects.count(), counter.last_number if counter else 0


def test_issue_by_api_numbered_after_the_monthly_invoice(billing, contract, api, mailoutbox):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
        monthly = Invoice.objects.get()
    mailoutbox.clear()
    response = api(billing.a.entrepreneur, billing.a).post("/api/v1/billing/invoices/one-off/", {
        "contract": contract.pk, "date": "2026-02-10", "lines": LINES})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number"] == monthly.number + 1
    assert (body["kind"], body["status"], body["total"]) == ("manual", "sent", "32.50")
    assert body["parent"] == billing.a.parent.pk
    assert [(line["kind"], line["amount"]) for line in body["lines"]] == [("extra", "25.00"), ("extra", "7.50")]
    assert (body["period_start"], body["period_end"]) == ("2026-02-10", "2026-02-10")
    with at(billing.a):
        invoice = Invoice.objects.get(pk=body["id"])
        assert invoice.pdf is None and invoice.due_date is not None  # the PDF is rendered when first opened
    outbox.deliver([row.pk for row in rows(ref=f"invoice:{body['id']}")])  # its e-mail, after the commit
    assert [mail.to for mail in mailoutbox] == [[billing.a.parent.email]]
    # No line and no amount in the e-mail (the invoice's id may well be 32: its link holds the id).
    assert "Inschrijfgeld" not in mailoutbox[0].body
    assert re.search(r"32[.,]50", mailoutbox[0].body) is None
    parent = api(billing.a.parent, billing.a)
    assert parent.get(f"/api/v1/billing/invoices/{invoice.pk}/").json()["total"] == "32.50"
    download = parent.get(f"/api/v1/billing/invoices/{invoice.pk}/pdf/")
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    page = parent.get(f"/billing/invoices/{invoice.pk}/")
    assert page.status_code == 200 and "Uitstap naar de kinderboerderij" in page.content.decode()


def test_goes_to_the_contracts_paying_parent(billing, contract, api):
    from billing.tariffs import services as tariffs
    from tenants.children.models import Child

    payer = billing.two_location_parent
    with at(billing.a):
        Child.objects.get(pk=billing.a.child_id).guardians.add(payer)
        tariffs.set_contract_tariff(contract, model="nl_monthly_average", paying_parent=payer)
    response = api(billing.a.entrepreneur, billing.a).post("/api/v1/billing/invoices/one-off/", {
        "contract": contract.pk, "lines": LINES[:1]})
    assert response.status_code == 201 and response.json()["parent"] == payer.pk
    assert api(payer, billing.a).get(f"/api/v1/billing/invoices/{response.json()['id']}/").status_code == 200
    assert api(billing.a.parent, billing.a).get(
        f"/api/v1/billing/invoices/{response.json()['id']}/").status_code == 404


@pytest.mark.parametrize("payload, field", [
    ({"lines": [{"description": "Boek", "unit_price": "-5.00"}]}, "lines"),
    ({"lines": [{"description": "Boek", "unit_price": "abc"}]}, "lines"),
    ({"lines": [{"description": "", "unit_price": "5.00"}]}, "lines"),
    ({"lines": [{"description": "Boek", "quantity": "0", "unit_price": "5.00"}]}, "lines"),
    ({"lines": [{"description": "Boek", "unit_price": "0.00"}]}, "lines"),
    ({"lines": []}, "lines"),
    ({"lines": LINES, "contract": 999999}, "contract"),
    ({"lines": LINES, "contract": None}, "contract"),
    ({"lines": LINES, "date": "10-02-2026"}, "date"),
])
def test_bad_input_is_a_field_error_and_stores_nothing(billing, contract, api, payload, field):
    before = invoices_and_counter(billing.a)
    response = api(billing.a.entrepreneur, billing.a).post("/api/v1/billing/invoices/one-off/",
                                                           {"contract": contract.pk, **payload})
    assert response.status_code == 400
    assert field in response.json()
    assert invoices_and_counter(billing.a) == before


def test_draft_then_send_keeps_the_series_gapless(billing, contract, api):
    owner = api(billing.a.entrepreneur, billing.a)
    draft = owner.post("/api/v1/billing/invoices/one-off/", {"contract": contract.pk, "lines": LINES,
                                                             "send": False}).json()
    assert (draft["status"], draft["number"]) == ("draft", None)
    assert api(billing.a.parent, billing.a).get(f"/api/v1/billing/invoices/{draft['id']}/").status_code == 404
    sent = owner.post("/api/v1/billing/invoices/one-off/", {"contract": contract.pk, "lines": LINES}).json()
    issued = owner.post(f"/api/v1/billing/invoices/{draft['id']}/issue/")
    assert issued.status_code == 200
    assert issued.json()["number"] == sent["number"] + 1 and issued.json()["status"] == "sent"
    again = owner.post(f"/api/v1/billing/invoices/{draft['id']}/issue/")
    assert again.status_code == 400 and "status" in again.json()


def test_page_sends_the_invoice(billing, contract, client_for):
    from billing.invoices.models import Invoice

    owner = client_for(billing.a.entrepreneur, billing.a)
    form = owner.get("/billing/invoices/one-off/")
    assert form.status_code == 200 and billing.a.child_name in form.content.decode()
    response = owner.post("/billing/invoices/one-off/", {
        "contract": contract.pk, "date": "2026-02-10", "line_1_description": "Inschrijfgeld",
        "line_1_quantity": "1", "line_1_unit_price": "25.00", "line_2_quantity": "1", "action": "send"})
    assert response.status_code == 302
    with at(billing.a):
        invoice = Invoice.objects.get()
        assert (invoice.status, invoice.total, invoice.lines.count()) == ("sent", 25, 1)
    assert response["Location"] == f"/billing/invoices/{invoice.pk}/"
    page = owner.get(response["Location"])
    assert "is sent to" in page.content.decode()


def test_page_draft_send_and_delete(billing, contract, client_for):
    from billing.invoices.models import Invoice

    owner = client_for(billing.a.entrepreneur, billing.a)
    data = {"contract": contract.pk, "date": "2026-02-10", "line_1_description": "Boek", "line_1_quantity": "1",
            "line_1_unit_price": "12.00", "action": "draft"}
    owner.post("/billing/invoices/one-off/", data)
    owner.post("/billing/invoices/one-off/", data)
    with at(billing.a):
        first, second = Invoice.objects.order_by("pk")
    page = owner.get(f"/billing/invoices/{first.pk}/").content.decode()
    assert "Send the invoice" in page and "Delete the draft" in page
    assert owner.post(f"/billing/invoices/{first.pk}/send/").status_code == 302
    assert owner.post(f"/billing/invoices/{second.pk}/discard/").status_code == 302
    with at(billing.a):
        assert list(Invoice.objects.values_list("status", "number")) == [("sent", 1)]
    assert owner.post(f"/billing/invoices/{first.pk}/discard/").status_code == 302
    with at(billing.a):
        assert Invoice.objects.count() == 1


@pytest.mark.parametrize("data, field, message", [
    ({"line_1_description": "Boek", "line_1_unit_price": "-1"}, "line_1_unit_price", "greater than or equal to 0"),
    ({"line_1_unit_price": "5"}, "line_1_description", "Describe the cost."),
    ({"line_1_description": "Boek"}, "line_1_unit_price", "Enter the price."),
    ({"line_1_description": "Boek", "line_1_quantity": "0", "line_1_unit_price": "5"}, "line_1_quantity",
     "more than zero"),
    ({}, "line_1_description", "Add at least one line."),
    ({"line_1_description": "Boek", "line_1_unit_price": "0"}, None, "The invoice total must be more than zero."),
])
def test_page_field_errors_store_nothing(billing, contract, client_for, data, field, message):
    owner = client_for(billing.a.entrepreneur, billing.a)
    before = invoices_and_counter(billing.a)
    response = owner.post("/billing/invoices/one-off/", {"contract": contract.pk, "date": "2026-02-10",
                                                         "line_1_quantity": "1", **data})
    assert response.status_code == 400
    form = response.context["form"]
    errors = form.errors.get(field or "__all__", [])
    assert any(message in error for error in errors), form.errors
    assert invoices_and_counter(billing.a) == before


@pytest.mark.parametrize("who", ["other_entrepreneur", "other_parent", "staff", "parent", "other_family",
                                 "coop_admin"])
def test_refused_to_everyone_but_the_entrepreneur(billing, contract, client_for, who):
    from billing.invoices import services

    with at(billing.a):
        draft = services.create_one_off_invoice(contract, lines=LINES, costs_date=date(2026, 2, 1), issue=False)
    users = {"other_entrepreneur": billing.b.entrepreneur, "other_parent": billing.b.parent,
             "staff": billing.a.staff, "parent": billing.a.parent, "other_family": billing.two_location_parent,
             "coop_admin": billing.coop_admin}
    client = client_for(users[who], billing.a)
    for method, path in [("get", "/billing/invoices/one-off/"), ("post", "/billing/invoices/one-off/"),
                         ("post", f"/billing/invoices/{draft.pk}/send/"),
                         ("post", f"/billing/invoices/{draft.pk}/discard/"),
                         ("post", "/api/v1/billing/invoices/one-off/"),
                         ("post", f"/api/v1/billing/invoices/{draft.pk}/issue/")]:
        response = getattr(client, method)(path, {"contract": contract.pk, "line_1_description": "x",
                                                  "line_1_unit_price": "1", "date": "2026-02-10"})
        assert response.status_code in (403, 404), (who, method, path, response.status_code)
    with at(billing.a):
        draft.refresh_from_db()
        assert draft.status == "draft" and draft.number is None
