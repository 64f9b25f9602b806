"""Rules of medication at the location (seed 003 §4.6.3–4.6.4) as plain functions, without Django.

- A medicine is given at the times of day the parent's signed request (medicatiefiche) names, on every day
  from its first to its last date inclusive (seed 003 §4.6.4: a form filled in and signed per medicine).
- A dose is late when it has not been recorded `grace` minutes after its time: at 10:00 with 30 minutes'
  grace it is still in time at 10:30 and late from 10:31 (to the minute).
- A fever-reducer is given only after contact and consultation with the parent or the doctor, recorded;
  paracetamol is the usual one; ibuprofen only from 6 months and never with fluid loss (diarrhoea,
  vomiting, chickenpox) (seed 003 §4.6.3). Which kinds a location allows is its own policy.
"""
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta


def gettext_noop(message: str) -> str:
    """Marks a text for translation (the service translates it for the reader)."""
    return message


PARACETAMOL = "paracetamol"
IBUPROFEN = "ibuprofen"
FEVER_REDUCERS = (PARACETAMOL, IBUPROFEN)
DEFAULT_GRACE_MINUTES = 30
DEFAULT_IBUPROFEN_MIN_MONTHS = 6
MAX_TIMES_A_DAY = 8
MAX_DAYS = 366

#: The text a parent confirms when she signs a request; its version is stored with the signature.
SIGN_TEXT_VERSION = "2026-1"
SIGN_TEXT = gettext_noop(
    "I ask the staff to give my child this medicine at the times above, on each day from the first to the last "
    "date. The medicine is in its original packaging with the leaflet and my child's name on it. I confirm that "
    "what I filled in is correct.")


@dataclass(frozen=True)
class FeverPolicy:
    """What a location allows (defaults: seed 003 §4.6.3)."""

    allowed: frozenset = field(default_factory=lambda: frozenset(FEVER_REDUCERS))
    ibuprofen_min_months: int = DEFAULT_IBUPROFEN_MIN_MONTHS


def due_times(start: date, end: date, times, day: date) -> list[time]:
    """The times of day a medicine is due on `day`: all its times (sorted, once each) when `day` lies between
    `start` and `end` inclusive, else none."""
    if not (start <= day <= end):
        return []
    return sorted(set(times))


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def late_from(due: datetime, grace_minutes: int) -> datetime:
    """The first minute at which a dose due at `due` is late."""
    return _minute(due) + timedelta(minutes=grace_minutes + 1)


def is_overdue(due: datetime, now: datetime, grace_minutes: int = DEFAULT_GRACE_MINUTES, given: bool = False) -> bool:
    """Whether a dose due at `due` and not given is late at `now` (compared to the minute)."""
    if given:
        return False
    return _minute(now) >= late_from(due, grace_minutes)


def age_in_months(birth_date: date, on: date) -> int:
    """Whole months of age on `on`: a month is complete on the same day number, or on the last day of a
    shorter month (born 31 January: one month old on 28 February)."""
    months = (on.year - birth_date.year) * 12 + on.month - birth_date.month
    if on.day < birth_date.day:
        # Not yet the day of the month, unless `on` is the last day of a shorter month.
        next_day = on + timedelta(days=1)
        if next_day.month == on.month:
            months -= 1
    return max(months, 0)


def fever_reducer_refusal(kind: str, age_months: int, fluid_loss: bool, contact_recorded: bool,
                          policy: FeverPolicy | None = None) -> str | None:
    """Why a fever-reducer may not be given (a message to translate), or None when it may."""
    policy = policy or FeverPolicy()
    if kind not in FEVER_REDUCERS:
        return gettext_noop("Only paracetamol or ibuprofen can be recorded as a fever-reducer.")
    if kind not in policy.allowed:
        return gettext_noop("The location's policy does not allow this fever-reducer.")
    if not contact_recorded:
        return gettext_noop("A fever-reducer is only given after contact with a parent or the doctor: record who "
                            "was contacted and when.")
    if kind == IBUPROFEN:
        if age_months < policy.ibuprofen_min_months:
            return gettext_noop("Ibuprofen is only given from %(months)s months.")
        if fluid_loss:
            return gettext_noop("Ibuprofen is never given with fluid loss (diarrhoea, vomiting).")
    return None


def fever_reducer_allowed(kind: str, age_months: int, fluid_loss: bool, contact_recorded: bool,
                          policy: FeverPolicy | None = None) -> bool:
    return fever_reducer_refusal(kind, age_months, fluid_loss, contact_recorded, policy) is None


def request_errors(*, name: str, dose: str, times, start: date | None, end: date | None, today: date
                   ) -> dict[str, list[str]]:
    """Field errors of a medication request (messages to translate)."""
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = [gettext_noop("Fill in the name of the medicine.")]
    if not (dose or "").strip():
        errors["dose"] = [gettext_noop("Fill in the dose.")]
    if not times:
        errors["times"] = [gettext_noop("Give at least one time of day, e.g. 10:00.")]
    elif len(set(times)) > MAX_TIMES_A_DAY:
        errors["times"] = [gettext_noop("At most 8 times a day.")]
    if start is None:
        errors["start_date"] = [gettext_noop("Fill in the first day.")]
    elif start < today:
        errors["start_date"] = [gettext_noop("The first day cannot be in the past.")]
    if end is None:
        errors["end_date"] = [gettext_noop("Fill in the last day.")]
    elif start is not None and end < start:
        errors["end_date"] = [gettext_noop("The last day is on or after the first day.")]
    elif start is not None and (end - start).days >= MAX_DAYS:
        errors["end_date"] = [gettext_noop("A request runs for at most a year; ask again after that.")]
    return errors


def parse_times(text: str) -> tuple[list[time], bool]:
    """'10:00, 14:30' -> sorted times, and whether all parts were valid."""
    import re

    found: list[time] = []
    ok = True
    for part in [p for p in re.split(r"[,;\s]+", text or "") if p.strip()]:
        match = re.fullmatch(r"(\d{1,2})[:.h](\d{2})", part.strip())
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            ok = False
            continue
        found.append(time(int(match.group(1)), int(match.group(2))))
    return sorted(set(found)), ok
