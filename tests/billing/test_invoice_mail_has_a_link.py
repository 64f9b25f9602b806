"""The e-mail about a new invoice carries a link to the invoice page, never the PDF as an attachment: the parent
logs in to download it (the first download renders it). In the parent's language."""
from datetime import date

from tests.billing.conftest import at, location_of, make_contract
from tests.outbox.helpers import deliver_outbox


def test_the_invoice_mail_links_to_the_invoice_page_without_an_attachment(billing, mailoutbox):
    from accounts.models import User
    from billing.invoices import services
    from billing.invoices.models import Invoice

    User.objects.filter(pk=billing.a.parent.pk).update(language="nl")
    make_contract(billing)
    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
        invoice = Invoice.objects.get()
    mailoutbox.clear()
    deliver_outbox()
    [message] = mailoutbox
    assert message.to == [billing.a.parent.email]
    assert message.attachments == [] and not getattr(message, "alternatives", [])
    assert f"/billing/invoices/{invoice.pk}/" in message.body
    assert message.subject == f"Nieuwe factuur van {invoice.location_name}"
    assert "ouderportaal" in message.body and "%PDF" not in message.body
    with at(billing.a):
        assert Invoice.objects.filter(pk=invoice.pk, pdf__isnull=True).exists()  # sending rendered nothing
