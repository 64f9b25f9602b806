"""E-mail notices of new messages and announcements: they say only that there is something new and where,
never what (no names, no text), in the recipient's own language."""
from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _


def send_notices(user_ids: list[int], location_name: str, url: str, kind: str = "message") -> int:
    from accounts.models import User

    sent = 0
    for user in User.objects.filter(pk__in=user_ids, is_active=True):
        with translation.override(user.language or settings.LANGUAGE_CODE):
            if kind == "announcement":
                subject = _("A new announcement")
                body = _("There is a new announcement from %(location)s. Log in to read it: %(url)s")
            else:
                subject = _("You have a new message")
                body = _("You have a new message from %(location)s. Log in to read it: %(url)s")
            send_mail(subject, body % {"location": location_name, "url": url}, None, [user.email])
        sent += 1
    return sent


@shared_task(name="parent_messages.send_notices")
def send_notices_task(user_ids: list[int], location_name: str, url: str, kind: str = "message") -> int:
    return send_notices(user_ids, location_name, url, kind)
