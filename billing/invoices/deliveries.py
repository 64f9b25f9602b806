"""The billing e-mails, delivered through the outbox after the commit of what they are about (docs/outbox.md;
they are written by billing.invoices.notify). Each is rendered when it is delivered, in the recipient's
language, with no more content than needed: which location, which document and where to find it. No child's
name, amounts or care details in the mail, and no PDF: a link to the invoice page, where the parent logs in to
download it (an invoice's PDF is rendered when it is first opened: billing.invoices.services.invoice_pdf).
A mail server that is down delays an e-mail; it never loses it silently."""
from django.conf import settings
from django.core.mail import send_mail
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config.languages import reader_language
from frontend.numbers import long_date
from outbox.registry import handler

INVOICE = "billing.invoice"
PAYMENT_FAILED = "billing.payment_failed"
REMINDER = "billing.reminder"
CONTRACT_ENDED = "billing.contract_ended"
STATEMENT = "billing.statement"
HOURS_APPROVED = "billing.hours_approved"
CLOSURE_CREDIT = "billing.closure_credit"


def invoice_ref(invoice_pk: int) -> str:
    """The e-mails to the paying parent about one invoice: shown on the entrepreneur's invoice page."""
    return f"invoice:{invoice_pk}"


def entrepreneur_ref(invoice_pk: int) -> str:
    """The entrepreneurs' own notices about one invoice."""
    return f"invoice-entrepreneur:{invoice_pk}"


def statement_ref(statement_pk: int) -> str:
    return f"statement:{statement_pk}"


def _portal_url(path: str) -> str:
    return connection.tenant.url.rstrip("/") + path


def _invoice_url(invoice) -> str:
    return _portal_url(f"/billing/invoices/{invoice.pk}/")


def _send(user, subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _language(user) -> str:
    return reader_language(user.language, connection.tenant)


def _invoice(pk):
    from billing.invoices.models import Invoice

    return Invoice.objects.select_related("parent").filter(pk=pk).first()


def _reminder(pk):
    from billing.invoices.models import Reminder

    return Reminder.objects.select_related("invoice__parent").filter(pk=pk).first()


@handler(INVOICE)
def send_invoice(payload: dict) -> None:
    """payload: {"invoice": id}."""
    invoice = _invoice(payload["invoice"])
    if invoice is None:
        return
    with translation.override(_language(invoice.parent)):
        _send(invoice.parent,
              _("New invoice from %(location)s") % {"location": invoice.location_name},
              _("A new invoice (%(number)s) from %(location)s is ready for you in the parent portal:\n%(url)s")
              % {"number": invoice.display_number, "location": invoice.location_name, "url": _invoice_url(invoice)})


@handler(PAYMENT_FAILED)
def send_payment_failed(payload: dict) -> None:
    """payload: {"invoice": id}."""
    invoice = _invoice(payload["invoice"])
    if invoice is None:
        return
    with translation.override(_language(invoice.parent)):
        _send(invoice.parent,
              _("Payment of invoice %(number)s did not go through") % {"number": invoice.display_number},
              _("The payment of invoice %(number)s from %(location)s did not go through. Please see the parent "
                "portal for how to pay:\n%(url)s")
              % {"number": invoice.display_number, "location": invoice.location_name, "url": _invoice_url(invoice)})


@handler(REMINDER)
def send_reminder(payload: dict) -> None:
    """payload: {"reminder": id}: the reminder step taken; the letter itself is in the portal."""
    reminder = _reminder(payload["reminder"])
    if reminder is None:
        return
    invoice = reminder.invoice
    with translation.override(_language(invoice.parent)):
        _send(invoice.parent,
              _("%(step)s: invoice %(number)s") % {"step": reminder.get_step_display().capitalize(),
                                                   "number": invoice.display_number},
              _("Invoice %(number)s from %(location)s has not been paid yet. The letter is in the parent "
                "portal:\n%(url)s") % {"number": invoice.display_number, "location": invoice.location_name,
                                       "url": _invoice_url(invoice)})


@handler(CONTRACT_ENDED)
def send_contract_ended(payload: dict) -> None:
    """payload: {"reminder": id} for the paying parent, {"reminder": id, "user": id} for an entrepreneur: the
    contract ended for non-payment (BE-VLG), without the child's name or amounts."""
    from accounts.models import User

    reminder = _reminder(payload["reminder"])
    if reminder is None:
        return
    invoice = reminder.invoice
    if "user" not in payload:
        with translation.override(_language(invoice.parent)):
            _send(invoice.parent,
                  _("Your childcare contract at %(location)s has ended") % {"location": invoice.location_name},
                  _("Invoice %(number)s from %(location)s was not paid within 30 days of the formal notice, so the "
                    "childcare contract ended on %(date)s, as the house rules say. See the parent portal:\n%(url)s")
                  % {"number": invoice.display_number, "location": invoice.location_name,
                     "date": long_date(reminder.sent_on), "url": _invoice_url(invoice)})
        return
    user = User.objects.filter(pk=payload["user"], is_active=True).first()
    if user is None:
        return
    with translation.override(_language(user)):
        _send(user, _("A contract has ended for non-payment"),
              _("A childcare contract at %(location)s ended on %(date)s: invoice %(number)s was not paid "
                "within 30 days of the formal notice. See the invoice:\n%(url)s")
              % {"location": invoice.location_name, "date": long_date(reminder.sent_on),
                 "number": invoice.display_number, "url": _invoice_url(invoice)})


@handler(HOURS_APPROVED)
def send_hours_approved(payload: dict) -> None:
    """payload: {"user": the paying parent's id, "hours": ids of the registered hours approved automatically}."""
    from accounts.models import User

    parent = User.objects.filter(pk=payload["user"]).first()
    count = len(payload.get("hours") or [])
    if parent is None or not count:
        return
    url = _portal_url(reverse("hours-approval", urlconf="config.urls_location"))
    with translation.override(_language(parent)):
        _send(parent, _("Hours approved automatically"),
              ngettext("%(count)s registered day of care at %(location)s was approved automatically after 7 "
                       "days. You can see it in the parent portal:\n%(url)s",
                       "%(count)s registered days of care at %(location)s were approved automatically after 7 "
                       "days. You can see them in the parent portal:\n%(url)s", count) % {
                  "count": count, "location": connection.tenant.name, "url": url})


@handler(STATEMENT)
def send_statement(payload: dict) -> None:
    """payload: {"statement": id}."""
    from billing.invoices.models import AnnualStatement

    statement = AnnualStatement.objects.select_related("parent").filter(pk=payload["statement"]).first()
    if statement is None:
        return
    url = _portal_url(f"/billing/statements/{statement.pk}/")
    with translation.override(_language(statement.parent)):
        if statement.version > 1:
            _send(statement.parent,
                  _("A new version of your annual statement %(year)s from %(location)s") % {
                      "year": statement.year, "location": statement.location_name},
                  _("The figures of your annual statement changed: %(reason)s Version %(version)s replaces the "
                    "earlier ones and is in the parent portal:\n%(url)s") % {
                      "reason": statement.change_reason, "version": statement.version, "url": url})
            return
        _send(statement.parent,
              _("Your annual statement %(year)s from %(location)s") % {"year": statement.year,
                                                                     "location": statement.location_name},
              _("Your annual statement is ready in the parent portal:\n%(url)s") % {"url": url})


@handler(CLOSURE_CREDIT)
def send_closure_credit(payload: dict) -> None:
    """payload: {"credit_note": id}: an invoice corrected because the childminder was closed; says why and
    where the credit note is, without amounts."""
    from billing.invoices.models import CreditNote

    note = CreditNote.objects.select_related("invoice__parent").filter(pk=payload["credit_note"]).first()
    if note is None:
        return
    invoice = note.invoice
    days = sorted(note.closure_days.values_list("day", flat=True))
    if not days:
        return
    with translation.override(_language(invoice.parent)):
        _send(invoice.parent,
              _("Credit note %(number)s from %(location)s: closed days are not charged") % {
                  "number": note.display_number, "location": invoice.location_name},
              _("The childminder of %(location)s was closed from %(start)s to %(end)s. Closed days are not "
                "charged, so invoice %(invoice)s is corrected with credit note %(number)s. You find both in the "
                "parent portal:\n%(url)s") % {
                  "location": invoice.location_name, "start": long_date(days[0]), "end": long_date(days[-1]),
                  "invoice": invoice.display_number, "number": note.display_number, "url": _invoice_url(invoice)})


REGISTER_CORRECTION = "billing.register_correction"


@handler(REGISTER_CORRECTION)
def send_register_correction(payload: dict) -> None:
    """payload: {"correction": id}: a sent invoice corrected after the register was put right; says which
    invoice and where the explanation is, without amounts."""
    from billing.invoices.models import InvoiceCorrection

    correction = (InvoiceCorrection.objects.select_related("invoice__parent", "credit_note", "correction_invoice")
                  .filter(pk=payload["correction"]).first())
    if correction is None:
        return
    invoice = correction.invoice
    document = correction.credit_note or correction.correction_invoice
    with translation.override(_language(invoice.parent)):
        _send(invoice.parent,
              _("Invoice %(invoice)s from %(location)s is corrected") % {
                  "invoice": invoice.display_number, "location": invoice.location_name},
              _("%(location)s corrected its attendance register for a day of this invoice's month, so invoice "
                "%(invoice)s is corrected with %(document)s. What changed, by whom and why is explained with the "
                "invoice in the parent portal:\n%(url)s") % {
                  "location": invoice.location_name, "invoice": invoice.display_number,
                  "document": document.display_number if document else "—", "url": _invoice_url(invoice)})
