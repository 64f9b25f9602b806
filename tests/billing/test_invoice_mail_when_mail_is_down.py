"""An invoice sent while the mail server is down: the invoice is numbered and sent and the page answers as
usual, the e-mail to the paying parent waits in the outbox instead of being dropped without a word, the
entrepreneur's invoice page says it has not reached the parent yet (and, given up, that it failed, with a button
to send it again), sending the invoice again uses no second number, and the parent gets the e-mail exactly once
when the mail server is back. The monthly run and the reminders the same: they finish, and each e-mail arrives
once."""
from datetime import date, timedelta

import pytest
from django.core import mail

from tests.billing.conftest import at, location_of, make_contract
from tests.outbox.helpers import committed_while_mail_is_down, deliver_outbox, give_up, later, mail_server_down, rows

INVOICE, REMINDER = "billing.invoice", "billing.reminder"


@pytest.fixture
def draft(billing, client_for):
    """A one-off draft invoice of location A's entrepreneur for the paying parent."""
    from billing.invoices.models import Invoice

    contract = make_contract(billing)
    owner = client_for(billing.a.entrepreneur, billing.a)
    assert owner.post("/billing/invoices/one-off/", {
        "contract": contract.pk, "date": "2026-02-10", "line_1_description": "Boek", "line_1_quantity": "1",
        "line_1_unit_price": "12.00", "action": "draft"}).status_code == 302
    with at(billing.a):
        return Invoice.objects.get()


def numbers(site) -> list:
    from billing.invoices.models import Invoice, InvoiceCounter

    with at(site):
        return [list(Invoice.objects.values_list("status", "number")),
                InvoiceCounter.objects.filter(series="invoice").values_list("last_number", flat=True).first()]


def test_sent_while_the_mail_server_is_down_and_delivered_once_it_is_back(
        billing, draft, client_for, django_capture_on_commit_callbacks):
    owner = client_for(billing.a.entrepreneur, billing.a)
    page_url = f"/billing/invoices/{draft.pk}/"
    with committed_while_mail_is_down(django_capture_on_commit_callbacks):
        response = owner.post(f"/billing/invoices/{draft.pk}/send/")
    assert response.status_code == 302 and response["Location"] == page_url
    issued = numbers(billing.a)
    assert issued[0] == [("sent", issued[1])]
    [row] = rows(kind=INVOICE)
    assert (row.payload, row.status, row.attempts, row.last_error) == (
        {"invoice": draft.pk}, "pending", 1, "SMTPServerDisconnected")
    assert mail.outbox == []

    page = owner.get(page_url).content.decode()
    assert 'data-delivery-state="retrying"' in page
    assert "E-mail to the parent not sent yet — it will be tried again." in page
    assert f'action="/billing/invoices/{draft.pk}/send-mail-again/"' in page
    assert "data-delivery-state" not in client_for(billing.a.parent, billing.a).get(page_url).content.decode()

    # Not seeing the e-mail go out, the entrepreneur sends the invoice again: no second number, no second e-mail.
    assert owner.post(f"/billing/invoices/{draft.pk}/send/").status_code == 302
    assert numbers(billing.a) == issued and len(rows(kind=INVOICE)) == 1

    deliver_outbox(now=later(2))  # the sweep, the mail server back
    deliver_outbox(now=later(600))
    [message] = mail.outbox
    assert message.to == [billing.a.parent.email]
    assert message.subject == f"New invoice from {billing.a.location.name}"
    assert message.attachments == [] and "12.00" not in message.body and "€" not in message.body  # the PDF: portal
    assert page_url in message.body
    assert 'data-delivery-state="sent"' in owner.get(page_url).content.decode()


def test_given_up_shown_on_the_invoice_page_and_sent_again_once(billing, draft, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    page_url = f"/billing/invoices/{draft.pk}/"
    assert owner.post(f"/billing/invoices/{draft.pk}/send/").status_code == 302
    give_up()
    page = owner.get(page_url).content.decode()
    assert 'data-delivery-state="failed"' in page and "The e-mail to the parent could not be sent." in page
    overview = client_for(billing.coop_admin).get("/deliveries/").content.decode()
    assert INVOICE in overview and billing.a.parent.email not in overview

    assert client_for(billing.a.parent, billing.a).post(f"/billing/invoices/{draft.pk}/send-mail-again/"
                                                        ).status_code == 403
    response = owner.post(f"/billing/invoices/{draft.pk}/send-mail-again/")
    assert response.status_code == 302 and response["Location"] == page_url
    deliver_outbox()
    deliver_outbox(now=later(5))
    assert [m.to for m in mail.outbox] == [[billing.a.parent.email]]
    assert owner.post(f"/billing/invoices/{draft.pk}/send-mail-again/").status_code == 302  # nothing left
    deliver_outbox(now=later(10))
    assert len(mail.outbox) == 1 and len(numbers(billing.a)[0]) == 1


def test_the_monthly_run_and_the_reminders_finish_and_each_e_mail_arrives_once(billing):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    make_contract(billing)
    with at(billing.a), mail_server_down():
        result = services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
        deliver_outbox()
        invoice = Invoice.objects.get()
        assert services.send_reminders(invoice.due_date + timedelta(days=7)) == 1
        deliver_outbox()
    assert len(result.created) == 1 and mail.outbox == []
    # Only this test's kinds: a row another test committed from a thread of its own is not this test's.
    assert {(row.kind, row.status, row.attempts) for row in rows(kind__in=[INVOICE, REMINDER])} == {
        (INVOICE, "pending", 1), (REMINDER, "pending", 1)}
    with at(billing.a):
        assert services.send_reminders(invoice.due_date + timedelta(days=8)) == 0  # the step is taken once
    deliver_outbox(now=later(2))
    deliver_outbox(now=later(600))
    assert sorted(m.subject for m in mail.outbox) == sorted([
        f"New invoice from {billing.a.location.name}", f"Payment reminder: invoice {invoice.display_number}"])
    assert {m.to[0] for m in mail.outbox} == {billing.a.parent.email}

