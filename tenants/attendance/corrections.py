"""Putting the past right: writes that correct the register after the fact, each kept in the history
(RegisterChange: who, when, why, before and after) and passed on to billing.

- `report_past_absence` — the entrepreneur records an absence on days gone by (today at the latest), with the
  moment the parent told the location if they did (seed 003, 4.3.2: by phone before 08:00 on the day): told in
  time, no Flemish fine; not told, or told late, the report is late and the fine stays. A parent reports only
  today and later days (`services.report_absence`): afterwards, a day is no longer reported by the parent.
- `correct_times` — the arrival and departure of a stay (the entrepreneur any day of the last year; staff
  today's and yesterday's, rules.may_correct_times).
- `withdraw_absence` — an absence report taken back (the child came after all, or it was entered by mistake).
- `withdraw_extra_day` — an accepted extra day taken back (also a day gone by).

Each runs in one transaction: billing is asked before the write what the invoices already sent would say
(signals.register_correcting) and settles the difference after it — a month not invoiced yet simply reads the
corrected register when it is invoiced. Bad input raises ValidationError({field: [...]}) and stores nothing.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tenants.attendance import planned, rules, selectors, signals
from tenants.attendance.models import Absence, AttendanceRecord, ExtraDayRequest, RegisterChange, TimeDispute
from tenants.attendance.services import _translated
from tenants.calendar import selectors as calendar
from tenants.children.models import Child


def _reason_errors(reason: str) -> dict[str, list[str]]:
    reason = (reason or "").strip()
    if not reason:
        return {"reason": [_("Say why (the parent reads it in the history).")]}
    if len(reason) > 2000:
        return {"reason": [_("At most 2000 characters.")]}
    return {}


def _changed(child: Child, days: list[date], action: str, *, before: dict, after: dict, reason: str, by, now,
             write) -> RegisterChange:
    """Ask billing what sent invoices say now, `write()` the correction, store the history row, settle."""
    pending = [answer for _receiver, answer in signals.register_correcting.send(
        sender=RegisterChange, child=child, days=days) if answer is not None]
    write()
    change = RegisterChange.objects.create(
        child=child, child_name=child.full_name, day=min(days), last_day=max(days), action=action, before=before,
        after=after, reason=reason.strip(), actor=by, actor_name=getattr(by, "full_name", "") or str(by or ""),
        at=now)
    for answer in pending:
        answer.settle(change)
    return change


def _hhmm(moment: datetime | None, tz) -> str:
    return f"{moment.astimezone(tz):%H:%M}" if moment is not None else ""


def _absence_facts(absence: Absence, tz) -> dict:
    return {"kind": absence.kind, "start": absence.start_date.isoformat(), "end": absence.end_date.isoformat(),
            "reported_at": absence.reported_at.astimezone(tz).isoformat(timespec="minutes"),
            "late": absence.reported_late}


@transaction.atomic
def report_past_absence(child: Child, *, kind: str, start_date: date | None, end_date: date | None = None,
                        reason: str, reported_at: datetime | None = None, by,
                        now: datetime | None = None) -> RegisterChange:
    """The entrepreneur records that the child was absent on days gone by. `reported_at`: when the parent told
    the location (None: nobody did; the report then counts from now, late). The first and the last day must be
    days the child was booked and did not come."""
    now = now or timezone.now()
    location = calendar.current_location()
    tz = selectors.location_zone(location)
    today = now.astimezone(tz).date()
    end_date = end_date or start_date
    errors = _translated(rules.past_absence_errors(start_date, end_date, today))
    errors.update(_translated(rules.report_moment_errors(reported_at, now)))
    if kind not in Absence.Kind.values:
        errors["kind"] = [_("Choose one of: %(kinds)s.") % {"kinds": ", ".join(str(label) for label in
                                                                              Absence.Kind.labels)}]
    errors.update(_reason_errors(reason))
    if "start_date" not in errors and "end_date" not in errors:
        for field, day in (("start_date", start_date), ("end_date", end_date)):
            if planned.expected_on(child.pk, day) is None:
                errors[field] = [_("%(name)s was not booked on %(day)s.") % {
                    "name": child.full_name, "day": f"{day:%d-%m-%Y}"}]
        came = (AttendanceRecord.objects.filter(child=child, date__range=(start_date, end_date))
                .order_by("date").first())
        if came is not None and "start_date" not in errors:
            errors["start_date"] = [_("%(name)s was registered as present on %(day)s; correct the times of that "
                                      "stay instead.") % {"name": child.full_name, "day": f"{came.date:%d-%m-%Y}"}]
        elif Absence.objects.filter(child=child, start_date__lte=end_date, end_date__gte=start_date).exists():
            errors["start_date"] = [_("An absence has already been reported for (part of) these days.")]
    if errors:
        raise ValidationError(errors)
    moment = rules.past_report_moment(reported_at, now)
    days = [start_date + timedelta(days=n) for n in range((end_date - start_date).days + 1)]
    created = {}

    def write():
        created["absence"] = Absence.objects.create(
            child=child, kind=kind, start_date=start_date, end_date=end_date, reason=reason.strip(),
            reported_at=moment, reported_by=by, reported_late=rules.absence_reported_late(moment, start_date, tz),
            fine=rules.absence_fine(location.jurisdiction, moment, start_date, tz))

    # The facts after are known before the write: the same values the row gets.
    after = {"kind": kind, "start": start_date.isoformat(), "end": end_date.isoformat(),
             "reported_at": moment.astimezone(tz).isoformat(timespec="minutes"),
             "told": reported_at is not None, "late": rules.absence_reported_late(moment, start_date, tz)}
    return _changed(child, days, RegisterChange.Action.ABSENCE_ADDED, before={}, after=after, reason=reason,
                    by=by, now=now, write=write)


@transaction.atomic
def correct_times(record: AttendanceRecord, *, check_in: time | None, check_out: time | None, reason: str, by,
                  entrepreneur: bool, now: datetime | None = None) -> RegisterChange:
    """Correct the arrival and departure of a stay (times on the stay's own day). A stay still open may get
    its departure (a check-out forgotten); a completed stay keeps one."""
    now = now or timezone.now()
    tz = selectors.location_zone()
    today = now.astimezone(tz).date()
    record = AttendanceRecord.objects.select_for_update().select_related("child").get(pk=record.pk)
    errors: dict[str, list[str]] = {}
    if not rules.may_correct_times(entrepreneur=entrepreneur, day=record.date, today=today):
        errors["date"] = [_("Staff can correct the times of today and yesterday; ask the entrepreneur.")
                          if not entrepreneur else _("The register can be corrected up to a year back.")]
    errors.update(_reason_errors(reason))
    if check_in is None:
        errors["check_in"] = [_("Enter the time of arrival.")]
    if check_out is None and record.check_out is not None:
        errors["check_out"] = [_("Enter the time of leaving.")]
    if TimeDispute.objects.filter(record=record, status=TimeDispute.Status.OPEN).exists():
        errors["record"] = [_("The parent disputes these times; decide on the dispute instead.")]
    if errors:
        raise ValidationError(errors)
    new_in = selectors.at_local(record.date, check_in, tz)
    new_out = selectors.at_local(record.date, check_out, tz) if check_out is not None else None
    _raise_times(rules.times_errors(new_in, new_out, now))
    if new_in == record.check_in and new_out == record.check_out:
        raise ValidationError({"check_in": [_("These are the registered times; change the time that is wrong.")]})
    others = AttendanceRecord.objects.filter(child=record.child, date=record.date).exclude(pk=record.pk)
    for other in others:
        if other.check_in < (new_out or now) and (other.check_out is None or other.check_out > new_in):
            raise ValidationError({"check_in": [_("These times overlap another stay of that day (%(times)s).") % {
                "times": f"{_hhmm(other.check_in, tz)}–{_hhmm(other.check_out, tz)}"}]})
    before = {"check_in": _hhmm(record.check_in, tz), "check_out": _hhmm(record.check_out, tz)}
    after = {"check_in": _hhmm(new_in, tz), "check_out": _hhmm(new_out, tz)}

    def write():
        record.check_in, record.check_out, record.registered_at = new_in, new_out, now
        if new_out is not None and record.checked_out_by_id is None:
            record.checked_out_by = by
        record.save(update_fields=["check_in", "check_out", "registered_at", "checked_out_by"])

    return _changed(record.child, [record.date], RegisterChange.Action.TIMES_CORRECTED, before=before, after=after,
                    reason=reason, by=by, now=now, write=write)


def accept_disputed_times(dispute: TimeDispute, *, by, now: datetime) -> RegisterChange:
    """The entrepreneur accepts the times a parent disputed (services.resolve_dispute): the stay gets them, the
    history keeps the registered ones with the parent's reason, and an invoiced month is corrected."""
    record = dispute.record
    tz = selectors.location_zone()
    before = {"check_in": _hhmm(record.check_in, tz), "check_out": _hhmm(record.check_out, tz)}
    after = {"check_in": _hhmm(dispute.proposed_check_in, tz), "check_out": _hhmm(dispute.proposed_check_out, tz)}

    def write():
        record.check_in, record.check_out = dispute.proposed_check_in, dispute.proposed_check_out
        record.registered_at = now
        record.save(update_fields=["check_in", "check_out", "registered_at"])

    return _changed(record.child, [record.date], RegisterChange.Action.TIMES_CORRECTED, before=before, after=after,
                    reason=dispute.reason or "—", by=by, now=now, write=write)


def _raise_times(errors: rules.Errors) -> None:
    if errors:
        raise ValidationError(_translated(errors))


@transaction.atomic
def withdraw_absence(absence: Absence, *, reason: str, by, now: datetime | None = None) -> RegisterChange:
    """Take an absence report back (the report goes; what it said stays in the history)."""
    now = now or timezone.now()
    tz = selectors.location_zone()
    absence = Absence.objects.select_for_update().select_related("child").filter(pk=absence.pk).first()
    if absence is None:
        raise ValidationError({"absence": [_("This absence report no longer exists.")]})
    errors = _reason_errors(reason)
    if errors:
        raise ValidationError(errors)
    days = [absence.start_date + timedelta(days=n) for n in range((absence.end_date - absence.start_date).days + 1)]
    before = _absence_facts(absence, tz)
    return _changed(absence.child, days, RegisterChange.Action.ABSENCE_WITHDRAWN, before=before, after={},
                    reason=reason, by=by, now=now, write=absence.delete)


@transaction.atomic
def withdraw_extra_day(request: ExtraDayRequest, *, reason: str, by, now: datetime | None = None) -> RegisterChange:
    """Take an accepted extra day back, also one gone by (booked by mistake): the day is no longer booked."""
    now = now or timezone.now()
    request = ExtraDayRequest.objects.select_for_update().select_related("child").get(pk=request.pk)
    errors = _reason_errors(reason)
    if request.status != ExtraDayRequest.Status.ACCEPTED:
        errors["status"] = [_("Only an accepted extra day can be withdrawn.")]
    if errors:
        raise ValidationError(errors)
    before = {"date": request.date.isoformat(), "start": f"{request.start_time:%H:%M}",
              "end": f"{request.end_time:%H:%M}"}

    def write():
        request.status = ExtraDayRequest.Status.CANCELLED
        request.save(update_fields=["status"])

    return _changed(request.child, [request.date], RegisterChange.Action.EXTRA_DAY_WITHDRAWN, before=before,
                    after={"status": "cancelled"}, reason=reason, by=by, now=now, write=write)

