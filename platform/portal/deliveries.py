"""E-mails about deletion requests, written with the request (or its handling) and delivered through the outbox
after the commit (docs/outbox.md): the entrepreneurs are told a parent asks to delete her data, the parent what
was deleted and what is kept. Rendered when delivered, in the recipient's language; a mail server that is down
never fails the parent's or the entrepreneur's request."""
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from config.languages import reader_language
from frontend.numbers import long_date
from outbox.registry import handler

DELETION_REQUESTED = "portal.deletion_request"
DELETION_HANDLED = "portal.deletion_handled"


def deletion_ref(request) -> str:
    return f"deletion-request:{request.pk}"


@handler(DELETION_REQUESTED)
def send_deletion_requested(payload: dict) -> None:
    """payload: {"request": id, "user": an entrepreneur's id}. Not sent once the request was handled."""
    from accounts.models import User
    from portal.models import DeletionRequest

    request = DeletionRequest.objects.select_related("location").filter(pk=payload["request"]).first()
    person = User.objects.filter(pk=payload["user"], is_active=True).first()
    if request is None or person is None or request.status != DeletionRequest.Status.OPEN:
        return
    location = request.location
    with translation.override(reader_language(person.language, location)):
        send_mail(_("A parent asks to delete their data"),
                  _("A parent asks %(location)s to delete their data. Answer before %(date)s: %(url)s") % {
                      "location": location.name, "date": long_date(request.due_on),
                      "url": location.url + "privacy/deletion-requests/"}, None, [person.email])


@handler(DELETION_HANDLED)
def send_deletion_handled(payload: dict) -> None:
    """payload: {"request": id}: the parent is told per kind of data what was deleted or kept, and why."""
    from portal.models import DeletionRequest
    from portal.services import outcome_lines

    request = DeletionRequest.objects.select_related("location", "user").filter(pk=payload["request"]).first()
    if request is None or not request.user.email:
        return
    user = request.user
    with translation.override(reader_language(user.language, request.location)):
        lines = []
        for line in outcome_lines(request.outcome):
            if line["kept"]:
                text = _("Kept: %(what)s") % {"what": line["category"]}
                if line["until"]:
                    text += " " + _("(until %(date)s)") % {"date": line["until"]}
            else:
                text = _("Deleted: %(what)s") % {"what": line["category"]}
            lines.append(f"- {text}. {line['reason']}")
        intro = (_("%(location)s has handled your deletion request.") if request.status == "done"
                 else _("%(location)s cannot delete your data yet.")) % {"location": request.location.name}
        body = "\n".join([intro, "", *lines, "", request.note]).strip()
        send_mail(_("Your deletion request"), body, None, [user.email])
