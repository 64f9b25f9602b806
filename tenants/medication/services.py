"""Writes of medication (seed 003 §4.6.3–4.6.4). A parent requests a medicine and signs the request in one
step (an unsigned request is never stored); staff record each dose given, and a fever-reducer only after
contact with a parent or the doctor and as the location's policy allows; the parents hear of each dose the
same day (push and e-mail, through the outbox).

Each function raises ValidationError({field: [...]}) on bad input and then stores nothing."""
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.service_errors import translated
from tenants.medication import rules
from tenants.medication.deliveries import DOSE_NOTICE
from tenants.medication.models import DoseGiven, FeverPolicy, MedicationRequest


def _text(value) -> str:
    return " ".join((value or "").split())


def _local_now(location=None) -> datetime:
    from tenants.attendance.selectors import local_now

    return local_now(location)


def policy() -> FeverPolicy:
    """The location's policy (its defaults when it never set one)."""
    return FeverPolicy.objects.order_by("pk").first() or FeverPolicy()


def rules_policy(row: FeverPolicy | None = None) -> rules.FeverPolicy:
    row = row or policy()
    allowed = {kind for kind, on in ((rules.PARACETAMOL, row.paracetamol_allowed),
                                     (rules.IBUPROFEN, row.ibuprofen_allowed)) if on}
    return rules.FeverPolicy(allowed=frozenset(allowed), ibuprofen_min_months=row.ibuprofen_min_months)


@transaction.atomic
def set_policy(*, paracetamol_allowed: bool, ibuprofen_allowed: bool, ibuprofen_min_months, grace_minutes
               ) -> FeverPolicy:
    errors = {}
    try:
        months = int(ibuprofen_min_months)
        if not 0 <= months <= 72:
            raise ValueError
    except (TypeError, ValueError):
        errors["ibuprofen_min_months"] = [_("Give a number of months from 0 to 72.")]
    try:
        grace = int(grace_minutes)
        if not 0 <= grace <= 240:
            raise ValueError
    except (TypeError, ValueError):
        errors["grace_minutes"] = [_("Give a number of minutes from 0 to 240.")]
    if errors:
        raise ValidationError(errors)
    row = FeverPolicy.objects.select_for_update().order_by("pk").first() or FeverPolicy()
    row.paracetamol_allowed = bool(paracetamol_allowed)
    row.ibuprofen_allowed = bool(ibuprofen_allowed)
    row.ibuprofen_min_months = months
    row.grace_minutes = grace
    row.save()
    return row


def _times(value) -> tuple[list[time], bool]:
    if isinstance(value, str):
        return rules.parse_times(value)
    if not isinstance(value, list | tuple) or not all(isinstance(item, time) for item in value):
        return [], False
    return sorted(set(value)), True


@transaction.atomic
def request_medication(child, *, user, name: str, dose: str, times, start_date: date | None, end_date: date | None,
                       prescribed_by: str = "", in_fridge: bool = False, notes: str = "", typed_name: str = "",
                       confirmed: bool = False, ip: str | None = None) -> MedicationRequest:
    """A parent of `child` asks for a medicine and signs: she confirms the text (rules.SIGN_TEXT) explicitly
    and types her name; the time, name, text and its version are kept with the request."""
    from tenants.calendar.selectors import location_today

    if not child.guardians.filter(pk=user.pk).exists():
        raise PermissionDenied(_("Only a parent of the child asks for medication."))
    parsed, ok = _times(times)
    start = start_date if isinstance(start_date, date) else None
    end = end_date if isinstance(end_date, date) else None
    errors = translated(rules.request_errors(name=name, dose=dose, times=parsed, start=start, end=end,
                                             today=location_today()))
    if not ok and "times" not in errors:
        errors["times"] = [_("Write times of day as 10:00, separated by commas.")]
    for key, value, limit in (("name", name, 200), ("dose", dose, 200), ("prescribed_by", prescribed_by, 200),
                              ("notes", notes, 2000)):
        if len(_text(value)) > limit and key not in errors:
            errors[key] = [_("At most %(n)s characters.") % {"n": limit}]
    signed_name = _text(typed_name)
    if not confirmed:
        errors["confirmed"] = [_("Tick that you confirm the request to sign it.")]
    if len(signed_name) < 2:
        errors["typed_name"] = [_("Type your full name to sign.")]
    elif user.full_name and signed_name.casefold() != _text(user.full_name).casefold():
        errors["typed_name"] = [_("Type your full name as the location knows it: %(name)s.")
                                % {"name": user.full_name}]
    if errors:
        raise ValidationError(errors)
    return MedicationRequest.objects.create(
        child=child, name=_text(name), dose=_text(dose), times=parsed, start_date=start, end_date=end,
        prescribed_by=_text(prescribed_by), in_fridge=bool(in_fridge), notes=(notes or "").strip(),
        requested_by=user, signed_at=timezone.now(), signed_name=signed_name, signed_by=user,
        signed_ip=ip or None, signed_text_version=rules.SIGN_TEXT_VERSION, signed_text=_(rules.SIGN_TEXT))


@transaction.atomic
def stop_request(request: MedicationRequest, *, user) -> MedicationRequest:
    """A parent (or the location) stops a medicine before its last day: no more doses are due from now."""
    request = MedicationRequest.objects.select_for_update().get(pk=request.pk)
    if request.stopped_at is None:
        request.stopped_at = timezone.now()
        request.save(update_fields=["stopped_at"])
    return request


def _notify_parents(child) -> None:
    from outbox import services as outbox
    from push.rules import HEALTH
    from push.services import location_path, notify_guardians
    from tenants.calendar.selectors import current_location
    from tenants.children.models import Child
    from tenants.children.selectors import tied_guardian_ids

    path = location_path("medication-today")
    notify_guardians(child, kind=HEALTH, path=path)
    ids = sorted(tied_guardian_ids(Child.objects.filter(pk=child.pk)))
    if ids:
        outbox.enqueue(DOSE_NOTICE, [{"user": uid, "child": child.pk, "path": path} for uid in ids],
                       ref=f"medication:{child.pk}", location=current_location())


def _given_at(value, now: datetime, errors: dict) -> datetime | None:
    if value is None:
        return now
    if not isinstance(value, datetime):
        errors["given_at"] = [_("Give the time the dose was given.")]
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value, now.tzinfo)
    if value > now:
        errors["given_at"] = [_("A dose cannot be recorded before it is given.")]
    return value


@transaction.atomic
def record_dose(request: MedicationRequest, *, user, due_time: time, given_at: datetime | None = None,
                remarks: str = "") -> DoseGiven:
    """Staff record the dose of `request` due at `due_time` today, given at `given_at` (now when left out)."""
    now = _local_now()
    today = now.date()
    errors: dict[str, list[str]] = {}
    request = MedicationRequest.objects.select_for_update().select_related("child").get(pk=request.pk)
    if not request.is_signed or (request.stopped_at is not None and request.stopped_at <= now):
        errors["request"] = [_("This medicine is not (or no longer) to be given.")]
    due = rules.due_times(request.start_date, request.end_date, request.times, today)
    if not isinstance(due_time, time) or due_time not in due:
        errors["due_time"] = [_("This medicine is not due at that time today.")]
    given = _given_at(given_at, now, errors)
    if given is not None and given.astimezone(now.tzinfo).date() != today:
        errors.setdefault("given_at", [_("Record today's doses only.")])
    if len((remarks or "").strip()) > 2000:
        errors["remarks"] = [_("At most %(n)s characters.") % {"n": 2000}]
    if not errors and DoseGiven.objects.filter(request=request, due_date=today, due_time=due_time).exists():
        errors["due_time"] = [_("This dose was already recorded.")]
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            dose = DoseGiven.objects.create(
                child=request.child, request=request, kind=DoseGiven.Kind.PRESCRIBED, due_date=today,
                due_time=due_time, given_at=given, given_by=user, given_by_name=user.full_name or user.email,
                dose=request.dose, remarks=(remarks or "").strip())
    except IntegrityError:  # recorded at the same moment on another tablet
        raise ValidationError({"due_time": [_("This dose was already recorded.")]}) from None
    _notify_parents(request.child)
    return dose


@transaction.atomic
def record_fever_reducer(child, *, user, kind: str, dose: str, contacted: str, contacted_name: str,
                         contacted_at: datetime | None, fluid_loss: bool = False, temperature=None,
                         given_at: datetime | None = None, remarks: str = "") -> DoseGiven:
    """Staff give a fever-reducer after contact with a parent or the doctor (seed 003 §4.6.3), if the
    location's policy allows that kind for this child; recorded with who was contacted and when."""
    from decimal import Decimal, InvalidOperation

    now = _local_now()
    errors: dict[str, list[str]] = {}
    if contacted not in DoseGiven.Contacted.values:
        errors["contacted"] = [_("Choose whom you contacted: a parent or the doctor.")]
    if not _text(contacted_name):
        errors["contacted_name"] = [_("Fill in the name of the person you contacted.")]
    if not isinstance(contacted_at, datetime):
        errors["contacted_at"] = [_("Fill in when you contacted them.")]
    else:
        if timezone.is_naive(contacted_at):
            contacted_at = timezone.make_aware(contacted_at, now.tzinfo)
        if contacted_at > now:
            errors["contacted_at"] = [_("The contact cannot be in the future.")]
    if not _text(dose):
        errors["dose"] = [_("Fill in the dose.")]
    given = _given_at(given_at, now, errors)
    contact_known = isinstance(contacted_at, datetime) and "contacted_at" not in errors
    if given is not None and contact_known and given < contacted_at:
        errors["given_at"] = [_("A fever-reducer is given after the contact, not before.")]
    if temperature not in (None, ""):
        try:
            temperature = Decimal(str(temperature).replace(",", "."))
            if not Decimal("34") <= temperature <= Decimal("43"):
                raise InvalidOperation
        except InvalidOperation:
            errors["temperature"] = [_("Give the temperature in degrees, e.g. 38.5.")]
    else:
        temperature = None
    contact_recorded = not ({"contacted", "contacted_name", "contacted_at"} & set(errors))
    age = rules.age_in_months(child.birth_date, now.date())
    refusal = rules.fever_reducer_refusal(kind, age, bool(fluid_loss), contact_recorded, rules_policy())
    if refusal and contact_recorded:
        errors["kind"] = [_(refusal) % {"months": rules_policy().ibuprofen_min_months} if "%(months)s" in refusal
                          else _(refusal)]
    if errors:
        raise ValidationError(errors)
    dose_given = DoseGiven.objects.create(
        child=child, kind=kind, due_date=given.astimezone(now.tzinfo).date(), given_at=given, given_by=user,
        given_by_name=user.full_name or user.email, dose=_text(dose), remarks=(remarks or "").strip(),
        temperature=temperature, fluid_loss=bool(fluid_loss), contacted=contacted,
        contacted_name=_text(contacted_name), contacted_at=contacted_at)
    _notify_parents(child)
    return dose_given
