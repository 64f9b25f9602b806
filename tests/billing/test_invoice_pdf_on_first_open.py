"""An invoice's PDF is rendered the first time someone opens it, not by the monthly run: the run stores none,
the first open renders and stores it (in a short transaction of its own), a second open serves the stored bytes,
and two first opens at once end with one stored PDF that both get (docs/billing.md)."""
from datetime import date
from unittest import mock

import pytest

from tests.billing.conftest import at, location_of, make_contract


@pytest.fixture
def invoice(billing):
    from billing.invoices import pdf, services
    from billing.invoices.models import Invoice

    make_contract(billing)
    with at(billing.a), mock.patch.object(pdf, "invoice_pdf", side_effect=AssertionError("rendered")) as render:
        services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
        assert render.call_count == 0
        return Invoice.objects.get()


def stored(site, pk):
    from billing.invoices.models import Invoice

    with at(site):
        data = Invoice.objects.filter(pk=pk).values_list("pdf", flat=True).get()
    return None if data is None else bytes(data)


def test_the_monthly_run_renders_no_pdf(billing, invoice):
    assert invoice.status == "sent" and invoice.number is not None
    assert stored(billing.a, invoice.pk) is None


@pytest.mark.parametrize("path", ["/billing/invoices/{pk}/pdf/", "/api/v1/billing/invoices/{pk}/pdf/"])
def test_the_first_open_renders_and_stores_it(billing, invoice, client_for, path):
    response = client_for(billing.a.parent, billing.a).get(path.format(pk=invoice.pk))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert stored(billing.a, invoice.pk) == response.content


def test_the_second_open_serves_the_stored_bytes(billing, invoice, client_for):
    from billing.invoices import pdf

    parent = client_for(billing.a.parent, billing.a)
    first = parent.get(f"/billing/invoices/{invoice.pk}/pdf/").content
    with mock.patch.object(pdf, "invoice_pdf", side_effect=AssertionError("rendered again")):
        second = parent.get(f"/billing/invoices/{invoice.pk}/pdf/").content
        owner = client_for(billing.a.entrepreneur, billing.a).get(f"/api/v1/billing/invoices/{invoice.pk}/pdf/")
    assert second == first == owner.content


def test_the_pdf_is_the_same_bytes_every_time_it_is_rendered(billing, invoice):
    from billing.invoices import services

    with at(billing.a):
        assert services.render_invoice_pdf(invoice) == services.render_invoice_pdf(invoice)


def test_two_first_opens_at_once_store_one_pdf_and_both_get_it(billing, invoice):
    """The other request stored its PDF while this one was rendering: this one does not overwrite it and
    serves the stored bytes."""
    from billing.invoices import services
    from billing.invoices.models import Invoice

    real = services.render_invoice_pdf
    with at(billing.a):
        winner = real(invoice)
        mine = Invoice.objects.get(pk=invoice.pk)

        def the_other_request_stores_first(current):
            Invoice.objects.filter(pk=current.pk).update(pdf=winner)
            return winner.replace(b"%PDF", b"%PDF ", 1)  # would differ, to show which one is kept

        with mock.patch.object(services, "render_invoice_pdf", side_effect=the_other_request_stores_first):
            assert services.invoice_pdf(mine) == winner
    assert stored(billing.a, invoice.pk) == winner


@pytest.mark.parametrize(("language", "title"), [("nl", "Factuur"), ("en", "Invoice")])
def test_the_pdf_is_in_the_paying_parents_language(billing, invoice, language, title):
    from accounts.models import User
    from billing.invoices import services
    from tests.payments.test_invoice_shows_how_to_pay import pdf_text

    User.objects.filter(pk=billing.a.parent.pk).update(language=language)
    with at(billing.a):
        invoice.refresh_from_db()
        text = pdf_text(services.invoice_pdf(invoice))
    assert f"{title} {invoice.display_number}" in text


def test_a_draft_is_previewed_and_never_stored(billing, client_for):
    from billing.invoices import services

    contract = make_contract(billing)
    with at(billing.a):
        draft = services.create_one_off_invoice(contract, lines=[{"description": "Uitstap", "unit_price": "5.00"}],
                                                costs_date=date(2026, 2, 2), issue=False)
    assert draft.status == "draft"
    response = client_for(billing.a.entrepreneur, billing.a).get(f"/billing/invoices/{draft.pk}/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert stored(billing.a, draft.pk) is None
