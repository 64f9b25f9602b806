"""Writes of sickness: staff record symptoms and a temperature for a child, at admission or during the day; the
location's checklist decides (admitted, with conditions, not admitted) and says when the child may come back;
when the child may not stay the parents get a message (a conversation of tenants.messages: e-mail notice and push,
through the outbox after the commit). The entrepreneur adjusts the location's own rows of the checklist."""
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.roles import STAFF
from tenants.children.models import Child
from tenants.sickness import rules, selectors
from tenants.sickness.models import OwnRow, SicknessRecord

MAX_NOTE = 1000
#: A moment may be typed a little ahead of the server's clock, not more.
FUTURE_SLACK = timedelta(minutes=5)
#: Observations are recorded on the day or shortly after, not weeks later.
OLDEST = timedelta(days=7)


def _moment_text(value: datetime) -> str:
    from tenants.attendance.selectors import location_zone

    return formats.date_format(value.astimezone(location_zone()), "j F Y, H:i")


def _clean(checklist, *, moment, observed_at, temperature, symptoms, note, now) -> tuple[dict, dict]:
    errors: dict[str, list[str]] = {}
    if moment not in SicknessRecord.Moment.values:
        errors["moment"] = [_("Choose at admission or during the day.")]
    if not isinstance(observed_at, datetime) or timezone.is_naive(observed_at):
        errors["observed_at"] = [_("Give the date and time of the observation.")]
    elif observed_at > now + FUTURE_SLACK:
        errors["observed_at"] = [_("The observation cannot lie in the future.")]
    elif observed_at < now - OLDEST:
        errors["observed_at"] = [_("Record an observation within a week.")]
    value, problem = rules.parse_temperature(temperature)
    if problem:
        errors["temperature"] = [_(problem)]
    if not isinstance(symptoms, list | tuple) or not all(isinstance(key, str) for key in symptoms):
        errors["symptoms"] = [_("Choose symptoms of the checklist.")]
        symptoms = []
    elif any(checklist.row(key) is None for key in symptoms):
        errors["symptoms"] = [_("Choose symptoms of the checklist.")]
    if len(note or "") > MAX_NOTE:
        errors["note"] = [_("At most %(n)s characters.") % {"n": MAX_NOTE}]
    if not errors and value is None and not symptoms:
        errors["temperature"] = [_("Give a temperature or at least one symptom.")]
    return errors, {"temperature": value, "symptoms": list(dict.fromkeys(symptoms))}


@transaction.atomic
def record_sickness(child: Child, *, by, observed_at: datetime, moment: str = SicknessRecord.Moment.DAY,
                    temperature=None, after_vaccination: bool = False, symptoms=(), note: str = "",
                    tell_parents: bool | None = None, now: datetime | None = None) -> SicknessRecord:
    """Record what staff saw; the checklist decides. `tell_parents` None: a message goes to the parents when the
    child is not admitted or admitted with conditions. Bad input stores nothing and names the field."""
    now = now or timezone.now()
    checklist = selectors.checklist_here()
    errors, clean = _clean(checklist, moment=moment, observed_at=observed_at, temperature=temperature,
                           symptoms=list(symptoms or []), note=note, now=now)
    if errors:
        raise ValidationError(errors)
    measurements = selectors.measurements_of(child.pk, observed_at)
    if clean["temperature"] is not None:
        measurements.append(rules.Measurement(at=observed_at, celsius=clean["temperature"],
                                              after_vaccination=bool(after_vaccination)))
    assessment = rules.assess(checklist, symptoms=clean["symptoms"], measurements=measurements, now=observed_at)
    record = SicknessRecord.objects.create(
        child=child, group_id=child.group_id, moment=moment, observed_at=observed_at,
        temperature=clean["temperature"], after_vaccination=bool(after_vaccination), symptoms=clean["symptoms"],
        note=(note or "").strip(), checklist=checklist.key, decision=assessment.decision,
        reasons=list(assessment.reasons), may_return_at=assessment.may_return_at,
        recorded_by=by)
    if tell_parents is None:
        tell_parents = assessment.decision != rules.ADMITTED
    if tell_parents:
        _tell_parents(record, checklist, by=by, now=now)
    return record


def message_text(record: SicknessRecord, checklist: rules.Checklist) -> tuple[str, str]:
    """(subject, body) of the message to the parents, in the active language."""
    name = record.child.first_name
    lines = []
    if record.decision == rules.NOT_ADMITTED:
        subject = _("%(name)s is ill: please collect %(name)s") % {"name": name}
        lines.append(_("%(name)s is not well and cannot stay today. Please come and collect %(name)s as soon as "
                       "you can.") % {"name": name})
    else:
        subject = _("%(name)s is not feeling well") % {"name": name}
        lines.append(_("%(name)s is not feeling well. We are keeping a close eye and will call you if "
                       "%(name)s needs to be collected.") % {"name": name})
    if record.temperature is not None:
        lines.append(_("Temperature: %(t)s °C at %(time)s.") % {
            "t": formats.number_format(record.temperature, 1), "time": _moment_text(record.observed_at)})
    symptoms = [key for key in record.symptoms if key != rules.FEVER]
    if symptoms:
        lines.append(_("What we saw: %(list)s.") % {
            "list": ", ".join(_(label) for label in selectors.row_labels(checklist, symptoms))})
    rows = [checklist.row(key) for key in record.reasons if checklist.row(key)]
    for row in rows:
        if row.condition:
            lines.append(_(row.condition))
    if record.may_return_at:
        lines.append(_("%(name)s may come back from %(moment)s at the earliest, after at least %(hours)s hours "
                       "without fever.") % {"name": name, "moment": _moment_text(record.may_return_at),
                                           "hours": checklist.fever_free_hours})
    for note in dict.fromkeys(row.back for row in rows if row.back and row.key != rules.FEVER):
        lines.append(_("Back: %(when)s") % {"when": _(note)})
    return subject, "\n\n".join(lines)


def _tell_parents(record: SicknessRecord, checklist: rules.Checklist, *, by, now: datetime) -> None:
    from tenants.messages.services import start_conversation

    if not record.child.guardians.exists():
        return
    subject, body = message_text(record, checklist)
    conversation = start_conversation(record.child, by=by, roles={STAFF}, subject=subject[:200], body=body)
    record.conversation = conversation
    record.parents_told_at = now
    record.save(update_fields=["conversation", "parents_told_at"])


@transaction.atomic
def tell_parents(record: SicknessRecord, *, by) -> SicknessRecord:
    """Send the message to the parents afterwards (a record saved without it)."""
    if record.parents_told_at is not None:
        raise ValidationError({"tell_parents": [_("The parents have already been told.")]})
    _tell_parents(record, selectors.checklist_here(), by=by, now=timezone.now())
    return record


@transaction.atomic
def adjust_row(*, by, key: str, decision: str, label: str = "", condition: str = "", back: str = "") -> OwnRow:
    """The entrepreneur sets the location's own version of a row (or adds a row of its own)."""
    from django.utils.text import slugify

    base = selectors.base_checklist()
    key = (key or "").strip() or ("own_" + slugify(label or "")[:30].replace("-", "_"))
    adjustment = rules.Adjustment(key=key, decision=decision, label=label or "", condition=condition or "",
                                  back=back or "")
    errors = {field: [_(message)] for field, message in rules.adjustment_errors(adjustment, base).items()}
    for field, value, limit in (("label", label, 200), ("condition", condition, 300), ("back", back, 300)):
        if len(value or "") > limit:
            errors[field] = [_("At most %(n)s characters.") % {"n": limit}]
    if key == "own_":
        errors.setdefault("label", [_("Name the condition or symptom.")])
    if errors:
        raise ValidationError(errors)
    row, _created = OwnRow.objects.update_or_create(key=key, defaults={
        "label": (label or "").strip(), "decision": decision, "condition": (condition or "").strip(),
        "back": (back or "").strip(), "changed_by": by})
    return row


def reset_row(key: str) -> int:
    """Back to the jurisdiction's row (or remove an own row)."""
    return OwnRow.objects.filter(key=key).delete()[0]


def erase_for_child(child: Child) -> int:
    count = SicknessRecord.objects.filter(child=child).count()
    SicknessRecord.objects.filter(child=child).delete()
    return count
