"""E-mails about complaints, written with the letter or the reminder and delivered through the outbox after the
commit (docs/outbox.md): the acknowledgement and judgement letters to the parent (the stored letter and its PDF,
exactly as on record), and the deadline reminders. Rendered when delivered, in the recipient's language. A mail
server that is down never fails the entrepreneur's request or the reminder job, and nothing is lost silently:
the complaint page shows an e-mail to the parent that is not delivered, with a button to send it again."""
from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.db import connection
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from config.languages import reader_language
from outbox import selectors as outbox_selectors
from outbox import services as outbox
from outbox.registry import handler

LETTER = "complaints.letter"
REMINDER = "complaints.reminder"


def complaint_ref(complaint) -> str:
    """What is sent to the parent about a complaint (letters, the notice that the deadline passed)."""
    return f"complaint:{complaint.pk}"


def reminder_ref(complaint) -> str:
    """The entrepreneurs' own deadline reminders."""
    return f"complaint-reminder:{complaint.pk}"


def queue_letter(letter, location) -> None:
    """Send the letter to the address it was made out to, after the caller's transaction commits."""
    if letter.sent_to:
        outbox.enqueue(LETTER, [{"letter": letter.pk}], ref=complaint_ref(letter.complaint), location=location)


def queue_reminder(complaint, kind: str, location) -> None:
    """A deadline reminder: to the parent when the deadline passed, otherwise to each entrepreneur."""
    from accounts.models import Membership
    from tenants.complaints import rules

    if kind == rules.PARENT_OVERDUE:
        if complaint.parent_email:
            outbox.enqueue(REMINDER, [{"complaint": complaint.pk, "reminder": kind}], ref=complaint_ref(complaint),
                           location=location)
        return
    people = Membership.objects.filter(location=location, role="entrepreneur", is_active=True)
    outbox.enqueue(REMINDER, [{"complaint": complaint.pk, "reminder": kind, "user": pk}
                              for pk in people.values_list("user_id", flat=True)],
                   ref=reminder_ref(complaint), location=location)


def mail_state(complaint, location) -> str:
    """How the e-mails to the parent about this complaint went (outbox.rules.STATE_*)."""
    return outbox_selectors.state_of(complaint_ref(complaint), location)


def send_mail_again(complaint, location) -> int:
    """Send what did not reach the parent again: the same letters, no new ones, nobody gets one twice."""
    return outbox.send_again(outbox_selectors.deliveries_of(complaint_ref(complaint), location))


def _day(value) -> str:
    return formats.date_format(value, "j F Y") if value else ""


def _language(complaint) -> str:
    return reader_language(complaint.complainant.language if complaint.complainant_id else "", connection.tenant)


@handler(LETTER)
def send_letter(payload: dict) -> None:
    """payload: {"letter": id}. The letter's text and PDF as stored when it was written."""
    from tenants.complaints.models import Letter

    letter = Letter.objects.select_related("complaint__complainant").filter(pk=payload["letter"]).first()
    if letter is None or not letter.sent_to:
        return
    complaint, location = letter.complaint, connection.tenant
    with translation.override(_language(complaint)):
        title = (_("Confirmation of receipt of your complaint") if letter.kind == Letter.Kind.ACKNOWLEDGEMENT
                 else _("Judgement on your complaint"))
        message = EmailMessage(f"{title} — {location.name}", letter.body, settings.DEFAULT_FROM_EMAIL,
                               [letter.sent_to])
    message.attach(f"{letter.kind}-{complaint.reference}.pdf", bytes(letter.pdf), "application/pdf")
    message.send()


@handler(REMINDER)
def send_reminder(payload: dict) -> None:
    """payload: {"complaint": id, "reminder": rules.WEEK_BEFORE | ON_DEADLINE | PARENT_OVERDUE, "user": the
    entrepreneur's id (not for the parent)}. Names the reference and dates only, never the text or the family."""
    from accounts.models import User
    from tenants.complaints import rules
    from tenants.complaints.models import Complaint

    complaint = Complaint.objects.select_related("complainant").filter(pk=payload["complaint"]).first()
    if complaint is None:
        return
    location = connection.tenant
    link = f"{location.url.rstrip('/')}{reverse('complaint-page', args=[complaint.pk])}"
    kind = payload["reminder"]
    if kind == rules.PARENT_OVERDUE:
        recipient = complaint.parent_email
        if not recipient:
            return
        route = rules.direct_route(location.jurisdiction)
        with translation.override(_language(complaint)):
            subject = _("Your complaint %(reference)s: no judgement within the deadline") % {
                "reference": complaint.reference}
            body = _("%(location)s has not sent you a written judgement on your complaint %(reference)s by "
                     "%(deadline)s. You may now take your complaint straight to the %(route)s.\n\n%(link)s") % {
                "location": location.name, "reference": complaint.reference, "deadline": _day(complaint.deadline),
                "route": route, "link": link}
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])
        return
    person = User.objects.filter(pk=payload.get("user"), is_active=True).first()
    if person is None or complaint.judged_on:  # judged since: the reminder has no point any more
        return
    with translation.override(reader_language(person.language, connection.tenant)):
        if kind == rules.WEEK_BEFORE:
            subject = _("Complaint %(reference)s: the judgement is due in a week") % {
                "reference": complaint.reference}
        else:
            subject = _("Complaint %(reference)s: the judgement is due today") % {"reference": complaint.reference}
        body = _("The written judgement on complaint %(reference)s is due on %(deadline)s.\n\n%(link)s") % {
            "reference": complaint.reference, "deadline": _day(complaint.deadline), "link": link}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
