"""The reminder e-mail a week before a filing (or another duty: the complaint report, a document's review) is
due, delivered through the outbox after the commit (docs/outbox.md): which duty, when it is due and where to
find it; no names or amounts."""
from django.conf import settings
from django.core.mail import send_mail
from django.db import connection
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from outbox.registry import handler

REMINDER = "filings.reminder"
DUTY_REMINDER = "filings.duty_reminder"


def filing_ref(pk: int) -> str:
    return f"filing:{pk}"


@handler(REMINDER)
def send_reminder(payload: dict) -> None:
    """payload: {"filing": id, "user": an entrepreneur's id}."""
    from accounts.models import User
    from billing.filings import kinds
    from billing.filings.models import Filing

    filing = Filing.objects.filter(pk=payload["filing"]).first()
    person = User.objects.filter(pk=payload["user"], is_active=True).first()
    if filing is None or person is None or filing.status == Filing.Status.DELIVERED:
        return
    kind = kinds.KINDS[filing.kind]
    with translation.override(person.language or settings.LANGUAGE_CODE):
        send_mail(
            _("Due on %(date)s: %(filing)s") % {"date": date_format(filing.due_date, "j F Y"), "filing": _(kind.label)},
            _("%(filing)s for %(recipient)s, period %(start)s to %(end)s, is due on %(date)s. Prepare and download it "
              "at %(url)s") % {"filing": _(kind.label), "recipient": _(kind.recipient),
                               "start": date_format(filing.period_start, "j F Y"),
                               "end": date_format(filing.period_end, "j F Y"),
                               "date": date_format(filing.due_date, "j F Y"),
                               "url": connection.tenant.url.rstrip("/") + f"/filings/{filing.pk}/"},
            settings.DEFAULT_FROM_EMAIL, [person.email])


@handler(DUTY_REMINDER)
def send_duty_reminder(payload: dict) -> None:
    """payload: {"duty": the duty's key (billing.filings.duties), "user": an entrepreneur's id}; nothing is sent
    when the duty was done in the meantime."""
    from accounts.models import User
    from billing.filings import duties, rules
    from tenants.calendar.selectors import location_today

    location = connection.tenant
    person = User.objects.filter(pk=payload["user"], is_active=True).first()
    duty = duties.find(location, payload["duty"], location_today(location))
    if duty is None or person is None or duty.state == rules.DELIVERED:
        return
    with translation.override(person.language or settings.LANGUAGE_CODE):
        what = _(duty.label) + (f": {duty.detail}" if duty.detail else "")
        send_mail(
            _("Due on %(date)s: %(filing)s") % {"date": date_format(duty.due_date, "j F Y"), "filing": what},
            _("%(duty)s for %(recipient)s is due on %(date)s. See %(url)s") % {
                "duty": what, "recipient": _(duty.recipient), "date": date_format(duty.due_date, "j F Y"),
                "url": location.url.rstrip("/") + duty.url},
            settings.DEFAULT_FROM_EMAIL, [person.email])
