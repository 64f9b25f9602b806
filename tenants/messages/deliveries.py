"""E-mail notices of new messages and announcements, delivered through the outbox after the commit. They say
only that there is something new and where, never what (no names, no text), in the recipient's own language."""
from django.core.mail import send_mail
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext as _

from config.languages import reader_language
from outbox.registry import handler

NOTICE = "messages.notice"


@handler(NOTICE)
def send_notice(payload: dict) -> None:
    """payload: {"user": id, "kind": "message" | "announcement", "path": the page on the location's host}."""
    from accounts.models import User

    user = User.objects.filter(pk=payload["user"], is_active=True).first()
    if user is None:  # the account was closed since: nothing to send
        return
    location = connection.tenant
    url = location.url.rstrip("/") + payload["path"]
    with translation.override(reader_language(user.language, location)):
        if payload.get("kind") == "announcement":
            subject = _("A new announcement")
            body = _("There is a new announcement from %(location)s. Log in to read it: %(url)s")
        else:
            subject = _("You have a new message")
            body = _("You have a new message from %(location)s. Log in to read it: %(url)s")
        send_mail(subject, body % {"location": location.name, "url": url}, None, [user.email])
