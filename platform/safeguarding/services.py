"""Writes of the meldcode: report a concern, record a step, close a case; the audit trail and notifications.

Errors are Django ValidationErrors per field, raised before anything is stored. Nothing here logs or puts case
text in an exception: messages name the field, never its value.
"""
import logging
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context

from accounts.models import Membership
from accounts.roles import ENTREPRENEUR, PARENT, PEDAGOGUE, STAFF
from safeguarding import rules, selectors
from safeguarding.models import Case, CaseAuditEntry, CaseStep, Housemate, Outcome, Step

logger = logging.getLogger(__name__)

DESCRIPTION_MAX = 20_000
TEXT_MAX = 500


# Audit ---------------------------------------------------------------------------------------------------------


def audit(cases, actor, role: str, action: str, detail: str = "") -> None:
    """Record that `actor` (in `role`) did `action` on each of `cases` (a case, or an iterable of cases)."""
    if isinstance(cases, Case):
        cases = [cases]
    entries = [CaseAuditEntry(case_id=case.pk, actor_id=getattr(actor, "pk", None),
                              actor_name=(getattr(actor, "full_name", "") or getattr(actor, "email", ""))[:200]
                              or "system", actor_role=role, action=action, detail=detail[:60])
               for case in cases]
    if entries:
        CaseAuditEntry.objects.bulk_create(entries)


def audit_trail(case, actor, role: str = PEDAGOGUE):
    """The audit entries of a case; showing them is itself recorded."""
    audit(case, actor, role, CaseAuditEntry.Action.AUDIT_VIEWED)
    return list(CaseAuditEntry.objects.filter(case=case))


def read_case(case, actor, role: str) -> Case:
    """Open a case file (its decrypted text): recorded in the audit trail."""
    audit(case, actor, role, CaseAuditEntry.Action.VIEWED)
    return case


# Reporting a concern ----------------------------------------------------------------------------------------


def _clean_text(value, field, errors, required=True, max_length=TEXT_MAX):
    value = (value or "").strip()
    if required and not value:
        errors[field] = _("This field is required.")
    elif len(value) > max_length:
        errors[field] = _("Keep this under %(max)d characters.") % {"max": max_length}
    return value


def _children_of(location, reporter, roles, child_ids) -> tuple[list[tuple[int, str]], set[int]]:
    """(id, name) of the chosen children in the location's own schema, and their guardians' account ids; a
    parent may only choose her own children."""
    from tenants.children.models import Child

    with schema_context(location.schema_name):
        qs = Child.objects.filter(pk__in=child_ids)
        if not roles & {ENTREPRENEUR, STAFF}:
            qs = qs.filter(guardians=reporter)
        children = [(child.pk, child.full_name) for child in qs.order_by("first_name", "last_name")]
        guardians = set(Child.guardians.through.objects.filter(child_id__in=[pk for pk, _name in children])
                        .values_list("user_id", flat=True))
    return children, guardians


def report_concern(*, location, reporter, roles: set[str], route, child_ids, observed_on, observed_place,
                   description, subject_user_id=None, housemate_name="", housemate_relation="",
                   subject_is_housemate=False) -> Case:
    """A staff member, the entrepreneur or a parent reports a concern at `location`. Returns the new case.

    A route 2 concern about a staff member who lives with the entrepreneur (recorded by her, or said by the
    reporter with `subject_is_housemate`) is about a housemate: it goes to the pedagogue only. The people
    involved when it is reported (guardians of the children, housemates) are kept with the case."""
    if not roles & {ENTREPRENEUR, STAFF, PARENT}:
        raise ValidationError({"route": _("Only members of this location can report a concern here.")})
    errors = {}
    try:
        route = int(route) if route not in (None, "") else None
    except (TypeError, ValueError):
        route = None
    if route not in rules.ROUTES:
        errors["route"] = _("Choose the route that fits what you saw or heard.")

    ids = []
    for value in child_ids or []:
        try:
            ids.append(int(value))
        except (TypeError, ValueError):
            errors["children"] = _("Choose the children from the list.")
    ids = sorted(set(ids))
    children, guardian_ids = _children_of(location, reporter, roles, ids) if ids else ([], set())
    if not ids:
        errors["children"] = _("Choose at least one child.")
    elif len(children) != len(ids):
        errors["children"] = _("Choose the children from the list of this location.")

    if not isinstance(observed_on, date):
        errors["observed_on"] = _("Give the date on which you saw or heard it.")
    elif observed_on > timezone.localdate():
        errors["observed_on"] = _("The date cannot be in the future.")
    place = _clean_text(observed_place, "observed_place", errors)
    text = _clean_text(description, "description", errors, max_length=DESCRIPTION_MAX)

    subject_kind, subject_user, subject_name, relation = "", None, "", ""
    pairs = selectors.housemate_pairs(location)
    if route == rules.ROUTE_PROFESSIONAL:
        housemate_name = (housemate_name or "").strip()
        relation = (housemate_relation or "").strip()
        if subject_user_id and housemate_name:
            errors["subject"] = _("Choose either a person of the location or a housemate, not both.")
        elif subject_user_id:
            memberships = Membership.objects.filter(location=location, user_id=subject_user_id, is_active=True,
                                                    role__in=[ENTREPRENEUR, STAFF]).select_related("user")
            held = {m.role for m in memberships}
            if not held:
                errors["subject"] = _("Choose a staff member or the entrepreneur of this location.")
            else:
                subject_user = memberships[0].user
                lives_with_her = bool(subject_is_housemate) or any(h == subject_user.pk for _e, h in pairs)
                subject_kind = rules.subject_kind_for(ENTREPRENEUR in held, STAFF in held, lives_with_her)
                subject_name = subject_user.full_name
        elif housemate_name:
            subject_kind, subject_name = rules.SUBJECT_HOUSEMATE, housemate_name[:TEXT_MAX]
            if not relation:
                errors["housemate_relation"] = _("Say how the housemate is related to the entrepreneur.")
        else:
            errors["subject"] = _("For route 2, say who the concern is about.")
    if errors:
        raise ValidationError(errors)

    family = guardian_ids if route != rules.ROUTE_PROFESSIONAL else set()
    housemate_ids = rules.housemates_of({getattr(subject_user, "pk", None)} | family, pairs)
    with transaction.atomic():
        case = Case.objects.create(
            location=location, location_kind=location.kind, route=route, reporter=reporter,
            reporter_role=next(role for role in (ENTREPRENEUR, STAFF, PARENT) if role in roles),
            child_ids=[pk for pk, _name in children], child_names="\n".join(name for _pk, name in children),
            observed_on=observed_on, observed_place=place, description=text,
            subject_kind=subject_kind, subject_user=subject_user, subject_name=subject_name,
            subject_relation=relation[:TEXT_MAX], guardian_ids=sorted(guardian_ids),
            housemate_ids=sorted(housemate_ids),
            routed_to_entrepreneur=rules.entrepreneur_receives(route, subject_kind or None),
            reported_on=timezone.localdate(),
        )
        audit(case, reporter, case.reporter_role, CaseAuditEntry.Action.REPORTED)
        transaction.on_commit(lambda: notify_new_case(case.pk))
    return case


# Housemates of the entrepreneur ---------------------------------------------------------------------------------


def _staff_member(location, user_id, entrepreneur):
    try:
        user_id = int(user_id)
    except (TypeError, ValueError):
        user_id = None
    membership = (Membership.objects.filter(location=location, user_id=user_id, role=STAFF, is_active=True)
                  .exclude(user=entrepreneur).select_related("user").first()) if user_id else None
    if membership is None:
        raise ValidationError({"user": _("Choose a staff member of this location.")})
    return membership.user


def add_housemate(*, location, entrepreneur, user_id) -> Housemate:
    """The entrepreneur records that a staff member lives with her (idempotent)."""
    user = _staff_member(location, user_id, entrepreneur)
    fact, _created = Housemate.objects.get_or_create(location=location, entrepreneur=entrepreneur, housemate=user,
                                                     defaults={"recorded_by": entrepreneur})
    return fact


def remove_housemate(*, location, entrepreneur, user_id) -> None:
    """No longer a housemate. Cases reported meanwhile keep the housemates they had, so none becomes visible."""
    Housemate.objects.filter(location=location, entrepreneur=entrepreneur, housemate_id=user_id).delete()


def set_housemates(*, location, entrepreneur, user_ids) -> list[Housemate]:
    """The staff members who live with the entrepreneur are exactly `user_ids`."""
    with transaction.atomic():
        facts = [add_housemate(location=location, entrepreneur=entrepreneur, user_id=pk) for pk in user_ids]
        (Housemate.objects.filter(location=location, entrepreneur=entrepreneur)
         .exclude(pk__in=[fact.pk for fact in facts]).delete())
    return facts


# Handling a case (the pedagogue) ----------------------------------------------------------------------------

FLAGS = ("consulted_veilig_thuis", "consulted_inspector", "parents_not_told", "crime_suspected",
         "reported_veilig_thuis", "help_organised")


def record_step(case: Case, *, actor, step, done_on, who, notes="", **flags) -> CaseStep:
    """The pedagogue records a step of the reporting code (or an owner's duty in route 2)."""
    errors = {}
    if case.is_closed:
        raise ValidationError({"step": _("This case is closed.")})
    allowed = rules.steps_for(case.route, crime_suspected=True)
    if step not in allowed:
        errors["step"] = _("Choose a step of this case's route.")
    if not isinstance(done_on, date):
        errors["done_on"] = _("Give the date of this step.")
    elif done_on > timezone.localdate():
        errors["done_on"] = _("The date cannot be in the future.")
    elif done_on < case.observed_on:
        errors["done_on"] = _("The date cannot be before the concern was seen or heard.")
    who = _clean_text(who, "who", errors)
    notes = _clean_text(notes, "notes", errors, required=False, max_length=DESCRIPTION_MAX)
    flags = {key: bool(flags.get(key)) for key in FLAGS}
    if flags["parents_not_told"] and step == rules.TALK_PARENTS and not notes:
        errors["notes"] = _("Explain why talking with the parents would endanger the child.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        entry = CaseStep.objects.create(case=case, step=step, done_on=done_on, who=who, notes=notes,
                                        recorded_by=actor, **flags)
        fields = ["status"]
        case.status = rules.status_after_step(case.status)
        if flags["crime_suspected"] and not case.crime_suspected:
            case.crime_suspected = True
            fields.append("crime_suspected")
        case.save(update_fields=fields)
        audit(case, actor, PEDAGOGUE, CaseAuditEntry.Action.STEP_RECORDED, detail=step)
    return entry


def close_case(case: Case, *, actor, outcome, notes="") -> Case:
    if case.is_closed:
        raise ValidationError({"outcome": _("This case is already closed.")})
    errors = {}
    if outcome not in Outcome.values:
        errors["outcome"] = _("Choose the outcome.")
    notes = _clean_text(notes, "notes", errors, required=False, max_length=DESCRIPTION_MAX)
    missing = rules.missing_for_closing(case.route, case.done_steps(), case.crime_suspected)
    if missing:
        errors["steps"] = _("Record these steps before closing: %(steps)s.") % {
            "steps": ", ".join(str(Step(step).label) for step in missing)}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case.status = rules.STATUS_CLOSED
        case.outcome = outcome
        case.outcome_notes = notes
        case.closed_at = timezone.now()
        case.save(update_fields=["status", "outcome", "outcome_notes", "closed_at"])
        audit(case, actor, PEDAGOGUE, CaseAuditEntry.Action.CLOSED, detail=outcome)
    return case


# Notifications: never any case content, only "there is something to look at" and a link ------------------------


def _url(path: str, host: str) -> str:
    port = f":{settings.SITE_PORT}" if settings.SITE_PORT else ""
    return f"{settings.SITE_SCHEME}://{host}{port}{path}"


def pedagogue_link(case_pk: int | None = None) -> str:
    path = (reverse("meldcode-look", args=[case_pk], urlconf="config.urls_public") if case_pk
            else reverse("meldcode-look-list", urlconf="config.urls_public"))
    return _url(path, settings.MAIN_DOMAIN)


def entrepreneur_link(case: Case) -> str:
    return _url(reverse("meldcode-look", args=[case.pk], urlconf="config.urls_location"),
                case.location.host)


def send_look_notice(user, link: str) -> None:
    """The only e-mail the meldcode sends: no route, no names, no location, no text."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = _("There is something for you to look at")
        body = _("Hello,\n\nThere is something for you to look at on the platform:\n%(link)s\n\n"
                 "This message deliberately contains no details. Log in to read more.") % {"link": link}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def notify_new_case(case_pk: int) -> None:
    """The pedagogue always; the entrepreneur when routing gives her the case. (Public tables are on every
    schema's search path, so this works from a location's request too.)"""
    case = Case.objects.select_related("location").only(*selectors.LIST_FIELDS).get(pk=case_pk)
    for user in selectors.pedagogues():
        _send_safely(user, pedagogue_link(case.pk))
    for user in selectors.entrepreneurs_to_notify(case):
        _send_safely(user, entrepreneur_link(case))


def _send_safely(user, link):
    try:
        send_look_notice(user, link)
    except Exception:  # noqa: BLE001 - a report is never lost over an e-mail; the log names no one
        logger.exception("A meldcode notification could not be sent")


def send_deadline_reminders(today: date | None = None) -> int:
    """Remind the pedagogue of steps due tomorrow or overdue, once a day per step. Returns e-mails sent."""
    from safeguarding.models import ReminderSent

    today = today or timezone.localdate()
    new = 0
    for case in selectors.open_cases():
        done = {entry.step for entry in case.steps.all()}
        for due in rules.reminders_due(case.route, case.reported_on, done, today, case.crime_suspected):
            _obj, created = ReminderSent.objects.get_or_create(case=case, step=due.step, sent_on=today)
            new += created
    if not new:
        return 0
    sent = 0
    for user in selectors.pedagogues():
        _send_safely(user, pedagogue_link())
        sent += 1
    return sent
