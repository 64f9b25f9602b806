"""Reads of the kiosk: which browser is an enrolled kiosk, who may unlock it, the flagged check-ins.

Everything works in the schema the connection is in (the request's location)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from accounts.roles import ENTREPRENEUR, PARENT, STAFF, roles_for
from tenants.kiosk.models import CheckInFlag, KioskDevice, KioskPin, KioskSettings

#: The cookie that makes a browser this location's kiosk (host-only, secure, http-only).
COOKIE = "kiosk_device"
STAFF_HOLDER = "staff"
PARENT_HOLDER = "parent"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def device_for_token(token: str | None) -> KioskDevice | None:
    """The enrolled, not revoked device whose cookie holds `token`."""
    if not token or len(token) > 200:
        return None
    return KioskDevice.objects.filter(token_hash=token_hash(token), revoked_at__isnull=True).first()


def devices():
    return KioskDevice.objects.select_related(None).order_by("revoked_at", "-enrolled_at")


def settings() -> KioskSettings:
    return KioskSettings.load()


def holder_role(user, location, kiosk_settings: KioskSettings | None = None) -> str | None:
    """How `user` may use this location's kiosk: staff (the entrepreneur too), a parent where the location
    allows it, or not at all."""
    roles = roles_for(user, location)
    if roles & {ENTREPRENEUR, STAFF}:
        return STAFF_HOLDER
    if PARENT in roles and (kiosk_settings or settings()).parents_may_check:
        return PARENT_HOLDER
    return None


@dataclass(frozen=True)
class Person:
    user: object
    role: str

    @property
    def label(self) -> str:
        return self.user.full_name or self.user.email


def kiosk_people(location) -> list[Person]:
    """Everyone who set a PIN here and may use the kiosk now, staff first, by name."""
    from accounts.models import User

    kiosk_settings = settings()
    pins = KioskPin.objects.values_list("user_id", flat=True)
    people = []
    for user in User.objects.filter(pk__in=list(pins), is_active=True).order_by("full_name"):
        role = holder_role(user, location, kiosk_settings)
        if role is not None:
            people.append(Person(user, role))
    return sorted(people, key=lambda person: person.role != STAFF_HOLDER)


def pin_of(user) -> KioskPin | None:
    return KioskPin.objects.filter(user_id=user.pk).first()


def flags():
    return CheckInFlag.objects.select_related("child", "record", "flagged_by", "device", "handled_by")


def flags_to_review():
    """The flagged check-ins the entrepreneur has not marked as seen, newest first (for a start page too)."""
    return flags().filter(handled_at__isnull=True)


def flag_for(user, roles: set[str], pk: int) -> CheckInFlag | None:
    """A flagged check-in for the entrepreneur of this location; None for anybody else."""
    if ENTREPRENEUR not in roles:
        return None
    return flags().filter(pk=pk).first()
