"""E-mails of cooperative oversight, written with the action and delivered through the outbox after the commit
(docs/outbox.md): the entrepreneur is told that a visit report is ready, an action's owner that it is past its
due date. Each is rendered when it is delivered, in the recipient's language; a mail server that is down never
fails the adviser's request or the reminder job."""
from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from config.languages import reader_language
from outbox.registry import handler

REPORT = "advisory.report"
OVERDUE_ACTION = "advisory.overdue_action"


def report_ref(visit) -> str:
    return f"visit-report:{visit.pk}"


def action_ref(action) -> str:
    return f"follow-up-action:{action.pk}"


def _recipient(pk):
    from accounts.models import User

    return User.objects.filter(pk=pk, is_active=True).first()


@handler(REPORT)
def send_report(payload: dict) -> None:
    """payload: {"visit": id, "user": the entrepreneur's id}."""
    from advisory.models import Visit

    visit = Visit.objects.select_related("location", "adviser").filter(pk=payload["visit"]).first()
    person = _recipient(payload["user"])
    if visit is None or person is None:  # removed or closed since: nothing to tell
        return
    with translation.override(reader_language(person.language, visit.location)):
        send_mail(
            _("The report of your adviser's visit is ready"),
            _("%(adviser)s has finished the report of the %(type)s visit. Read it and react at %(url)s")
            % {"adviser": visit.adviser.full_name, "type": visit.get_visit_type_display(),
               "url": f"{visit.location.url}advisory/"},
            settings.DEFAULT_FROM_EMAIL, [person.email])


@handler(OVERDUE_ACTION)
def send_overdue_action(payload: dict) -> None:
    """payload: {"action": id, "user": the owner's id (an entrepreneur of the location or the adviser)}."""
    from advisory import rules
    from advisory.models import FollowUpAction

    action = FollowUpAction.objects.select_related("location").filter(pk=payload["action"]).first()
    person = _recipient(payload["user"])
    if action is None or person is None or action.status != FollowUpAction.Status.OPEN:  # done since
        return
    if action.owner == rules.OWNER_ENTREPRENEUR:
        link = f"{action.location.url}advisory/"
    else:
        link = f"{settings.SITE_SCHEME}://{settings.MAIN_DOMAIN}/advisory/locations/{action.location.slug}/"
    with translation.override(reader_language(person.language, action.location)):
        send_mail(
            _("Follow-up action past its due date"),
            _("The action \"%(action)s\" for %(location)s was due on %(date)s and is still open. "
              "See %(link)s") % {"action": action.description, "location": action.location.name,
                                 "date": action.due_date.strftime("%d-%m-%Y"), "link": link},
            settings.DEFAULT_FROM_EMAIL, [person.email])
