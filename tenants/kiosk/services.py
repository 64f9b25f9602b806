"""Writes of the kiosk. Each raises ValidationError({field: [...]}) on bad input and then stores nothing (a wrong
PIN is counted, though). Who may call which function is checked by the views (tenants.kiosk.views)."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tenants.attendance import planned
from tenants.attendance import selectors as attendance
from tenants.attendance import services as attendance_services
from tenants.kiosk import rules, selectors
from tenants.kiosk.models import CheckInFlag, KioskDevice, KioskPin, KioskSettings


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


# --- devices and settings ---------------------------------------------------------------------------------


def enrol_device(*, name: str, by, now: datetime | None = None) -> tuple[KioskDevice, str]:
    """The entrepreneur turns a browser into the location's kiosk: (device, token for its cookie). Only the
    token's hash is stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": [_("Give the tablet a name, e.g. 'Tablet at the entrance'.")]})
    if len(name) > 100:
        raise ValidationError({"name": [_("At most 100 characters.")]})
    token = secrets.token_urlsafe(32)
    device = KioskDevice.objects.create(name=name, token_hash=selectors.token_hash(token), enrolled_by=by,
                                        enrolled_at=_now(now))
    return device, token


def revoke_device(device: KioskDevice, *, by, now: datetime | None = None) -> KioskDevice:
    """The browser stops being a kiosk at its next request."""
    if device.revoked_at is None:
        device.revoked_at = _now(now)
        device.revoked_by = by
        device.holder = None
        device.held_until = None
        device.save(update_fields=["revoked_at", "revoked_by", "holder", "held_until"])
    return device


def update_settings(*, parents_may_check: bool, lock_after_seconds: int | None) -> KioskSettings:
    error = rules.lock_seconds_error(lock_after_seconds)
    if error:
        raise ValidationError({"lock_after_seconds": [_(error)]})
    kiosk_settings = KioskSettings.load()
    kiosk_settings.parents_may_check = bool(parents_may_check)
    kiosk_settings.lock_after_seconds = lock_after_seconds
    kiosk_settings.save()
    return kiosk_settings


# --- PINs -------------------------------------------------------------------------------------------------


def set_pin(user, *, pin: str, pin_again: str, now: datetime | None = None) -> KioskPin:
    """A person sets (or changes) their own PIN for this location's kiosk; stored hashed."""
    error = rules.pin_error(pin)
    if error:
        raise ValidationError({"pin": [_(error)]})
    if pin != pin_again:
        raise ValidationError({"pin_again": [_("The two PINs differ.")]})
    found, _created = KioskPin.objects.update_or_create(
        user_id=user.pk, defaults={"pin_hash": make_password(pin), "set_at": _now(now)})
    return found


def remove_pin(user) -> None:
    KioskPin.objects.filter(user_id=user.pk).delete()


# --- unlocking and locking --------------------------------------------------------------------------------


def _hold_seconds() -> int:
    return KioskSettings.load().lock_after_seconds


def unlock(device: KioskDevice, *, user, pin: str, location, now: datetime | None = None) -> KioskDevice:
    """A person unlocks the kiosk with their PIN. A wrong PIN counts on the device; after five in a row the PIN
    pad locks (rules.pin_lock). The right PIN makes the person the holder until the kiosk locks again."""
    now = _now(now)
    with transaction.atomic():
        device = KioskDevice.objects.select_for_update().get(pk=device.pk)
        if device.pins_locked_until is not None and device.pins_locked_until > now:
            minutes = max(1, int((device.pins_locked_until - now).total_seconds() // 60) + 1)
            raise ValidationError({"pin": [_("Too many wrong PINs: the kiosk accepts PINs again in %(minutes)s "
                                             "minutes.") % {"minutes": minutes}]})
        role = selectors.holder_role(user, location) if user is not None else None
        stored = selectors.pin_of(user) if role is not None else None
        if stored is not None and (pin or "").isdigit() and check_password(pin, stored.pin_hash):
            device.failed_pins = 0
            device.pins_locked_until = None
            device.holder = user
            device.held_until = now + timedelta(seconds=_hold_seconds())
            device.last_seen_at = now
            device.save(update_fields=["failed_pins", "pins_locked_until", "holder", "held_until", "last_seen_at"])
            return device
        device.failed_pins += 1
        lock = rules.pin_lock(device.failed_pins)
        device.pins_locked_until = now + lock if lock else None
        device.save(update_fields=["failed_pins", "pins_locked_until"])
    if lock:
        raise ValidationError({"pin": [_("Too many wrong PINs: the kiosk accepts PINs again in %(minutes)s "
                                         "minutes.") % {"minutes": int(lock.total_seconds() // 60)}]})
    raise ValidationError({"pin": [_("Wrong PIN. %(count)s tries left.") % {
        "count": rules.tries_left(device.failed_pins)}]})


def lock(device: KioskDevice) -> KioskDevice:
    """Back to the PIN screen."""
    KioskDevice.objects.filter(pk=device.pk).update(holder=None, held_until=None)
    device.holder, device.held_until = None, None
    return device


def keep_unlocked(device: KioskDevice, *, now: datetime | None = None) -> None:
    """An action of the holder: the inactivity lock starts again."""
    now = _now(now)
    KioskDevice.objects.filter(pk=device.pk).update(held_until=now + timedelta(seconds=_hold_seconds()),
                                                    last_seen_at=now)


# --- checking in and out ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckIn:
    record: object  # AttendanceRecord
    flag: CheckInFlag | None
    ratio: object | None  # tenants.ratios.selectors.RatioNow of the child's group, after the check-in

    @property
    def ratio_broken(self) -> bool:
        return self.ratio is not None and self.ratio.slot is not None and not self.ratio.slot.allowed


def concerns_for(child, *, now: datetime | None = None) -> list[str]:
    """Why checking `child` in now needs a reason (tenants.kiosk.rules.check_in_concerns)."""
    now = _now(now).astimezone(attendance.location_zone())
    hours, _closed = attendance.day_hours(now.date())
    booked = planned.expected_on(child.pk, now.date()) is not None
    return rules.check_in_concerns(now.time(), hours, booked)


def concern_texts(codes: list[str]) -> list[str]:
    return [_(rules.CONCERNS[code]) for code in codes if code in rules.CONCERNS]


def violation_texts(items: list[dict]) -> list[str]:
    """Stored ratio violations in the reader's language."""
    return [_(item["template"]) % item["params"] if item.get("params") else _(item["template"]) for item in items]


def check_in(child, *, by, reason: str = "", device: KioskDevice | None = None,
             now: datetime | None = None) -> CheckIn:
    """Check a child in on the kiosk. Before opening, after closing, on a closed day or when the child is not
    booked today, a reason is needed (field `reason`) and the check-in is flagged for the entrepreneur with it; a
    check-in after which the child's group breaks the ratio rules now is flagged too and comes back with the
    ratio, so the kiosk warns at once."""
    from tenants.ratios import selectors as ratios

    now = _now(now)
    concerns = concerns_for(child, now=now)
    error = rules.reason_error(concerns, reason)
    if error:
        if rules.needs_reason(concerns):
            error = _("%(name)s: %(why)s. %(error)s") % {
                "name": child.full_name, "why": ", ".join(concern_texts(concerns)), "error": _(error)}
        else:
            error = _(error)
        raise ValidationError({"reason": [error]})
    with transaction.atomic():
        record = attendance_services.check_in(child, by=by, now=now)
        ratio = None
        if record.group is not None:
            ratio = ratios.ratio_now([record.group], record.date, now=now)[0]
        result = CheckIn(record, None, ratio)
        violations = []
        if result.ratio_broken:
            concerns = [*concerns, rules.RATIO_BROKEN]
            violations = [{"code": item.code, "template": item.template or item.message, "params": item.params}
                          for item in result.ratio.slot.result.violations]
        flag = None
        if concerns:
            flag = CheckInFlag.objects.create(
                record=record, child=child, concerns=concerns, ratio_violations=violations,
                reason=(reason or "").strip(), flagged_by=by, device=device, created_at=now)
    return CheckIn(record, flag, ratio)


def check_out(child, *, by, now: datetime | None = None):
    return attendance_services.check_out(child, by=by, now=now)


def mark_flag_handled(flag: CheckInFlag, *, by, now: datetime | None = None) -> CheckInFlag:
    """The entrepreneur has seen a flagged check-in."""
    if flag.handled_at is None:
        flag.handled_at = _now(now)
        flag.handled_by = by
        flag.save(update_fields=["handled_at", "handled_by"])
    return flag
