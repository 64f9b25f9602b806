"""The e-mail a parent gets when her child was given a dose of medication (through the outbox, after the
commit). It says only that there is health news and where to read it, never the child's name or the medicine;
whether the person may still see it is asked again when it is sent."""
from django.core.mail import send_mail
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext as _

from config.languages import reader_language
from outbox.registry import handler

DOSE_NOTICE = "medication.dose"


@handler(DOSE_NOTICE)
def send_dose_notice(payload: dict) -> None:
    """payload: {"user": id, "child": id, "path": the page on the location's host}."""
    from accounts.models import User
    from tenants.children.models import Child
    from tenants.children.selectors import tied_guardian_ids

    user = User.objects.filter(pk=payload["user"], is_active=True).first()
    if user is None or user.pk not in tied_guardian_ids(Child.objects.filter(pk=payload["child"])):
        return  # the account was closed, or she is no longer a parent of the child here
    location = connection.tenant
    url = location.url.rstrip("/") + payload["path"]
    with translation.override(reader_language(user.language, location)):
        subject = _("Medication was given to your child")
        body = _("%(location)s gave your child a dose of medication today. Log in to see when and which: %(url)s")
        send_mail(subject, body % {"location": location.name, "url": url}, None, [user.email])
