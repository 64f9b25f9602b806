"""The reminder e-mail a week before a filing is due, delivered through the outbox after the commit
(docs/outbox.md): which filing, when it is due and where to find it; no names or amounts."""
from django.conf import settings
from django.core.mail import send_mail
from django.db import connection
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from outbox.registry import handler

REMINDER = "filings.reminder"


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
