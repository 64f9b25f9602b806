"""Writes of the attendance register. Each raises ValidationError({field: [...]}) on bad input and then
stores nothing. Who may call which function (staff, parent of the child, entrepreneur) is checked by the
views and the API through the selectors; these functions get objects the caller may touch."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tenants.attendance import planned, rules, selectors
from tenants.attendance.models import (
    Absence,
    AttendanceRecord,
    AttendanceSettings,
    ExtraDayRequest,
    SwapRequest,
    TimeDispute,
)
from tenants.calendar import selectors as calendar
from tenants.children.models import Child
from tenants.groups.models import Group


def _translated(errors: rules.Errors) -> dict[str, list[str]]:
    return {key: [_(item.template) % item.params if item.params else _(item.template) for item in items]
            for key, items in errors.items()}


def _raise(errors: rules.Errors) -> None:
    if errors:
        raise ValidationError(_translated(errors))


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


# --- check in and out ---------------------------------------------------------------------------------


def check_in(child: Child, *, by, at: datetime | None = None, now: datetime | None = None) -> AttendanceRecord:
    """Register a child's arrival (now, or at `at` when staff register it afterwards, today only)."""
    now = _now(now)
    at = at or now
    tz = selectors.location_zone()
    errors: dict[str, list[str]] = {}
    if at.astimezone(tz).date() != now.astimezone(tz).date():
        errors["at"] = [_("Arrivals are registered on the day itself.")]
    errors.update(_translated(rules.times_errors(at, None, now, in_field="at")))
    if errors:
        raise ValidationError(errors)
    still_in = AttendanceRecord.objects.filter(child=child, check_out__isnull=True).first()
    if still_in is not None:
        raise ValidationError({"child": [_("%(name)s is already checked in (since %(when)s); check out first.") % {
            "name": child.full_name, "when": f"{still_in.check_in.astimezone(tz):%d-%m %H:%M}"}]})
    last = AttendanceRecord.objects.filter(child=child, check_out__isnull=False).order_by("-check_out").first()
    if last is not None and last.check_out > at:
        raise ValidationError({"at": [_("The arrival cannot be before the last departure (%(time)s).") % {
            "time": f"{last.check_out.astimezone(tz):%H:%M}"}]})
    try:
        with transaction.atomic():
            return AttendanceRecord.objects.create(
                child=child, group=child.group, date=at.astimezone(tz).date(), check_in=at, checked_in_by=by,
                registered_at=now,
            )
    except IntegrityError:  # checked in at the same moment on another tablet
        raise ValidationError({"child": [_("%(name)s is already checked in.") % {"name": child.full_name}]}) from None


@transaction.atomic
def check_out(child: Child, *, by, at: datetime | None = None, now: datetime | None = None,
              late_pickup_announced: bool = False) -> AttendanceRecord:
    """Register a child's departure; `late_pickup_announced`: the parent phoned ahead (no Flemish fine)."""
    now = _now(now)
    at = at or now
    record = AttendanceRecord.objects.select_for_update().filter(child=child, check_out__isnull=True).first()
    if record is None:
        raise ValidationError({"child": [_("%(name)s is not checked in.") % {"name": child.full_name}]})
    errors = rules.times_errors(record.check_in, at, now, out_field="at")
    errors.pop("check_in", None)
    _raise(errors)
    record.check_out = at
    record.checked_out_by = by
    record.registered_at = now
    record.late_pickup_announced = record.late_pickup_announced or bool(late_pickup_announced)
    record.save(update_fields=["check_out", "checked_out_by", "registered_at", "late_pickup_announced"])
    return record


def set_late_pickup_announced(record: AttendanceRecord, *, announced: bool, by) -> AttendanceRecord:
    """Staff note on a stay that the parent phoned ahead about a late pick-up (or take the note back)."""
    record.late_pickup_announced = bool(announced)
    record.save(update_fields=["late_pickup_announced"])
    return record


# --- absences -------------------------------------------------------------------------------------------


@transaction.atomic
def report_absence(child: Child, *, kind: str, start_date: date | None, end_date: date | None = None,
                   reason: str, by, now: datetime | None = None) -> Absence:
    """A parent (or staff taking a phone call) reports that a child will not come. The moment of the
    report is kept; in Flanders a report after 08:00 on the first day carries the fine."""
    now = _now(now)
    location = calendar.current_location()
    tz = selectors.location_zone(location)
    today = now.astimezone(tz).date()
    end_date = end_date or start_date
    errors = _translated(rules.absence_errors(start_date, end_date, today))
    if kind not in Absence.Kind.values:
        errors["kind"] = [_("Choose one of: %(kinds)s.") % {"kinds": ", ".join(str(label) for label in
                                                                              Absence.Kind.labels)}]
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = [_("Give a reason.")]
    elif len(reason) > 2000:
        errors["reason"] = [_("At most 2000 characters.")]
    if not errors and Absence.objects.filter(child=child, start_date__lte=end_date, end_date__gte=start_date).exists():
        errors["start_date"] = [_("An absence has already been reported for (part of) these days.")]
    if errors:
        raise ValidationError(errors)
    late = rules.absence_reported_late(now, start_date, tz)
    return Absence.objects.create(
        child=child, kind=kind, start_date=start_date, end_date=end_date, reason=reason, reported_at=now,
        reported_by=by, reported_late=late, fine=rules.absence_fine(location.jurisdiction, now, start_date, tz),
    )


@transaction.atomic
def record_certificate(absence: Absence, *, received_on: date | None, by, now: datetime | None = None) -> Absence:
    """Staff record the day the doctor's certificate of a hospitalisation or quarantine came in."""
    now = _now(now)
    today = now.astimezone(selectors.location_zone()).date()
    errors: dict[str, list[str]] = {}
    if absence.kind not in Absence.CERTIFIED_KINDS:
        errors["kind"] = [_("Only a hospitalisation or quarantine needs a doctor's certificate.")]
    if received_on is None:
        errors["certificate_received_on"] = [_("Enter the date the certificate came in.")]
    elif received_on > today:
        errors["certificate_received_on"] = [_("The date cannot be in the future.")]
    if errors:
        raise ValidationError(errors)
    absence.certificate_received_on = received_on
    absence.save(update_fields=["certificate_received_on"])
    return absence


# --- disputes -------------------------------------------------------------------------------------------


@transaction.atomic
def raise_dispute(record: AttendanceRecord, *, check_in: time | None, check_out: time | None, reason: str, by,
                  now: datetime | None = None) -> TimeDispute:
    """A parent disagrees with the registered times, within 24 hours of their registration."""
    now = _now(now)
    tz = selectors.location_zone()
    record = AttendanceRecord.objects.select_for_update().get(pk=record.pk)
    if not rules.may_dispute(now, record.registered_at):
        deadline = rules.dispute_deadline(record.registered_at).astimezone(tz)
        raise ValidationError({"record": [_("Registered times can be disputed within 24 hours; the time for "
                                            "this stay ended on %(deadline)s.") % {
            "deadline": f"{deadline:%d-%m-%Y %H:%M}"}]})
    if TimeDispute.objects.filter(record=record, status=TimeDispute.Status.OPEN).exists():
        raise ValidationError({"record": [_("These times are already disputed; the location will answer.")]})
    errors: dict[str, list[str]] = {}
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = [_("Give a reason.")]
    if check_in is None:
        errors["check_in"] = [_("Enter the time of arrival.")]
    if record.check_out is not None and check_out is None:
        errors["check_out"] = [_("Enter the time of leaving.")]
    if record.check_out is None and check_out is not None:
        errors["check_out"] = [_("The child is still checked in; only the arrival can be disputed now.")]
    if errors:
        raise ValidationError(errors)
    proposed_in = selectors.at_local(record.date, check_in, tz)
    proposed_out = selectors.at_local(record.date, check_out, tz) if check_out is not None else None
    _raise(rules.times_errors(proposed_in, proposed_out, now))
    if proposed_in == record.check_in and proposed_out == record.check_out:
        raise ValidationError({"check_in": [_("These are the registered times; change the time that is wrong.")]})
    return TimeDispute.objects.create(
        record=record, original_check_in=record.check_in, original_check_out=record.check_out,
        proposed_check_in=proposed_in, proposed_check_out=proposed_out, reason=reason, raised_by=by, raised_at=now,
    )


@transaction.atomic
def resolve_dispute(dispute: TimeDispute, *, accept: bool, note: str = "", by,
                    now: datetime | None = None) -> TimeDispute:
    """The entrepreneur decides: accepting puts the parent's times in the register (the registered ones stay
    on the dispute); rejecting keeps the register and needs a note for the parent."""
    now = _now(now)
    dispute = TimeDispute.objects.select_for_update().select_related("record").get(pk=dispute.pk)
    if dispute.status != TimeDispute.Status.OPEN:
        raise ValidationError({"status": [_("This dispute has already been resolved.")]})
    note = (note or "").strip()
    if not accept and not note:
        raise ValidationError({"note": [_("Explain to the parent why the registered times stay.")]})
    if accept:
        # A correction of the register like any other: in the history, and an invoiced month corrected.
        from tenants.attendance import corrections

        corrections.accept_disputed_times(dispute, by=by, now=now)
    dispute.status = TimeDispute.Status.ACCEPTED if accept else TimeDispute.Status.REJECTED
    dispute.resolved_by = by
    dispute.resolved_at = now
    dispute.resolution_note = note
    dispute.save(update_fields=["status", "resolved_by", "resolved_at", "resolution_note"])
    return dispute


# --- extra days -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    code: str
    template: str
    params: dict
    slot: str

    def as_json(self) -> dict:
        return {"code": self.code, "template": self.template, "params": self.params, "slot": self.slot}


def reason_text(reason: dict) -> str:
    """A stored refusal reason in the active language, with the half hour it applies to."""
    text = _(reason["template"]) % reason["params"] if reason.get("params") else _(reason["template"])
    if reason.get("slot"):
        return _("From %(time)s: %(reason)s") % {"time": reason["slot"], "reason": text}
    return text


def capacity_reasons(group: Group, child: Child, day: date, start: time, end: time,
                     hours: tuple[time, time]) -> list[Reason]:
    """Why adding the child to the group from `start` to `end` would break the capacity, ratio or play-space
    rules in some half hour (the first half hour per rule); empty when it fits."""
    extra = planned.Expected(child.pk, group.pk, start, end, planned.EXTRA_DAY)
    plan = selectors.group_day(group, day, now=selectors.at_local(day, time(0, 0), selectors.location_zone()),
                               extra=extra, extra_age=rules.whole_years(child.birth_date, day), hours=hours)
    reasons: dict[str, Reason] = {}
    for slot in plan.slots:
        if not rules.overlaps(start, end, slot.start, slot.end):
            continue
        for item in slot.result.violations:
            if item.code not in reasons:
                reasons[item.code] = Reason(item.code, item.template or item.message, dict(item.params),
                                            f"{slot.start:%H:%M}")
    return list(reasons.values())


def _repeat_of(model, child: Child, status: str, **same):
    """A request of `child` with `status` and the same day and times: what a double submit repeats."""
    return model.objects.filter(child=child, status=status, **same).order_by("-requested_at", "-pk").first()


def _decided_once(model, child: Child, same: dict, reasons: list[Reason], fields: dict, taken: dict[str, dict]):
    """Store the decision unless it repeats one already stored; (request, created).

    Called while the group is locked, so of two identical requests at once the second sees the first here: an
    accepted one is answered with the accepted request, a refusal that is refused again with the stored
    refusal (at most one refusal is stored). `taken`: field -> filter of an accepted request that this one
    cannot stand beside (the uniqueness the database also enforces), answered as a field error."""
    accepted = _repeat_of(model, child, model.Status.ACCEPTED, **same)
    if accepted is not None:
        return accepted, False
    if not reasons:
        for field, condition in taken.items():
            if model.objects.filter(child=child, status=model.Status.ACCEPTED, **condition).exists():
                raise ValidationError({field: [TAKEN_MESSAGES[field]()]})
    else:
        refused = _repeat_of(model, child, model.Status.REFUSED, **same)
        if refused is not None:
            return refused, False
    try:
        with transaction.atomic():
            return model.objects.create(
                child=child, **same, **fields, status=model.Status.REFUSED if reasons else model.Status.ACCEPTED,
                reasons=[reason.as_json() for reason in reasons]), True
    except IntegrityError:  # accepted meanwhile on a path that does not lock the group
        accepted = _repeat_of(model, child, model.Status.ACCEPTED, **same)
        if accepted is not None:
            return accepted, False
        field = next(iter(taken))
        raise ValidationError({field: [TAKEN_MESSAGES[field]()]}) from None


TAKEN_MESSAGES = {
    "date": lambda: _("An extra day or swap on this date has already been accepted."),
    "give_up_date": lambda: _("This day has already been swapped."),
}


@transaction.atomic
def request_extra_day_once(child: Child, *, date: date | None, start_time: time | None, end_time: time | None,
                           note: str = "", by, now: datetime | None = None) -> tuple[ExtraDayRequest, bool]:
    """A parent asks for an extra day; (request, created). Bad input is refused with field errors and stores
    nothing; a valid request is decided at once and stored: accepted when the child's group keeps its capacity,
    ratio and play space in every half hour asked (with the children expected that day and the staff on the
    roster), refused with the reasons otherwise. The same request again (a double submit, also two at once)
    stores nothing new: it gets the accepted request, or the stored refusal when it is refused again."""
    now = _now(now)
    tz = selectors.location_zone()
    today = now.astimezone(tz).date()
    same = {"date": date, "start_time": start_time, "end_time": end_time}
    if None not in same.values():
        accepted = _repeat_of(ExtraDayRequest, child, ExtraDayRequest.Status.ACCEPTED, **same)
        if accepted is not None:
            return accepted, False
    errors: dict[str, list[str]] = {}
    if date is None:
        errors["date"] = [_("Enter the date.")]
    elif date <= today:
        errors["date"] = [_("Ask for an extra day at least one day ahead.")]
    elif date > today + timedelta(days=rules.MAX_DAYS_AHEAD):
        errors["date"] = [_("Ask at most a year ahead.")]
    if child.group_id is None:
        errors["child"] = [_("%(name)s is not placed in a group yet; ask the location.") % {"name": child.full_name}]
    if len(note or "") > 2000:
        errors["note"] = [_("At most 2000 characters.")]
    hours = None
    if "date" not in errors:
        hours, closed_reason = selectors.day_hours(date)
        if hours is None:
            errors["date"] = [closed_reason]
    errors.update({k: v for k, v in _translated(rules.extra_day_time_errors(start_time, end_time, hours)).items()
                   if k not in errors})
    if "date" not in errors:
        if ExtraDayRequest.objects.filter(child=child, date=date, status=ExtraDayRequest.Status.ACCEPTED).exists():
            errors["date"] = [_("An extra day on this date has already been accepted.")]
        elif planned.expected_on(child.pk, date) is not None:  # by contract or a swap (a day swapped away is free)
            errors["date"] = [_("%(name)s already comes on this day.") % {"name": child.full_name}]
    if errors:
        raise ValidationError(errors)
    # One decision per group at a time, so two requests cannot both take the last place.
    group = Group.objects.select_for_update().get(pk=child.group_id)
    reasons = capacity_reasons(group, child, date, start_time, end_time, hours)
    return _decided_once(
        ExtraDayRequest, child, same, reasons,
        {"group": group, "note": (note or "").strip(), "requested_by": by, "requested_at": now},
        taken={"date": {"date": date}})


def request_extra_day(child: Child, **kwargs) -> ExtraDayRequest:
    return request_extra_day_once(child, **kwargs)[0]


@transaction.atomic
def cancel_extra_day(request: ExtraDayRequest, *, by, now: datetime | None = None) -> ExtraDayRequest:
    """A parent withdraws an accepted extra day before that day."""
    now = _now(now)
    today = now.astimezone(selectors.location_zone()).date()
    if request.status != ExtraDayRequest.Status.ACCEPTED:
        raise ValidationError({"status": [_("Only an accepted extra day can be cancelled.")]})
    if request.date <= today:
        raise ValidationError({"date": [_("An extra day can be cancelled until the day before.")]})
    request.status = ExtraDayRequest.Status.CANCELLED
    request.save(update_fields=["status"])
    return request


# --- swapping a contract day ----------------------------------------------------------------------------


def swap_limits() -> rules.SwapLimits:
    settings = AttendanceSettings.load()
    return rules.SwapLimits(same_month=settings.swap_same_month, per_month=settings.swaps_per_month)


def _swap_errors(child: Child, give_up_date, date, start_time, end_time, note, today):
    """Field errors of a swap, and (contract day given up, opening hours of the new day)."""
    errors = _translated(rules.swap_day_errors(give_up_date, date, today))
    if len(note or "") > 2000:
        errors["note"] = [_("At most 2000 characters.")]
    contract_day = None
    if "give_up_date" not in errors:
        contract_day = planned.expected_by_contract(child.pk, give_up_date)
        if contract_day is None:
            errors["give_up_date"] = [_("%(name)s has no contract day on this date.") % {"name": child.full_name}]
        elif SwapRequest.objects.filter(child=child, give_up_date=give_up_date,
                                        status=SwapRequest.Status.ACCEPTED).exists():
            errors["give_up_date"] = [_("This day has already been swapped.")]
        elif Absence.objects.filter(child=child, start_date__lte=give_up_date, end_date__gte=give_up_date).exists():
            errors["give_up_date"] = [_("An absence is reported for this day.")]
        elif AttendanceRecord.objects.filter(child=child, date=give_up_date).exists():
            errors["give_up_date"] = [_("%(name)s was already registered on this day.") % {"name": child.full_name}]
    hours = None
    if "date" not in errors:
        hours, closed_reason = selectors.day_hours(date)
        if hours is None:
            errors["date"] = [closed_reason]
    errors.update({k: v for k, v in _translated(rules.extra_day_time_errors(start_time, end_time, hours)).items()
                   if k not in errors})
    if "date" not in errors and planned.expected_on(child.pk, date) is not None:
        errors["date"] = [_("%(name)s already comes on this day.") % {"name": child.full_name}]
    if (contract_day is None or contract_day.group_id is None) and child.group_id is None and not errors:
        errors["child"] = [_("%(name)s is not placed in a group yet; ask the location.") % {"name": child.full_name}]
    return errors, contract_day, hours


@transaction.atomic
def request_swap_once(child: Child, *, give_up_date: date | None, date: date | None, start_time: time | None,
                      end_time: time | None, note: str = "", by,
                      now: datetime | None = None) -> tuple[SwapRequest, bool]:
    """A parent swaps a contract day for another day; (swap, created). Bad input is refused with field errors
    and stores nothing; a valid swap is decided at once and stored: refused when it breaks the location's swap
    limits or when the group would lose its capacity, ratio or play space on the new day (the extra-day check);
    accepted otherwise, and then the child is expected on the new day instead of the day given up. The same
    swap again stores nothing new, as for extra days."""
    now = _now(now)
    today = now.astimezone(selectors.location_zone()).date()
    same = {"give_up_date": give_up_date, "date": date, "start_time": start_time, "end_time": end_time}
    if None not in same.values():
        accepted = _repeat_of(SwapRequest, child, SwapRequest.Status.ACCEPTED, **same)
        if accepted is not None:
            return accepted, False
    errors, contract_day, hours = _swap_errors(child, give_up_date, date, start_time, end_time, note, today)
    if errors:
        raise ValidationError(errors)
    group_id = contract_day.group_id or child.group_id
    # One decision per group at a time, as for extra days.
    group = Group.objects.select_for_update().get(pk=group_id)
    in_month = SwapRequest.objects.filter(child=child, status=SwapRequest.Status.ACCEPTED,
                                          give_up_date__year=give_up_date.year,
                                          give_up_date__month=give_up_date.month).count()
    reasons = [Reason(code, item.template, item.params, "")
               for code, item in rules.swap_limit_reasons(give_up_date, date, in_month, swap_limits())]
    if not reasons:
        reasons = capacity_reasons(group, child, date, start_time, end_time, hours)
    return _decided_once(
        SwapRequest, child, same, reasons,
        {"group": group, "note": (note or "").strip(), "requested_by": by, "requested_at": now},
        taken={"give_up_date": {"give_up_date": give_up_date}, "date": {"date": date}})


def request_swap(child: Child, **kwargs) -> SwapRequest:
    return request_swap_once(child, **kwargs)[0]


#: Violations about staff: the roster follows the contracts, so a contract day coming back does not wait for it.
STAFF_CODES = frozenset({"not_enough_staff", "backup_required"})


def _room_lost_reasons(group: Group, child: Child, day: date, start: time, end: time,
                       hours: tuple[time, time]) -> list[Reason]:
    """The reasons about room (group size, ages, play space) that adding the child back would bring and that
    the group does not already have; staff is left out (a day far ahead has no roster yet)."""
    plan = selectors.group_day(group, day, now=selectors.at_local(day, time(0, 0), selectors.location_zone()),
                               hours=hours)
    before = {item.code for slot in plan.slots if rules.overlaps(start, end, slot.start, slot.end)
              for item in slot.result.violations}
    return [reason for reason in capacity_reasons(group, child, day, start, end, hours)
            if reason.code not in before and reason.code not in STAFF_CODES]


@transaction.atomic
def cancel_swap(swap: SwapRequest, *, by, now: datetime | None = None) -> SwapRequest:
    """A parent withdraws an accepted swap before the first of its two days; the contract day comes back
    when the group still has room for the child on it."""
    now = _now(now)
    today = now.astimezone(selectors.location_zone()).date()
    swap = SwapRequest.objects.select_for_update().select_related("child").get(pk=swap.pk)
    if swap.status != SwapRequest.Status.ACCEPTED:
        raise ValidationError({"status": [_("Only an accepted swap can be cancelled.")]})
    if min(swap.give_up_date, swap.date) <= today:
        raise ValidationError({"date": [_("A swap can be cancelled until the day before the first of its days.")]})
    contract_day = planned.expected_by_contract(swap.child_id, swap.give_up_date)
    if contract_day is not None and swap.group_id is not None:
        hours, _closed = selectors.day_hours(swap.give_up_date)
        group = Group.objects.select_for_update().get(pk=swap.group_id)
        if hours is not None and _room_lost_reasons(group, swap.child, swap.give_up_date, contract_day.start,
                                                    contract_day.end, hours):
            raise ValidationError({"give_up_date": [_(
                "The group has no room for %(name)s on %(day)s any more; ask the location.") % {
                "name": swap.child.full_name, "day": f"{swap.give_up_date:%d-%m-%Y}"}]})
    swap.status = SwapRequest.Status.CANCELLED
    swap.cancelled_at = now
    swap.save(update_fields=["status", "cancelled_at"])
    return swap


def update_settings(*, swap_same_month: bool, swaps_per_month: int | None) -> AttendanceSettings:
    """The entrepreneur sets the swap limits (`swaps_per_month` None: no limit)."""
    if swaps_per_month is not None and not 0 <= int(swaps_per_month) <= 31:
        raise ValidationError({"swaps_per_month": [_("Give a number from 0 to 31, or leave it empty for no limit.")]})
    settings = AttendanceSettings.load()
    settings.swap_same_month = bool(swap_same_month)
    settings.swaps_per_month = swaps_per_month
    settings.save()
    return settings
