"""Paying in a real browser at 375 px. A parent opens her invoice and sees how to pay it (the location's IBAN
and name, the payment reference and the EPC QR code), pays now through Stripe Checkout in test mode (the
server's Stripe calls are answered from the recordings; the Checkout page itself is a stand-in, and Stripe's
signed webhook says the payment came in) and sees the invoice paid. An entrepreneur imports a CAMT.053
statement and sees two invoices marked paid and one payment left for her to decide.

The data is arranged in the e2e server's database with `manage.py shell`; acts and checks go through the
browser, apart from the webhook, which Stripe sends to the server itself."""
import json
import time
import urllib.request
from pathlib import Path

from django.conf import settings

from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.test_parent_portal import DEMO, HEIGHT, WIDTH, arrange
from tests.payments.stripe_fake import sign

SCREENSHOTS = Path(__file__).resolve().parent / "failures"
ACCOUNT = "acct_1RecAlpha00001"
IBAN = "NL91ABNA0417164300"

SETUP = f"""
from datetime import date, timedelta
from decimal import Decimal
from django.db import transaction
from accounts.models import User
from billing.invoices.models import Invoice
from billing.invoices.services import INVOICE_SERIES, next_number
from billing.membership.models import ConnectedAccount
from billing.payments import services as payments
from cooperative.models import Location
from tenants.children.models import Child
kikker = Location.objects.get(slug='kikker')
ConnectedAccount.objects.update_or_create(location=kikker, defaults={{
    'account_id': '{ACCOUNT}', 'details_submitted': True, 'charges_enabled': True, 'payouts_enabled': True}})
payments.save_collection_settings(method='stripe', creditor_name='KDV Kikker', creditor_iban='{IBAN}')
parent = User.objects.get(email='ouder.jansen@demo.opvangkring.nl')
mila = Child.objects.get(first_name='Mila')
def invoice(total):
    with transaction.atomic():
        return Invoice.objects.create(
            number=next_number(INVOICE_SERIES), kind='manual', child=mila, parent=parent,
            period_start=date(2026, 11, 1), period_end=date(2026, 11, 30), issue_date=date.today(),
            due_date=date.today() + timedelta(days=14), total=Decimal(total), status='sent',
            payment_method='bank_transfer', jurisdiction=kikker.jurisdiction, location_name=kikker.name,
            parent_name=parent.full_name, child_name='Mila Jansen')
"""


def stripe_checkout_stand_in(route, return_url: str) -> None:
    """Stripe's hosted Checkout in test mode, as far as this journey needs it: a page with a pay button that
    returns to the location (Stripe sends the browser to success_url after the payment)."""
    route.fulfill(status=200, content_type="text/html", body=(
        "<!doctype html><html lang='nl'><head><title>Stripe Checkout (testmodus)</title></head><body>"
        f"<h1>Testmodus</h1><a id='pay' href='{return_url}'>Betalen</a></body></html>"))


def send_webhook(server, event: dict) -> str:
    """Deliver `event` to the server's webhook endpoint, signed as Stripe signs it."""
    payload = json.dumps(event)
    request = urllib.request.Request(f"{server.url()}stripe/webhook/", data=payload.encode(), method="POST", headers={
        "Content-Type": "application/json", "Stripe-Signature": sign(payload, settings.STRIPE_WEBHOOK_SECRET)})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - the local test server
        return response.read().decode()


def test_a_parent_sees_how_to_pay_and_pays_now_on_a_phone(new_page, server, stripe_api):
    data = arrange(SETUP + """
i = invoice('245.60')
out['invoice'] = i.pk
out['number'] = i.display_number
""")
    base = server.url("kikker")
    page = new_page(width=WIDTH, height=HEIGHT)
    login(page, base, "ouder.jansen" + DEMO)
    page.goto(f"{base}billing/invoices/{data['invoice']}/")
    block = page.locator("#how-to-pay")
    text = block.inner_text()
    assert "NL91 ABNA 0417 1643 00" in text and "KDV Kikker" in text
    assert "Betalingskenmerk (factuurnummer)" in text and data["number"] in text
    assert "€ 245,60" in text
    qr = block.locator("img[src^='data:image/svg+xml']")
    assert qr.is_visible() and qr.evaluate("img => img.naturalWidth") > 0
    assert "QR-code" in qr.get_attribute("alt")
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "pay-invoice-375.png"), full_page=True)

    back = f"{base}payments/invoices/{data['invoice']}/ideal/return/?status=paid"
    page.route("https://checkout.stripe.com/**", lambda route: stripe_checkout_stand_in(route, back))
    before = len(stripe_api.requests)
    block.get_by_role("button", name="Nu betalen").click()
    page.wait_for_url("https://checkout.stripe.com/**")
    session = [r for r in stripe_api.requests[before:] if r.path == "/v1/checkout/sessions"][-1]
    assert session.stripe_account == ACCOUNT
    assert session.form["line_items[0][price_data][unit_amount]"] == "24560"
    assert [session.form[f"payment_method_types[{i}]"] for i in range(3)] == ["ideal", "bancontact", "card"]

    result = send_webhook(server, {
        "id": f"evt_e2e_{time.time_ns()}", "object": "event", "type": "checkout.session.completed",
        "account": ACCOUNT, "created": int(time.time()), "livemode": False, "api_version": "2025-01-27.acacia",
        "data": {"object": {"id": "cs_test_RecIdeal0001", "object": "checkout.session", "payment_status": "paid",
                            "payment_intent": f"pi_e2e_{data['invoice']}",
                            "metadata": {"invoice": str(data["invoice"]), "location": "kikker"}}}})
    assert result == f"invoice {data['invoice']} paid"
    page.locator("#pay").click()
    page.wait_for_url(f"{base}payments/invoices/{data['invoice']}/ideal/return/*")
    assert "deze factuur is betaald" in page.locator("main").inner_text()
    page.goto(f"{base}billing/invoices/{data['invoice']}/")
    assert "betaald" in page.locator("main").inner_text()
    assert page.locator("#how-to-pay").count() == 0


CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>E2E-{stamp}</MsgId><CreDtTm>2026-12-03T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>E2E-{stamp}</Id><Acct><Id><IBAN>{iban}</IBAN></Id></Acct>
{entries}
</Stmt></BkToCstmrStmt></Document>"""
ENTRY = """<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-02</Dt></BookgDt>
<AcctSvcrRef>{ref}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>{name}</Nm></Dbtr></RltdPties>
<RmtInf><Ustrd>{text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"""


def test_an_entrepreneur_imports_a_statement_on_a_phone(new_page, server, tmp_path):
    data = arrange(SETUP + """
first, second = invoice('120.50'), invoice('869.97')
out['invoices'] = [first.pk, second.pk]
out['numbers'] = [first.display_number, second.display_number]
""")
    stamp = time.time_ns()
    entries = [
        ENTRY.format(amount="120.50", ref=f"{stamp}-1", name="E. Jansen", text=f"Factuur {data['numbers'][0]} Mila"),
        ENTRY.format(amount="869.97", ref=f"{stamp}-2", name="E. Jansen", text=data["numbers"][1]),
        ENTRY.format(amount="35.00", ref=f"{stamp}-3", name="Oma Jansen", text="Voor het zomerfeest"),
    ]
    statement = tmp_path / "afschrift.xml"
    statement.write_text(CAMT.format(stamp=stamp, iban=IBAN, entries="\n".join(entries)), encoding="utf-8")

    base = server.url("kikker")
    page = new_page(width=WIDTH, height=HEIGHT)
    login(page, base, "marieke" + DEMO)
    page.goto(f"{base}payments/")
    page.get_by_role("link", name="Bankafschrift inlezen").click()
    page.wait_for_url("**/payments/statements/")
    page.locator("#id_file").set_input_files(str(statement))
    page.get_by_role("button", name="Inlezen").click()
    page.wait_for_url("**/payments/statements/")
    message = page.get_by_role("status").first.inner_text()
    assert "2 facturen als betaald gemarkeerd" in message and "1 betaling wacht op jouw beslissing" in message
    to_decide = page.locator("#to-decide").inner_text()
    assert "€ 35,00" in to_decide and "Voor het zomerfeest" in to_decide
    assert page.locator("#to-decide").get_by_role("button", name="Aan factuur koppelen").count() == 1
    assert page.locator("#to-decide").get_by_role("button", name="Geen factuur").count() == 1
    booked = page.locator("main").inner_text()
    assert all(f"factuur {number} betaald" in booked for number in data["numbers"])
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "import-statement-375.png"), full_page=True)

    page.locator("#to-decide").get_by_role("button", name="Geen factuur").click()
    page.wait_for_url("**/payments/statements/")
    assert "Er wachten geen betalingen op een beslissing." in page.locator("#to-decide").inner_text()
    page.goto(f"{base}billing/invoices/{data['invoices'][0]}/")
    assert "betaald" in page.locator("main").inner_text()
