"""E-mail to the paying parent with no more content than needed: which location, which document and where
to find it. No child's name, amounts or care details in the mail; the document itself is in the portal."""
from django.conf import settings
from django.core.mail import send_mail
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from billing.invoices.models import AnnualStatement, Invoice


def _portal_url(path: str) -> str:
    from cooperative.models import Location

    location = Location.objects.filter(schema_name=connection.schema_name).first()
    base = location.url if location else "/"
    return base.rstrip("/") + path


def _send(user, subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=True)


def invoice_sent(invoice_pk: int) -> None:
    invoice = Invoice.objects.select_related("parent").filter(pk=invoice_pk).first()
    if invoice is None:
        return
    with translation.override(invoice.parent.language or "nl"):
        _send(invoice.parent,
              _("New invoice from %(location)s") % {"location": invoice.location_name},
              _("A new invoice (%(number)s) from %(location)s is ready for you in the parent portal:\n%(url)s")
              % {"number": invoice.display_number, "location": invoice.location_name,
                 "url": _portal_url(f"/billing/invoices/{invoice.pk}/")})


def payment_failed(invoice_pk: int) -> None:
    invoice = Invoice.objects.select_related("parent").filter(pk=invoice_pk).first()
    if invoice is None:
        return
    with translation.override(invoice.parent.language or "nl"):
        _send(invoice.parent,
              _("Payment of invoice %(number)s did not go through") % {"number": invoice.display_number},
              _("The payment of invoice %(number)s from %(location)s did not go through. Please see the parent "
                "portal for how to pay:\n%(url)s")
              % {"number": invoice.display_number, "location": invoice.location_name,
                 "url": _portal_url(f"/billing/invoices/{invoice.pk}/")})


def reminder_sent(reminder) -> None:
    invoice = reminder.invoice
    with translation.override(invoice.parent.language or "nl"):
        _send(invoice.parent,
              _("%(step)s: invoice %(number)s") % {"step": reminder.get_step_display().capitalize(),
                                                   "number": invoice.display_number},
              _("Invoice %(number)s from %(location)s has not been paid yet. The letter is in the parent "
                "portal:\n%(url)s") % {"number": invoice.display_number, "location": invoice.location_name,
                                       "url": _portal_url(f"/billing/invoices/{invoice.pk}/")})


def contract_ended(reminder) -> None:
    """The contract ended for non-payment (BE-VLG): a notice to the paying parent and the entrepreneurs,
    without the child's name or amounts; the details are in the portal."""
    from cooperative.models import Location
    from cooperative.selectors import entrepreneurs_of

    invoice = reminder.invoice
    with translation.override(invoice.parent.language or "nl"):
        _send(invoice.parent,
              _("Your childcare contract at %(location)s has ended") % {"location": invoice.location_name},
              _("Invoice %(number)s from %(location)s was not paid within 30 days of the formal notice, so the "
                "childcare contract ended on %(date)s, as the house rules say. See the parent portal:\n%(url)s")
              % {"number": invoice.display_number, "location": invoice.location_name,
                 "date": reminder.sent_on.isoformat(), "url": _portal_url(f"/billing/invoices/{invoice.pk}/")})
    location = Location.objects.prefetch_related("memberships__user").filter(
        schema_name=connection.schema_name).first()
    for user in entrepreneurs_of(location) if location else []:
        with translation.override(user.language or "nl"):
            _send(user, _("A contract has ended for non-payment"),
                  _("A childcare contract at %(location)s ended on %(date)s: invoice %(number)s was not paid "
                    "within 30 days of the formal notice. See the invoice:\n%(url)s")
                  % {"location": invoice.location_name, "date": reminder.sent_on.isoformat(),
                     "number": invoice.display_number, "url": _portal_url(f"/billing/invoices/{invoice.pk}/")})


def hours_auto_approved(parent, count: int, location_name: str) -> None:
    url = _portal_url(reverse("hours-approval", urlconf="config.urls_location"))
    with translation.override(parent.language or "nl"):
        _send(parent, _("Hours approved automatically"),
              ngettext("%(count)s registered day of care at %(location)s was approved automatically after 7 "
                       "days. You can see it in the parent portal:\n%(url)s",
                       "%(count)s registered days of care at %(location)s were approved automatically after 7 "
                       "days. You can see them in the parent portal:\n%(url)s", count) % {
                  "count": count, "location": location_name, "url": url})


def statement_ready(statement_pk: int) -> None:
    statement = AnnualStatement.objects.select_related("parent").filter(pk=statement_pk).first()
    if statement is None:
        return
    with translation.override(statement.parent.language or "nl"):
        _send(statement.parent,
              _("Your annual statement %(year)s from %(location)s") % {"year": statement.year,
                                                                     "location": statement.location_name},
              _("Your annual statement is ready in the parent portal:\n%(url)s")
              % {"url": _portal_url(f"/billing/statements/{statement.pk}/")})
