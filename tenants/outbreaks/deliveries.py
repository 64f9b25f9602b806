"""The e-mail notice of a contagious disease to one parent of the group, delivered through the outbox after the
commit. Anonymous: the disease, the group, the date and the advice — never which child; in the parent's own
language (the advice as the location wrote it when it differs from the table's)."""
from django.core.mail import send_mail
from django.db import connection
from django.utils import formats, translation
from django.utils.translation import gettext as _

from config.languages import reader_language
from outbox.registry import handler

NOTICE = "outbreaks.notice"


@handler(NOTICE)
def send_notice(payload: dict) -> None:
    """payload: {"user": id, "case": id, "path": the notice's page on the location's host}."""
    from accounts.models import User
    from tenants.outbreaks import selectors
    from tenants.outbreaks.models import ContagiousCase

    user = User.objects.filter(pk=payload["user"], is_active=True).first()
    case = ContagiousCase.objects.select_related("group").filter(pk=payload["case"]).first()
    if user is None or case is None:
        return
    if user.pk not in selectors.recipients(case.group_id):  # removed or left since: nothing to send
        return
    location = connection.tenant
    disease = selectors.disease_of(case)
    url = location.url.rstrip("/") + payload["path"]
    with translation.override(reader_language(user.language, location)):
        name = _(disease.label) if disease else case.disease
        advice = _(disease.advice) if disease and case.advice == disease.advice else case.advice
        subject = _("%(disease)s in group %(group)s") % {"disease": name, "group": case.group.name}
        body = "\n\n".join([
            _("Dear parent,"),
            _("On %(date)s a child in group %(group)s of %(location)s was found to have %(disease)s. For the "
              "privacy of the family we do not say which child.") % {
                "date": formats.date_format(case.noticed_on, "j F Y"), "group": case.group.name,
                "location": location.name, "disease": name},
            advice,
            _("Read this notice online: %(url)s") % {"url": url},
        ])
        send_mail(subject, body, None, [user.email])
