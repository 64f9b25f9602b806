"""Writes of complaints. Each checks everything first and raises ValidationError({field: [...]}); nothing is
stored unless all of it is (transaction.atomic). Every write also updates the cooperative's anonymous
reporting row in the public schema, in the same transaction (see complaint_reports)."""
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.calendar.selectors import current_location, location_today
from tenants.complaints import deliveries, pdf, rules
from tenants.complaints.models import (
    DEFAULT_ACKNOWLEDGEMENT_LETTER,
    DEFAULT_JUDGEMENT_LETTER,
    AnnualReport,
    Attachment,
    Complaint,
    Letter,
    Measure,
    Regulation,
    Step,
    Subject,
)

MAX_ATTACHMENTS = 5
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/heic", "text/plain",
                    "application/msword",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
ATTACHMENT_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".heic", ".txt", ".doc", ".docx"}

REGULATION_MESSAGES = {
    "no_subjects": gettext_lazy("Choose at least one subject a complaint may be about."),
    "unknown_subject": gettext_lazy("Unknown subject."),
    "all_subjects_required": gettext_lazy(
        "The childcare act requires all three subjects: conduct, a working method or rule, and the agreement."),
    "days_missing": gettext_lazy("Give the number of days for the written judgement (at least 1)."),
    "days_too_many": gettext_lazy("At most %(days)s days."),
    "ack_days": gettext_lazy("Give between 1 and %(days)s days for the acknowledgement."),
    "ack_after_deadline": gettext_lazy("The acknowledgement must come before the judgement is due."),
    "no_bodies": gettext_lazy("Show the parent at least one external body."),
    "body_name": gettext_lazy("Every external body needs a name."),
}


def meldcode_message() -> str:
    return _("A concern about suspected child abuse or (sexually) transgressive behaviour is not a complaint. "
             "Report it under the meldcode: the cooperative's pedagogue will help you. Nothing of it is stored "
             "in the complaint register.")


def meldcode_url() -> str:
    """The meldcode report page on this location's host (the safeguarding app), or its fixed path."""
    from django.urls import NoReverseMatch

    for name in ("meldcode-report", "meldcode-new"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return "/meldcode/new/"


# --- regulation -----------------------------------------------------------------------------------------------

def ensure_regulation() -> Regulation:
    regulation = Regulation.objects.filter(pk=1).first()
    if regulation is None:
        defaults = rules.default_regulation(current_location().jurisdiction)
        regulation, _created = Regulation.objects.get_or_create(pk=1, defaults=defaults)
    return regulation


def update_regulation(**fields) -> Regulation:
    regulation = ensure_regulation()
    values = {name: getattr(regulation, name) for name in (
        "subjects", "judgement_days", "acknowledge", "acknowledgement_days", "second_instance", "external_bodies",
        "introduction", "acknowledgement_letter", "judgement_letter")}
    unknown = set(fields) - set(values)
    if unknown:
        raise ValidationError({name: [_("Unknown field.")] for name in unknown})
    values.update(fields)
    if isinstance(values["external_bodies"], list):
        values["external_bodies"] = [
            {key: str(body.get(key, "") or "").strip() for key in ("name", "role", "address", "phone", "email",
                                                                  "website")}
            if isinstance(body, dict) else body for body in values["external_bodies"]]
    jurisdiction = current_location().jurisdiction
    codes = rules.regulation_errors(
        jurisdiction, subjects=values["subjects"], judgement_days=values["judgement_days"],
        acknowledge=values["acknowledge"], acknowledgement_days=values["acknowledgement_days"],
        external_bodies=values["external_bodies"])
    if codes:
        limits = {"judgement_days": rules.max_judgement_days(jurisdiction),
                  "acknowledgement_days": rules.MAX_ACKNOWLEDGEMENT_DAYS}
        raise ValidationError({field: [str(REGULATION_MESSAGES[code]) % {"days": limits.get(field, "")}
                                       if "%(days)s" in str(REGULATION_MESSAGES[code])
                                       else str(REGULATION_MESSAGES[code])]
                               for field, code in codes.items()})
    for name, value in values.items():
        setattr(regulation, name, value)
    regulation.save()
    return regulation


# --- filing ---------------------------------------------------------------------------------------------------

def _next_reference(year: int) -> str:
    count = Complaint.objects.filter(received_on__year=year).count()
    while True:
        count += 1
        reference = f"{year}-{count:03d}"
        if not Complaint.objects.filter(reference=reference).exists():
            return reference


def _check_attachments(errors: dict, files) -> None:
    files = list(files or [])
    if len(files) > MAX_ATTACHMENTS:
        errors.setdefault("attachments", []).append(_("At most %(n)s attachments.") % {"n": MAX_ATTACHMENTS})
    for upload in files:
        extension = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if upload.size > MAX_ATTACHMENT_BYTES:
            errors.setdefault("attachments", []).append(
                _("%(name)s is larger than 10 MB.") % {"name": upload.name})
        elif extension not in ATTACHMENT_EXTENSIONS:
            errors.setdefault("attachments", []).append(
                _("%(name)s: only PDF, images, Word or text files.") % {"name": upload.name})


def _store_attachments(complaint: Complaint, files, user) -> None:
    for upload in files or []:
        Attachment.objects.create(complaint=complaint, file=upload, name=upload.name[:200],
                                  content_type=(getattr(upload, "content_type", "") or "")[:100],
                                  size=upload.size, uploaded_by=user)


def _create(*, subject, description, child, received_on, channel, user, complainant=None, complainant_name="",
            complainant_email="", attachments=()) -> Complaint:
    regulation = ensure_regulation()
    complaint = Complaint.objects.create(
        reference=_next_reference(received_on.year), subject=subject, description=description.strip(), child=child,
        complainant=complainant, complainant_name=complainant_name.strip(), complainant_email=complainant_email,
        recorded_by=user, channel=channel, received_on=received_on,
        deadline=rules.judgement_deadline(received_on, regulation.judgement_days),
        acknowledgement_due=rules.acknowledgement_due(received_on, regulation.acknowledge,
                                                      regulation.acknowledgement_days))
    Step.objects.create(complaint=complaint, status=rules.RECEIVED, by=user,
                        note=str(Complaint.Channel(channel).label))
    _store_attachments(complaint, attachments, user)
    sync(complaint)
    return complaint


def _check_common(errors: dict, subject: str, description: str, attachments) -> None:
    if subject == rules.MELDCODE:
        errors["subject"] = [meldcode_message()]
    elif subject not in ensure_regulation().subjects:
        errors["subject"] = [_("Choose one of the subjects of this location's regulation.")]
    if not (description or "").strip():
        errors["description"] = [_("Describe your complaint.")]
    _check_attachments(errors, attachments)


@transaction.atomic
def file_complaint(*, user, subject: str, description: str, child=None, attachments=()) -> Complaint:
    """A parent files a complaint in the portal, about one of their own children (or none)."""
    from tenants.children.selectors import children_of_parent

    errors: dict = {}
    _check_common(errors, subject, description, attachments)
    if child is not None and not children_of_parent(user).filter(pk=child.pk).exists():
        errors["child"] = [_("Choose one of your own children.")]
    if errors:
        raise ValidationError(errors)
    return _create(subject=subject, description=description, child=child, received_on=location_today(),
                   channel=Complaint.Channel.PORTAL, user=user, complainant=user, attachments=attachments)


@transaction.atomic
def record_complaint(*, user, subject: str, description: str, channel: str, received_on: date, child=None,
                     complainant=None, complainant_name: str = "", complainant_email: str = "",
                     attachments=()) -> Complaint:
    """The entrepreneur records a complaint received on paper, by phone, by e-mail or in person."""
    errors: dict = {}
    _check_common(errors, subject, description, attachments)
    if channel not in Complaint.Channel.values or channel == Complaint.Channel.PORTAL:
        errors["channel"] = [_("Choose how the complaint was received.")]
    if received_on is None:
        errors["received_on"] = [_("Give the date the complaint was received.")]
    elif received_on > location_today():
        errors["received_on"] = [_("The date received cannot be in the future.")]
    if complainant is None and not (complainant_name or "").strip():
        errors["complainant_name"] = [_("Give the parent's name or choose a parent.")]
    if complainant is not None:
        from accounts.models import Membership

        if not Membership.objects.filter(user=complainant, location=current_location(), role="parent").exists():
            errors["complainant"] = [_("Choose a parent of this location.")]
    if errors:
        raise ValidationError(errors)
    return _create(subject=subject, description=description, child=child, received_on=received_on,
                   channel=channel, user=user, complainant=complainant, complainant_name=complainant_name,
                   complainant_email=complainant_email, attachments=attachments)


@transaction.atomic
def add_attachments(complaint: Complaint, files, user) -> None:
    errors: dict = {}
    _check_attachments(errors, files)
    if complaint.attachments.count() + len(list(files)) > MAX_ATTACHMENTS and "attachments" not in errors:
        errors["attachments"] = [_("At most %(n)s attachments.") % {"n": MAX_ATTACHMENTS}]
    if not complaint.is_open:
        errors["attachments"] = [_("This complaint is no longer open.")]
    if errors:
        raise ValidationError(errors)
    _store_attachments(complaint, files, user)


# --- handling -------------------------------------------------------------------------------------------------

def _move(complaint: Complaint, new: str, user, note: str = "") -> None:
    if not rules.may_move(complaint.status, new):
        raise ValidationError({"status": [_("A complaint that is %(current)s cannot become %(new)s.") % {
            "current": complaint.get_status_display(), "new": Complaint.Status(new).label}]})
    complaint.status = new
    Step.objects.create(complaint=complaint, status=new, by=user, note=note[:300])


def _day(value: date | None) -> str:
    return formats.date_format(value, "j F Y") if value else ""


def _bodies_text(regulation: Regulation) -> str:
    lines = []
    for body in regulation.external_bodies:
        details = ", ".join(part for part in (body.get("address"), body.get("phone"), body.get("email"),
                                              body.get("website")) if part)
        lines.append(f"- {body.get('name')}" + (f" ({details})" if details else ""))
    return "\n".join(lines)


def _letter_values(complaint: Complaint, regulation: Regulation, location) -> rules.LetterValues:
    measures = "\n".join(
        f"- {m.description} ({_day(m.planned_on)}" + (f", {_('done')} {_day(m.done_on)})" if m.done_on else ")")
        for m in complaint.measures.all()) or "-"
    second = (_("You can turn to %(who)s.") % {"who": regulation.second_instance}
              if regulation.second_instance else "")
    return rules.LetterValues(
        location=location.name, reference=complaint.reference, received_on=_day(complaint.received_on),
        deadline=_day(complaint.deadline), subject=str(Subject(complaint.subject).label),
        today=_day(location_today(location)), judgement=complaint.judgement, measures=measures,
        second_instance=second, external_bodies=_bodies_text(regulation))


def _send_letter(complaint: Complaint, kind: str, user) -> Letter:
    location = current_location()
    regulation = ensure_regulation()
    if kind == Letter.Kind.ACKNOWLEDGEMENT:
        template, title = regulation.acknowledgement_letter or str(DEFAULT_ACKNOWLEDGEMENT_LETTER), _(
            "Confirmation of receipt of your complaint")
    else:
        template, title = regulation.judgement_letter or str(DEFAULT_JUDGEMENT_LETTER), _(
            "Judgement on your complaint")
    values = _letter_values(complaint, regulation, location)
    body = rules.render_letter(template, values)
    document = pdf.letter(location, f"{title} ({complaint.reference})", body,
                          f"{location.city or location.name}, {values.today}")
    recipient = complaint.parent_email
    letter = Letter.objects.create(complaint=complaint, kind=kind, body=body, pdf=document, sent_to=recipient,
                                   created_by=user)
    deliveries.queue_letter(letter, location)  # sent after the commit; shown on the complaint page if it fails
    return letter


@transaction.atomic
def acknowledge(complaint: Complaint, *, user) -> Letter:
    _move(complaint, rules.ACKNOWLEDGED, user)
    complaint.save(update_fields=["status"])
    letter = _send_letter(complaint, Letter.Kind.ACKNOWLEDGEMENT, user)
    sync(complaint)
    return letter


@transaction.atomic
def start_investigation(complaint: Complaint, *, user, note: str = "") -> Complaint:
    _move(complaint, rules.INVESTIGATING, user, note)
    complaint.save(update_fields=["status"])
    sync(complaint)
    return complaint


def _check_measures(measures) -> tuple[list[dict], list[str]]:
    cleaned, errors = [], []
    for index, measure in enumerate(measures or [], start=1):
        description = str(measure.get("description") or "").strip()
        planned_on, done_on = measure.get("planned_on"), measure.get("done_on")
        if not description and not planned_on and not done_on:
            continue
        if not description:
            errors.append(_("Measure %(n)s: describe the measure.") % {"n": index})
        if not planned_on:
            errors.append(_("Measure %(n)s: give the planned date.") % {"n": index})
        if planned_on and done_on and done_on < planned_on:
            errors.append(_("Measure %(n)s: done before it was planned.") % {"n": index})
        cleaned.append({"description": description[:300], "planned_on": planned_on, "done_on": done_on})
    return cleaned, errors


@transaction.atomic
def judge(complaint: Complaint, *, user, judgement: str, outcome: str, measures=(), judged_on: date | None = None
          ) -> Letter:
    """The written, reasoned judgement with the measures and their dates; sent to the parent as a letter."""
    errors: dict = {}
    if not (judgement or "").strip():
        errors["judgement"] = [_("Write the judgement.")]
    if outcome not in Complaint.Outcome.values:
        errors["outcome"] = [_("Choose the outcome.")]
    cleaned, measure_errors = _check_measures(measures)
    if measure_errors:
        errors["measures"] = measure_errors
    today = location_today()
    judged_on = judged_on or today
    if judged_on > today or judged_on < complaint.received_on:
        errors["judged_on"] = [_("The judgement date lies between the date received and today.")]
    if not rules.may_move(complaint.status, rules.JUDGED):
        errors["status"] = [_("This complaint cannot be judged now.")]
    if errors:
        raise ValidationError(errors)
    _move(complaint, rules.JUDGED, user)
    complaint.judgement, complaint.outcome, complaint.judged_on = judgement.strip(), outcome, judged_on
    complaint.save(update_fields=["status", "judgement", "outcome", "judged_on"])
    for measure in cleaned:
        Measure.objects.create(complaint=complaint, **measure)
    letter = _send_letter(complaint, Letter.Kind.JUDGEMENT, user)
    sync(complaint)
    return letter


@transaction.atomic
def close(complaint: Complaint, *, user, note: str = "") -> Complaint:
    _move(complaint, rules.CLOSED, user, note)
    complaint.save(update_fields=["status"])
    sync(complaint)
    return complaint


@transaction.atomic
def escalate(complaint: Complaint, *, user, body: str) -> Complaint:
    """The parent took the complaint to an external body (or the second instance)."""
    regulation = ensure_regulation()
    allowed = [b.get("name") for b in regulation.external_bodies]
    if regulation.second_instance:
        allowed.append(regulation.second_instance)
    if body not in allowed:
        raise ValidationError({"body": [_("Choose one of: %(bodies)s.") % {"bodies": ", ".join(allowed)}]})
    _move(complaint, rules.ESCALATED, user, body)
    complaint.escalated_to = body
    complaint.save(update_fields=["status", "escalated_to"])
    sync(complaint)
    return complaint


@transaction.atomic
def update_measure(measure: Measure, *, done_on: date | None) -> Measure:
    if done_on and done_on < measure.planned_on:
        raise ValidationError({"done_on": [_("Done before it was planned.")]})
    measure.done_on = done_on
    measure.save(update_fields=["done_on"])
    return measure


# --- reminders (celery beat) ----------------------------------------------------------------------------------

def _remind(complaint: Complaint, kind: str, location) -> None:
    """Through the outbox, in the transaction that marks the reminder as sent (tenants.complaints.deliveries)."""
    deliveries.queue_reminder(complaint, kind, location)


def send_due_reminders(today: date, location=None) -> int:
    """Send the reminders due today in this location's schema; each kind once per complaint."""
    location = location or current_location()
    sent = 0
    for complaint in Complaint.objects.filter(judged_on__isnull=True, status__in=rules.OPEN_STATES).select_related(
            "complainant"):
        due = rules.due_reminders(complaint.deadline, today, False, set(complaint.reminders_sent))
        if not due:
            continue
        with transaction.atomic():
            locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
            due = [kind for kind in due if kind not in locked.reminders_sent]
            for kind in due:
                _remind(complaint, kind, location)
                note = {rules.WEEK_BEFORE: _("reminder a week before the deadline"),
                        rules.ON_DEADLINE: _("reminder on the deadline"),
                        rules.PARENT_OVERDUE: _("parent told they may go straight to the external body")}[kind]
                Step.objects.create(complaint=locked, status=locked.status, by=None, note=note)
            locked.reminders_sent = [*locked.reminders_sent, *due]
            locked.save(update_fields=["reminders_sent"])
            sent += len(due)
    return sent


def send_reminders_everywhere(only_failed: bool = False):
    """For the beat job: every active location, each in its own schema and on its own local date; one
    location's failure is reported and the next goes on (cooperative.jobs). Not one transaction per location:
    each complaint's reminders are sent and marked in a transaction of their own, so a later failure cannot
    take back the mark of a reminder already sent, and a rerun sends each reminder once."""
    from cooperative import jobs

    return jobs.for_each_location(job="complaint-reminders", only_failed=only_failed, atomic=False,
                                  work=lambda location: send_due_reminders(location_today(location), location))


# --- annual report --------------------------------------------------------------------------------------------

def report_year_error(today: date) -> str:
    return _("Choose a year from %(first)s up to this year (%(last)s).") % {
        "first": rules.FIRST_REPORT_YEAR, "last": today.year}


def report_year(value, today: date) -> int:
    """The year of an annual report from a URL or query value: refused with a ValidationError naming `year` when
    it is no year (only the digits 0-9) or outside 2000 up to this year."""
    text = str(value).strip()
    year = int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None
    if year is None or not rules.report_year_in_range(year, today):
        raise ValidationError({"year": [report_year_error(today)]})
    return year


@transaction.atomic
def save_annual_report(year: int, *, reflection: str | None = None, discussed_on=None, sent_to_ggd_on=None,
                       fields: set[str] | None = None) -> AnnualReport:
    """Store the reflection and the two dates (only the `fields` given, or all three)."""
    from complaint_reports.services import record_report_status

    today = location_today()
    errors: dict = {}
    if not rules.report_year_in_range(year, today):
        errors["year"] = [report_year_error(today)]
    for name, value in (("discussed_on", discussed_on), ("sent_to_ggd_on", sent_to_ggd_on)):
        if value is not None and (value > today or value.year < year):
            errors[name] = [_("Give a date in or after the report's year, not in the future.")]
    if errors:
        raise ValidationError(errors)
    report, _created = AnnualReport.objects.get_or_create(year=year)
    fields = fields if fields is not None else {"reflection", "discussed_on", "sent_to_ggd_on"}
    values = {"reflection": (reflection or "").strip(), "discussed_on": discussed_on,
              "sent_to_ggd_on": sent_to_ggd_on}
    for name in fields & set(values):
        setattr(report, name, values[name])
    report.save()
    record_report_status(current_location(), year, discussed_on=report.discussed_on,
                         sent_to_ggd_on=report.sent_to_ggd_on)
    return report


# --- the cooperative's reporting row --------------------------------------------------------------------------

def fact_of(complaint: Complaint, measures: int | None = None):
    from complaint_reports.services import Fact

    return Fact(complaint_id=complaint.pk, subject=complaint.subject, status=complaint.status,
                outcome=complaint.outcome, received_on=complaint.received_on, deadline=complaint.deadline,
                judged_on=complaint.judged_on, escalated=bool(complaint.escalated_to),
                measures=complaint.measures.count() if measures is None else measures)


def sync(complaint: Complaint) -> None:
    from complaint_reports.services import record_complaint as record

    record(current_location(), fact_of(complaint))


def facts_here() -> tuple[list, list]:
    """Everything of this schema for a rebuild: (facts, [(year, discussed_on, sent_to_ggd_on)])."""
    from django.db.models import Count

    facts = [fact_of(c, c.measure_count) for c in Complaint.objects.annotate(measure_count=Count("measures"))]
    statuses = list(AnnualReport.objects.values_list("year", "discussed_on", "sent_to_ggd_on"))
    return facts, statuses


def check_member(complaint: Complaint, user) -> None:
    if complaint.complainant_id != user.pk:
        raise PermissionDenied
