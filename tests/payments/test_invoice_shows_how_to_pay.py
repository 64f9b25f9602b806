"""Every invoice says how to pay it, on the page (parent and entrepreneur) and on the PDF: the location's IBAN
and name, the payment reference its jurisdiction's policy names, an EPC QR code, and "pay now" where the
location takes online payments; a parent whose mandate collects the invoice is told she need not do anything."""
import base64
import re
import zlib

import pytest
from django.utils import translation

from billing.payments import services
from tests.billing.conftest import flemish_a  # noqa: F401 (fixture)
from tests.payments.conftest import FLEMISH_IBAN, give_bank_account, in_schema, numbered_invoice


def page(client_for, user, site, invoice):
    response = client_for(user, site).get(f"/billing/invoices/{invoice.pk}/")
    return response.status_code, response.content.decode()


def test_dutch_invoice_shows_iban_name_invoice_number_and_qr(world, client_for):
    give_bank_account(world.a)
    invoice = numbered_invoice(world.a, 4101, "120.50")
    status, body = page(client_for, world.a.parent, world.a, invoice)
    assert status == 200
    assert "NL91 ABNA 0417 1643 00" in body and "Kinderopvang Alpha" in body
    assert re.search(r"Payment reference \(invoice number\)</dt><dd class=\"reference\">004101<", body)
    assert 'src="data:image/svg+xml' in body and "QR code for your banking app" in body
    assert "Pay now" not in body  # no Stripe account that takes payments


def test_flemish_invoice_shows_the_structured_communication(world, client_for, flemish_a):  # noqa: F811
    give_bank_account(world.a, iban=FLEMISH_IBAN, name="Kinderopvang 't Pagadderke")
    invoice = numbered_invoice(world.a, 4201, "412.35", jurisdiction="BE-VLG")
    status, body = page(client_for, world.a.parent, world.a, invoice)
    assert status == 200
    assert "BE68 5390 0754 7034" in body
    assert "Structured communication</dt><dd class=\"reference\">+++000/0004/20130+++<" in body


def test_pay_now_where_the_location_takes_online_payments(world, client_for, stripe_ready):
    give_bank_account(world.a)
    invoice = numbered_invoice(world.a, 4101, "120.50")
    _status, body = page(client_for, world.a.parent, world.a, invoice)
    assert "Pay now" in body and f'action="/payments/invoices/{invoice.pk}/ideal/"' in body
    assert "with iDEAL, Bancontact or a card" in body and "Or transfer the amount yourself" in body


def test_a_parent_with_a_mandate_is_told_it_is_collected(world, client_for):
    give_bank_account(world.a)
    with in_schema(world.a):
        services.save_collection_settings(method="own_bank", creditor_name="Kinderopvang Alpha",
                                          creditor_iban="NL91ABNA0417164300", creditor_id="NL57ZZZ999999999999")
        services.give_mandate(parent=world.a.parent, account_holder="P. Alpha", iban="BE68 5390 0754 7034",
                              bic="GKCCBEBB", location=world.a.location)
    invoice = numbered_invoice(world.a, 4101, "120.50", method="direct_debit")
    _status, body = page(client_for, world.a.parent, world.a, invoice)
    assert "collected from your bank account by direct debit" in body
    assert "NL91 ABNA" not in body and "data:image/svg+xml" not in body


@pytest.mark.parametrize("status", ["paid", "credited"])
def test_a_settled_invoice_asks_for_nothing(world, client_for, status):
    give_bank_account(world.a)
    invoice = numbered_invoice(world.a, 4101, "120.50", status=status)
    _status, body = page(client_for, world.a.parent, world.a, invoice)
    assert "How to pay" not in body and "data:image/svg+xml" not in body


def test_the_entrepreneur_sees_the_same_block_and_can_record_a_payment(world, client_for):
    give_bank_account(world.a)
    invoice = numbered_invoice(world.a, 4101, "120.50")
    status, body = page(client_for, world.a.entrepreneur, world.a, invoice)
    assert status == 200 and "004101" in body and "data:image/svg+xml" in body
    assert f'href="/payments/invoices/{invoice.pk}/record/"' in body


def test_without_an_iban_the_entrepreneur_is_told_where_to_enter_it(world, client_for):
    invoice = numbered_invoice(world.a, 4101, "120.50")
    _status, body = page(client_for, world.a.entrepreneur, world.a, invoice)
    assert "enter the location's IBAN" in body and "data:image/svg+xml" not in body
    _status, parent_body = page(client_for, world.a.parent, world.a, invoice)
    assert "enter the location's IBAN" not in parent_body


def test_another_parent_or_location_sees_no_payment_details(world, client_for):
    give_bank_account(world.a)
    invoice = numbered_invoice(world.a, 4101, "120.50")
    assert page(client_for, world.two_location_parent, world.a, invoice)[0] == 404
    assert page(client_for, world.b.entrepreneur, world.a, invoice)[0] in (403, 404)
    assert page(client_for, world.a.staff, world.a, invoice)[0] == 403


def pdf_text(data: bytes) -> str:
    """The drawing commands of a reportlab PDF (its streams are ASCII85 and then Flate encoded)."""
    text = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        raw = stream.strip()
        if raw.endswith(b"~>"):
            raw = zlib.decompress(base64.a85decode(raw[:-2]))
        text.append(raw.decode("latin-1"))
    return "\n".join(text)


def test_the_pdf_says_how_to_pay_with_the_qr_code(world):
    from billing.invoices import pdf

    give_bank_account(world.a)
    invoice = numbered_invoice(world.a, 4101, "120.50")
    with in_schema(world.a), translation.override("en"):
        text = pdf_text(pdf.invoice_pdf(invoice, []))
    assert "NL91 ABNA 0417 1643 00" in text and "Kinderopvang Alpha" in text
    assert "Payment reference \\(invoice number\\): 004101" in text
    # The squares drawn are exactly the modules of the transfer's EPC QR code (row by row, dark runs).
    from billing.payments import qr, selectors

    with in_schema(world.a):
        details = selectors.transfer_details(invoice, world.a.location)
    expected = qr.epc_qr(details, mask=qr.PDF_MASK).matrix
    drawn = [[0] * len(expected) for _row in expected]
    for c, r, w in re.findall(r"^(\d+) (\d+) (\d+) 1 re$", text, re.M):
        for column in range(int(c), int(c) + int(w)):
            drawn[int(r)][column] = 1
    assert drawn == [list(row) for row in expected]
    assert "\n".join(qr.epc_payload(details).split("\n")[6:8]) == "NL91ABNA0417164300\nEUR120.5"


def test_the_flemish_pdf_has_the_structured_communication(world, flemish_a):  # noqa: F811
    from billing.invoices import pdf

    give_bank_account(world.a, iban=FLEMISH_IBAN)
    invoice = numbered_invoice(world.a, 4201, "412.35", jurisdiction="BE-VLG")
    with in_schema(world.a), translation.override("en"):
        text = pdf_text(pdf.invoice_pdf(invoice, []))
    assert "+++000/0004/20130+++" in text


def test_a_pdf_without_an_account_names_the_payment_method(world):
    from billing.invoices import pdf

    invoice = numbered_invoice(world.a, 4101, "120.50")
    with in_schema(world.a), translation.override("en"):
        text = pdf_text(pdf.invoice_pdf(invoice, []))
    assert "Payment: bank transfer" in text
