"""Rules of the kiosk, as plain functions over plain values (no Django).

Sources
-------
* Parents keep to the opening and closing time (seed 003, 4.7.1 "We wensen uitdrukkelijk dat ouders het openingsuur
  en sluitingsuur respecteren"); every arrival and departure goes into the attendance register (seed 003, 6.3
  "Dit aanwezigheidsregister vermeldt de aankomst- en vertrektijd van elk opgevangen kind"). A check-in before
  opening, after closing, on a day the location is closed, or of a child who is not booked that day (no contract
  day, swap or extra day: tenants.attendance.rules.booking) is therefore not refused, but asks for a reason and
  is flagged for the entrepreneur.
* A childminder with more than three children present needs a backup person (achterwacht) on site within 15
  minutes (seed 001, 2.4): the ratio check after a check-in uses tenants.ratios, as the planning does.
* PINs: 4 to 8 digits, not one digit repeated nor a straight run (1234, 9876); five wrong PINs in a row lock the
  kiosk's PIN pad for 15 minutes, each further five for twice as long (at most a day); a right PIN resets it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

BEFORE_OPENING = "before_opening"
AFTER_CLOSING = "after_closing"
CLOSED_DAY = "closed_day"
NOT_PLANNED = "not_planned"
RATIO_BROKEN = "ratio_broken"

#: Concerns that need a reason before the check-in is registered.
NEEDS_REASON = (CLOSED_DAY, BEFORE_OPENING, AFTER_CLOSING, NOT_PLANNED)


def gettext_noop(message: str) -> str:
    """Marks a text for translation without translating it (the name makemessages looks for)."""
    return message


#: Code -> English text (marked for translation; the caller translates).
CONCERNS = {
    CLOSED_DAY: gettext_noop("the location is closed today"),
    BEFORE_OPENING: gettext_noop("before opening time"),
    AFTER_CLOSING: gettext_noop("after closing time"),
    NOT_PLANNED: gettext_noop("not planned today"),
    RATIO_BROKEN: gettext_noop("the ratio was broken"),
}

PIN_MIN, PIN_MAX = 4, 8
PIN_TRIES = 5
PIN_LOCK = timedelta(minutes=15)
PIN_LOCK_MAX = timedelta(days=1)
#: The inactivity lock a location may choose, in seconds.
LOCK_MIN_SECONDS, LOCK_MAX_SECONDS = 30, 30 * 60
REASON_MAX = 500


def check_in_concerns(at: time, hours: tuple[time, time] | None, planned: bool) -> list[str]:
    """Why a check-in at local time `at` needs a reason: the location's `hours` that day (None: closed, by a
    closing day, a public holiday or the weekday) and whether the child is booked today."""
    concerns = []
    if hours is None:
        concerns.append(CLOSED_DAY)
    else:
        opens, closes = hours
        if at < opens:
            concerns.append(BEFORE_OPENING)
        elif at >= closes:
            concerns.append(AFTER_CLOSING)
    if not planned:
        concerns.append(NOT_PLANNED)
    return concerns


def needs_reason(concerns: list[str]) -> bool:
    return any(code in NEEDS_REASON for code in concerns)


def reason_error(concerns: list[str], reason: str) -> str | None:
    """The English error for the reason field, or None when the reason will do."""
    reason = (reason or "").strip()
    if needs_reason(concerns) and not reason:
        return gettext_noop("Give a reason: the entrepreneur will see it.")
    if len(reason) > REASON_MAX:
        return gettext_noop("At most 500 characters.")
    return None


def pin_error(pin: str | None) -> str | None:
    """The English error for a new PIN, or None when it will do."""
    pin = pin or ""
    if not pin.isdigit() or not PIN_MIN <= len(pin) <= PIN_MAX or not pin.isascii():
        return gettext_noop("A PIN is 4 to 8 digits.")
    if len(set(pin)) == 1:
        return gettext_noop("Choose a PIN that is not one digit repeated.")
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    if steps in ({1}, {-1}):
        return gettext_noop("Choose a PIN that is not a straight run of digits.")
    return None


def pin_lock(failures: int) -> timedelta | None:
    """How long the PIN pad locks after `failures` wrong PINs in a row: 15 minutes at the 5th, twice as long at
    each further 5th (at most a day); None between."""
    if failures <= 0 or failures % PIN_TRIES:
        return None
    return min(PIN_LOCK * 2 ** (failures // PIN_TRIES - 1), PIN_LOCK_MAX)


def tries_left(failures: int) -> int:
    return PIN_TRIES - failures % PIN_TRIES


def lock_seconds_error(seconds: int | None) -> str | None:
    if seconds is None or not LOCK_MIN_SECONDS <= seconds <= LOCK_MAX_SECONDS:
        return gettext_noop("Choose from 30 to 1800 seconds.")
    return None


@dataclass(frozen=True)
class Hold:
    """Who unlocked the kiosk, until when."""

    user_id: int | None
    until: datetime | None

    def active(self, now: datetime) -> bool:
        return self.user_id is not None and self.until is not None and now < self.until
