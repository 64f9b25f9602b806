"""Writes of cooperative oversight. Pages, the API and jobs all call these.

Each service checks its input first and raises a ValidationError naming the field; only then does it
write, inside one transaction, so bad input never leaves half a record behind.
"""
import hashlib
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from jurisdictions import policy

from accounts.models import CooperativeRole, User
from advisory import deliveries, rules
from advisory.models import (
    Checklist,
    FollowUpAction,
    Inspection,
    InspectionFinding,
    QualityDocument,
    QualityDocumentType,
    Visit,
    VisitAnswer,
    VisitProposal,
)
from cooperative.models import Location
from outbox import selectors as outbox_selectors
from outbox import services as outbox


def _public():
    connection.set_schema_to_public()


def today_for(location: Location | None = None) -> date:
    tz = None
    if location is not None and location.time_zone:
        import zoneinfo

        tz = zoneinfo.ZoneInfo(location.time_zone)
    return timezone.localdate(timezone=tz)


# Files -----------------------------------------------------------------------------------------------


def check_pdf(upload, field: str) -> dict[str, list[str]]:
    """Field errors for an uploaded file that is not a PDF (by its content) or is over 20 MB."""
    if upload is None:
        return {}
    size = upload.size or 0
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    problem = rules.pdf_problem(head, size)
    if problem == "too_large":
        return {field: [_("The file is larger than 20 MB.")]}
    if problem == "not_pdf":
        return {field: [_("The file is not a PDF document.")]}
    return {}


def check_photo(upload, field: str) -> dict[str, list[str]]:
    """A photo of a document: JPEG, PNG or PDF by its content, at most 20 MB."""
    if upload is None:
        return {}
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if (upload.size or 0) > rules.MAX_REPORT_BYTES:
        return {field: [_("The file is larger than 20 MB.")]}
    if not (head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"%PDF-")):
        return {field: [_("Upload a photo (JPEG or PNG) or a PDF.")]}
    return {}


def sha256_of(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


# Visits ----------------------------------------------------------------------------------------------


def current_checklist(visit_type: str) -> Checklist | None:
    return Checklist.objects.filter(visit_type=visit_type, is_active=True).order_by("-version").first()


def _visit_date_errors(location: Location, year: int, when: datetime | None) -> dict[str, list[str]]:
    if when is None:
        return {}
    day = timezone.localtime(when).date() if timezone.is_aware(when) else when.date()
    errors = {}
    for check in rules.visit_date_errors(visit_on=day, opening_date=location.opening_date, year=year):
        if check.message == "before_opening":
            errors.setdefault("scheduled_at", []).append(
                _("The visit cannot be before the location opened (%(date)s).")
                % {"date": location.opening_date.strftime("%d-%m-%Y")})
        else:
            errors.setdefault("scheduled_at", []).append(_("The visit must be in %(year)s.") % {"year": year})
    return errors


def plan_visit(location: Location, *, year: int, visit_type: str, adviser: User | None, user: User,
               deadline: date | None = None, scheduled_at: datetime | None = None) -> Visit:
    _public()
    errors: dict[str, list[str]] = {}
    if visit_type not in rules.VISIT_TYPES:
        errors["visit_type"] = [_("Choose the type of visit.")]
    if not year or year < 2000 or year > 2100:
        errors["year"] = [_("Enter a year between 2000 and 2100.")]
    if adviser is None or not CooperativeRole.objects.filter(user=adviser, role=CooperativeRole.Role.ADVISER).exists():
        errors["adviser"] = [_("Choose an adviser of the cooperative.")]
    if location.status == Location.Status.OFFBOARDED:
        errors["location"] = [_("This location has been offboarded.")]
    if not errors:
        if Visit.objects.filter(location=location, year=year, visit_type=visit_type).exists():
            errors["visit_type"] = [_("This location already has a visit of this type in %(year)s.")
                                    % {"year": year}]
        deadline = deadline or rules.default_deadline(visit_type, year)
        if deadline.year != year:
            errors["deadline"] = [_("The deadline must be in %(year)s.") % {"year": year}]
        errors.update(_visit_date_errors(location, year, scheduled_at))
    checklist = current_checklist(visit_type) if not errors else None
    if not errors and checklist is None:
        errors["visit_type"] = [_("The cooperative has no checklist for this type of visit yet.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return Visit.objects.create(location=location, year=year, visit_type=visit_type, adviser=adviser,
                                    deadline=deadline, scheduled_at=scheduled_at, checklist=checklist,
                                    sequence=1 if scheduled_at else 0)


def _not_done(visit: Visit) -> None:
    if visit.is_done:
        raise ValidationError({"visit": [_("The report of this visit is already finished.")]})


def schedule_visit(visit: Visit, scheduled_at: datetime | None, *, user: User) -> Visit:
    _public()
    _not_done(visit)
    if scheduled_at is None:
        raise ValidationError({"scheduled_at": [_("Enter the date and time of the visit.")]})
    errors = _visit_date_errors(visit.location, visit.year, scheduled_at)
    if errors:
        raise ValidationError(errors)
    visit.scheduled_at = scheduled_at
    visit.sequence += 1
    visit.save(update_fields=["scheduled_at", "sequence"])
    return visit


def propose_dates(visit: Visit, moments: list[datetime], *, user: User) -> list[VisitProposal]:
    _public()
    _not_done(visit)
    moments = [m for m in moments if m is not None]
    if not moments:
        raise ValidationError({"starts_at": [_("Propose at least one date.")]})
    for moment in moments:
        errors = _visit_date_errors(visit.location, visit.year, moment)
        if errors:
            raise ValidationError({"starts_at": errors["scheduled_at"]})
    with transaction.atomic():
        return [VisitProposal.objects.create(visit=visit, starts_at=m, proposed_by=user) for m in moments]


def accept_proposal(proposal: VisitProposal, *, user: User) -> Visit:
    _public()
    visit = proposal.visit
    _not_done(visit)
    with transaction.atomic():
        proposal.accepted_at = timezone.now()
        proposal.save(update_fields=["accepted_at"])
        visit.proposals.exclude(pk=proposal.pk).update(accepted_at=None)
        return schedule_visit(visit, proposal.starts_at, user=user)


def save_answers(visit: Visit, answers: dict[int, dict], *, summary: str | None = None) -> Visit:
    """`answers`: {checklist item id: {"answer": ..., "remark": ..., "photo": upload or None}}."""
    _public()
    _not_done(visit)
    items = {item.pk: item for item in visit.checklist.items.all()}
    errors: dict[str, list[str]] = {}
    for item_id, data in answers.items():
        if item_id not in items:
            errors[f"item_{item_id}"] = [_("This question is not on the visit's checklist.")]
            continue
        if data.get("answer") and data["answer"] not in rules.ANSWERS:
            errors[f"item_{item_id}"] = [_("Choose yes, no, partly or not applicable.")]
        errors.update(check_photo(data.get("photo"), f"photo_{item_id}"))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for item_id, data in answers.items():
            if not data.get("answer"):
                continue
            answer, _created = VisitAnswer.objects.get_or_create(
                visit=visit, item_id=item_id, defaults={"answer": data["answer"]})
            answer.answer = data["answer"]
            answer.remark = (data.get("remark") or "").strip()
            if data.get("photo"):
                answer.photo.save("photo", data["photo"], save=False)
            answer.save()
        if summary is not None:
            visit.summary = summary.strip()
            visit.save(update_fields=["summary"])
    return visit


def complete_visit(visit: Visit, *, user: User, summary: str | None = None) -> Visit:
    """Finish the report: every question answered; the entrepreneur can then read it and react."""
    _public()
    _not_done(visit)
    if summary is not None:
        visit.summary = summary.strip()
    answered = set(visit.answers.values_list("item_id", flat=True))
    missing = visit.checklist.items.exclude(pk__in=answered).count()
    errors = {}
    if missing:
        errors["answers"] = [_("Answer every question of the checklist first (%(n)s open).") % {"n": missing}]
    if not visit.summary:
        errors["summary"] = [_("Write a short summary of the visit.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # The agreed date stays what it was (also when the report is finished before it, or the visit had
        # none): when the report was finished is `completed_at`, a fact of its own.
        visit.completed_at = timezone.now()
        visit.save(update_fields=["summary", "completed_at"])
        notify_report(visit)
    return visit


def react_to_report(visit: Visit, reaction: str, *, user: User) -> Visit:
    _public()
    if not visit.is_done:
        raise ValidationError({"reaction": [_("The report is not finished yet.")]})
    reaction = (reaction or "").strip()
    if not reaction:
        raise ValidationError({"reaction": [_("Write your reaction.")]})
    visit.reaction = reaction
    visit.reacted_at = timezone.now()
    visit.save(update_fields=["reaction", "reacted_at"])
    return visit


def notify_report(visit: Visit) -> None:
    """Tell the location's entrepreneurs the report is ready: one e-mail each through the outbox, written in the
    caller's transaction and sent after its commit, so a mail server that is down never fails the report."""
    from cooperative.selectors import entrepreneurs_of

    outbox.enqueue(deliveries.REPORT, [{"visit": visit.pk, "user": person.pk}
                                       for person in entrepreneurs_of(visit.location)],
                   ref=deliveries.report_ref(visit), location=visit.location)


def report_mail_state(visit: Visit) -> str:
    """How the e-mail about the finished report went (outbox.rules.STATE_*), for the adviser's visit page."""
    return outbox_selectors.state_of(deliveries.report_ref(visit), visit.location)


def send_report_mail_again(visit: Visit) -> int:
    """Send the report's e-mail that was not delivered again: the same rows, nobody gets it twice."""
    return outbox.send_again(outbox_selectors.deliveries_of(deliveries.report_ref(visit), visit.location))


def visit_invite(visit: Visit, *, stamp: datetime | None = None) -> bytes:
    """The visit as an iCalendar invitation (.ics)."""
    if visit.scheduled_at is None:
        raise ValidationError({"scheduled_at": [_("The visit has no date yet.")]})
    location = visit.location
    address = ", ".join(p for p in (location.street, f"{location.postal_code} {location.city}".strip()) if p)
    return rules.ics_event(
        uid=f"advisory-visit-{visit.pk}@{settings.MAIN_DOMAIN}",
        start=visit.scheduled_at, end=visit.scheduled_at + timedelta(minutes=visit.duration_minutes),
        summary=_("Adviser visit (%(type)s): %(location)s") % {"type": visit.get_visit_type_display(),
                                                                "location": location.name},
        description=_("Visit by %(adviser)s of the cooperative.") % {"adviser": visit.adviser.full_name},
        location=address or location.name, stamp=stamp or timezone.now(), sequence=visit.sequence,
        organizer=visit.adviser.email, time_zone=location.time_zone or policy(location.jurisdiction).time_zone)


# Follow-up actions -------------------------------------------------------------------------------------


def create_action(location: Location, *, description: str, owner: str, due_date: date | None, user: User,
                  visit: Visit | None = None, inspection: Inspection | None = None) -> FollowUpAction:
    _public()
    errors: dict[str, list[str]] = {}
    if not (description or "").strip():
        errors["description"] = [_("Describe the action.")]
    if owner not in rules.OWNERS:
        errors["owner"] = [_("Choose who owns the action: the entrepreneur or the adviser.")]
    if due_date is None:
        errors["due_date"] = [_("Enter a due date.")]
    if visit is not None and visit.location_id != location.pk:
        errors["visit"] = [_("The visit is of another location.")]
    if inspection is not None and inspection.location_id != location.pk:
        errors["inspection"] = [_("The inspection is of another location.")]
    if errors:
        raise ValidationError(errors)
    return FollowUpAction.objects.create(location=location, visit=visit, inspection=inspection,
                                         description=description.strip(), owner=owner, due_date=due_date,
                                         created_by=user)


def mark_action_done(action: FollowUpAction, *, user: User, note: str = "") -> FollowUpAction:
    _public()
    if action.status == FollowUpAction.Status.DONE:
        raise ValidationError({"status": [_("This action is already done.")]})
    action.status = FollowUpAction.Status.DONE
    action.done_at = timezone.now()
    action.done_by = user
    action.done_note = (note or "").strip()
    action.save(update_fields=["status", "done_at", "done_by", "done_note"])
    return action


def change_action_due_date(action: FollowUpAction, due_date: date | None) -> FollowUpAction:
    """A new due date also allows a new reminder once that date has passed."""
    _public()
    if due_date is None:
        raise ValidationError({"due_date": [_("Enter a due date.")]})
    action.due_date = due_date
    action.reminded_on = None
    action.save(update_fields=["due_date", "reminded_on"])
    return action


def send_overdue_reminders(today: date | None = None) -> int:
    """Remind the owner of every open action past its due date, once per action (see rules.reminder_due).

    The claim is one UPDATE ... WHERE reminded_on IS NULL per action, so two runs on the same day (or two
    beat processes) cannot both send a reminder for the same action. The e-mails are written through the outbox
    in the claim's transaction: a mail server that is down delays them, it never loses one or stops the job.
    """
    from cooperative.selectors import entrepreneurs_of

    _public()
    today = today or timezone.localdate()
    sent = 0
    candidates = (FollowUpAction.objects.filter(status=FollowUpAction.Status.OPEN, due_date__lt=today,
                                                reminded_on__isnull=True)
                  .select_related("location", "visit__adviser", "created_by"))
    for action in candidates:
        if not rules.reminder_due(today=today, due_date=action.due_date, status=action.status,
                                  reminded_on=action.reminded_on):
            continue
        if action.owner == rules.OWNER_ENTREPRENEUR:
            people = entrepreneurs_of(action.location)
        else:
            adviser = action.visit.adviser if action.visit_id else action.created_by
            people = [adviser] if adviser else []
        with transaction.atomic():
            claimed = FollowUpAction.objects.filter(pk=action.pk, reminded_on__isnull=True).update(reminded_on=today)
            if not claimed:
                continue
            outbox.enqueue(deliveries.OVERDUE_ACTION, [{"action": action.pk, "user": person.pk} for person in people],
                           ref=deliveries.action_ref(action), location=action.location)
        sent += 1
    return sent


# Quality documents ------------------------------------------------------------------------------------


def upload_document(location: Location, *, doc_type: QualityDocumentType | None, file, effective_date: date | None,
                    review_date: date | None, user: User) -> QualityDocument:
    _public()
    errors: dict[str, list[str]] = {}
    if doc_type is None:
        errors["doc_type"] = [_("Choose the kind of document.")]
    if file is None:
        errors["file"] = [_("Choose the file to upload.")]
    errors.update(check_pdf(file, "file"))
    if effective_date is None:
        errors["effective_date"] = [_("Enter the date the document takes effect.")]
    if review_date is None:
        errors["review_date"] = [_("Enter the date by which the document must be reviewed.")]
    if rules.review_date_error(effective_date, review_date):
        errors["review_date"] = [_("The review date cannot be before the date the document takes effect.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        latest = (QualityDocument.objects.select_for_update().filter(location=location, doc_type=doc_type)
                  .aggregate(v=Max("version"))["v"] or 0)
        document = QualityDocument(location=location, doc_type=doc_type, version=latest + 1,
                                   original_name=(getattr(file, "name", "") or "")[:200],
                                   effective_date=effective_date, review_date=review_date, uploaded_by=user)
        document.file.save("document.pdf", file, save=False)
        document.save()
    return document


# Inspections -------------------------------------------------------------------------------------------


def record_inspection(location: Location, *, inspected_on: date | None, kind: str, met_requirements: bool | None,
                      user: User, summary: str = "", report_file=None,
                      findings: list[dict] | None = None) -> Inspection:
    _public()
    errors: dict[str, list[str]] = {}
    if inspected_on is None:
        errors["inspected_on"] = [_("Enter the date of the inspection.")]
    elif inspected_on > today_for(location):
        errors["inspected_on"] = [_("The inspection date cannot be in the future.")]
    elif (kind != Inspection.Kind.PRE_OPENING and location.opening_date
          and inspected_on < location.opening_date):
        errors["inspected_on"] = [_("Only the inspection before opening can be before the opening date.")]
    if kind not in Inspection.Kind.values:
        errors["kind"] = [_("Choose the type of inspection.")]
    if met_requirements is None:
        errors["met_requirements"] = [_("Say whether the location met the requirements.")]
    errors.update(check_pdf(report_file, "report_file"))
    findings = findings or []
    seen = set()
    for finding in findings:
        if finding.get("domain") not in InspectionFinding.Domain.values or finding["domain"] in seen:
            errors["findings"] = [_("Give each domain at most once.")]
        seen.add(finding.get("domain"))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        inspection = Inspection(location=location, inspected_on=inspected_on, kind=kind,
                                met_requirements=met_requirements, summary=(summary or "").strip(), created_by=user)
        if report_file is not None:
            inspection.report_name = (getattr(report_file, "name", "") or "")[:200]
            inspection.report_file.save("report.pdf", report_file, save=False)
        inspection.save()
        for finding in findings:
            InspectionFinding.objects.create(inspection=inspection, domain=finding["domain"],
                                             met=bool(finding.get("met")), remark=finding.get("remark", ""))
    return inspection


def refresh_dashboard_states(day: date | None = None) -> int:
    """Nightly: the kept dashboard rows (LocationState) that do not hold `day`'s year or `day`'s current documents
    (today in the cooperative's time zone) made anew for it, so that the dashboard reads the records themselves
    only for the day's changes. The page is right without this (it reads the records where a row is out of date);
    this keeps it fast. Returns how many rows were out of date."""
    day = day or timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(location_id ORDER BY location_id) FROM advisory_locationstate "
            "WHERE visits_year IS DISTINCT FROM %(year)s OR %(day)s < documents_from OR %(day)s >= documents_until",
            {"year": day.year, "day": day})
        ids = cursor.fetchone()[0] or []
        if ids:
            cursor.execute("SELECT advisory_refresh_location_states(%s::bigint[], %s)", [ids, day])
    return len(ids)
