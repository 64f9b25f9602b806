"""A payment from a statement that fits no invoice waits for the entrepreneur: she links it to the invoice it
pays (which is then paid) or sets it aside as no invoice payment. Each is decided once; the amount must be what
is still to pay; another location, a parent or staff cannot decide."""
import pytest

from billing.payments.models import Payment, StatementEntry
from tests.payments.conftest import give_bank_account, in_schema, invoice_status, numbered_invoice, upload


@pytest.fixture
def imported(world, client_for):
    give_bank_account(world.a)
    invoices = {n: numbered_invoice(world.a, n, total) for n, total in
                ((4101, "120.50"), (4102, "869.97"), (4103, "80.00"), (4104, "50.00"))}
    client_for(world.a.entrepreneur, world.a).post("/payments/statements/", {"file": upload("camt053_alpha.xml")})
    with in_schema(world.a):
        open_entries = {str(e.amount): e for e in StatementEntry.objects.filter(status="open")}
    return invoices, open_entries


def test_link_a_gift_to_an_invoice_on_the_page(world, client_for, imported):
    invoices, open_entries = imported
    gift = open_entries["50.00"]
    response = client_for(world.a.entrepreneur, world.a).post(f"/payments/statements/entries/{gift.pk}/link/",
                                                              {"invoice": invoices[4104].pk})
    assert response.status_code == 302
    assert invoice_status(world.a, invoices[4104].pk) == "paid"
    with in_schema(world.a):
        entry = StatementEntry.objects.get(pk=gift.pk)
        assert (entry.status, entry.invoice_id, entry.decided_by_id) == ("linked", invoices[4104].pk,
                                                                         world.a.entrepreneur.pk)
        assert Payment.objects.get(statement_entry=entry).invoice_id == invoices[4104].pk


def test_link_through_the_api(world, api, imported):
    invoices, open_entries = imported
    response = api(world.a.entrepreneur, world.a).post(
        f"/api/v1/payments/statement-entries/{open_entries['50.00'].pk}/link/", {"invoice": invoices[4104].pk})
    assert response.status_code == 200 and response.json()["status"] == "linked"
    listed = api(world.a.entrepreneur, world.a).get("/api/v1/payments/statement-entries/?status=open").json()
    assert [e["amount"] for e in listed] == ["75.00"]


def test_an_amount_that_is_not_what_is_due_is_an_error_on_invoice(world, api, imported):
    invoices, open_entries = imported
    response = api(world.a.entrepreneur, world.a).post(
        f"/api/v1/payments/statement-entries/{open_entries['75.00'].pk}/link/", {"invoice": invoices[4103].pk})
    assert response.status_code == 400 and "invoice" in response.json()
    assert "€ 80.00" in response.json()["invoice"][0]
    assert invoice_status(world.a, invoices[4103].pk) == "sent"
    with in_schema(world.a):
        assert StatementEntry.objects.get(pk=open_entries["75.00"].pk).status == "open"


@pytest.mark.parametrize("invoice", ["paid", 999999, "abc", None])
def test_linking_to_no_unpaid_invoice_is_an_error_on_invoice(world, api, imported, invoice):
    invoices, open_entries = imported
    if invoice == "paid":
        invoice = invoices[4101].pk  # paid by the statement already
    response = api(world.a.entrepreneur, world.a).post(
        f"/api/v1/payments/statement-entries/{open_entries['50.00'].pk}/link/", {"invoice": invoice})
    assert response.status_code == 400 and "invoice" in response.json()


def test_not_an_invoice_sets_it_aside_once(world, api, client_for, imported):
    _invoices, open_entries = imported
    gift = open_entries["50.00"]
    response = client_for(world.a.entrepreneur, world.a).post(f"/payments/statements/entries/{gift.pk}/dismiss/",
                                                              {"note": "Gift van oma"})
    assert response.status_code == 302
    with in_schema(world.a):
        assert StatementEntry.objects.filter(pk=gift.pk).values_list("status", "note").get() == ("dismissed",
                                                                                                   "Gift van oma")
    again = api(world.a.entrepreneur, world.a).post(f"/api/v1/payments/statement-entries/{gift.pk}/dismiss/", {})
    assert again.status_code == 404  # decided: no longer among the payments to decide
    page = client_for(world.a.entrepreneur, world.a).get("/payments/statements/").content.decode()
    assert "not an invoice: Gift van oma" in page


def test_nobody_else_decides(world, api, client_for, imported):
    invoices, open_entries = imported
    gift = open_entries["50.00"]
    for user in (world.a.parent, world.a.staff, world.b.entrepreneur, world.two_location_parent):
        assert api(user, world.a).post(f"/api/v1/payments/statement-entries/{gift.pk}/link/",
                                       {"invoice": invoices[4104].pk}).status_code in (403, 404)
        assert client_for(user, world.a).post(f"/payments/statements/entries/{gift.pk}/dismiss/").status_code \
            in (403, 404)
        assert api(user, world.a).get("/api/v1/payments/statement-entries/").status_code in (403, 404)
    assert api(world.b.entrepreneur, world.b).post(f"/api/v1/payments/statement-entries/{gift.pk}/dismiss/",
                                                   {}).status_code == 404
    with in_schema(world.a):
        assert StatementEntry.objects.get(pk=gift.pk).status == "open"
    assert invoice_status(world.a, invoices[4104].pk) == "sent"


@pytest.mark.parametrize("path", ["/api/v1/payments/statement-entries/abc/link/",
                                  "/api/v1/payments/statement-entries/999999/link/",
                                  "/api/v1/payments/statement-entries/999999/dismiss/"])
def test_broken_ids_are_not_found(world, api, imported, path):
    assert api(world.a.entrepreneur, world.a).post(path, {"invoice": 1}).status_code == 404


def test_an_unknown_status_filter_is_an_error_on_status(world, api, imported):
    response = api(world.a.entrepreneur, world.a).get("/api/v1/payments/statement-entries/?status=nonsense")
    assert response.status_code == 400 and "status" in response.json()
