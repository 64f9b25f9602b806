"""Rules of the attendance register, as plain functions over plain values (no Django).

Sources
-------
* Absence not reported before 08:00 on the day: a fine of EUR 10 (house rules of a Flemish day-care
  centre, seed 003, "boete bij niet verwittigen van afwezigheid vóór 8 uur"). Applies where the jurisdiction's
  policy has a report deadline (`absence_report_deadline`, Flanders); the deadline is in the location's own
  time zone, the amount is the policy's `fees.late_absence_report`. Every report records whether it came
  after 08:00 on the first day.
* Registered times may be disputed within 24 hours (seed 003, 6.3 Aanwezigheidsregister: "Indien u niet
  akkoord bent met de registreerde uren, gelieve dit te melden binnen de 24u").
* Staff-child ratio, group size and play space: `tenants.ratios.rules`.
* A doctor's certificate for a hospitalisation or quarantine arrives at the latest on the fifth working day
  after the start of the admission or quarantine (seed 003, 4.3.1: "ten laatste op de vijfde werkdag na
  aanvang van de opname of quarantaine"); working days are Monday to Friday without public holidays.
* Swapping a contract day (ruilen) follows the extra-day check on the new day; a location may limit swaps to
  the same month and to a number per child per month (its own choice, none by default).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from jurisdictions import DEFAULT, POLICIES, policy

ABSENCE_REPORT_DEADLINE = time(8, 0)
NO_FINE = Decimal("0.00")
DISPUTE_WINDOW = timedelta(hours=24)
SLOT = timedelta(minutes=30)
#: How far ahead a parent may report an absence or ask for an extra day.
MAX_DAYS_AHEAD = 366
#: The longest absence in one report (a long illness is reported again).
MAX_ABSENCE_DAYS = 62
#: Grace for a clock a little ahead of the server when a time is registered "now".
CLOCK_SKEW = timedelta(minutes=5)


def gettext_noop(message: str) -> str:
    """Marks a text for translation without translating it (the name makemessages looks for)."""
    return message


@dataclass(frozen=True)
class Message:
    """An English text template (marked for translation) and its parameters; the caller translates."""

    template: str
    params: dict

    def english(self) -> str:
        return self.template % self.params if self.params else self.template


def message(template: str, **params) -> Message:
    return Message(template, params)


Errors = dict[str, list[Message]]


def zone(time_zone: str | None, jurisdiction: str | None = None) -> ZoneInfo:
    """The location's time zone; from its jurisdiction when none is set (the default one's when unknown)."""
    return ZoneInfo(time_zone or (POLICIES.get(jurisdiction) or POLICIES[DEFAULT]).time_zone)


# ---------------------------------------------------------------------------------------------------
# Absence reports and the Flemish fine
# ---------------------------------------------------------------------------------------------------


def absence_reported_late(reported_at: datetime, day: date, tz: ZoneInfo,
                          deadline: time = ABSENCE_REPORT_DEADLINE) -> bool:
    """Whether an absence on `day` was reported at or after `deadline` (08:00) on that day (location time)."""
    if reported_at.tzinfo is None:
        raise ValueError("reported_at must be an aware datetime.")
    return reported_at >= datetime.combine(day, deadline, tzinfo=tz)


def absence_fine(jurisdiction: str, reported_at: datetime, first_day: date, tz: ZoneInfo) -> Decimal:
    """The fine for an absence report: the policy's fee when the first day was reported at or after its
    deadline (Flanders: EUR 10 from 08:00), else 0; no deadline, no fine.

    Only the first day of a reported period can be late: the later days were reported before they began.
    """
    entry = policy(jurisdiction)
    if entry.absence_report_deadline is None:
        return NO_FINE
    if absence_reported_late(reported_at, first_day, tz, time.fromisoformat(entry.absence_report_deadline)):
        return entry.fees.late_absence_report
    return NO_FINE


def absence_errors(start: date | None, end: date | None, today: date) -> Errors:
    """Field errors of an absence period (texts are English templates for gettext)."""
    errors: Errors = {}
    if start is None:
        errors["start_date"] = [message(gettext_noop("Enter the first day of the absence."))]
    elif start < today:
        errors["start_date"] = [message(gettext_noop("An absence can be reported for today or a later day."))]
    elif start > today + timedelta(days=MAX_DAYS_AHEAD):
        errors["start_date"] = [message(gettext_noop("An absence can be reported at most a year ahead."))]
    if start is not None and end is not None:
        if end < start:
            errors["end_date"] = [message(gettext_noop("The last day cannot be before the first day."))]
        elif (end - start).days + 1 > MAX_ABSENCE_DAYS:
            errors["end_date"] = [message(gettext_noop("Report at most 62 days at once."))]
    return errors


# ---------------------------------------------------------------------------------------------------
# Registered times and disputes
# ---------------------------------------------------------------------------------------------------


def dispute_deadline(registered_at: datetime) -> datetime:
    return registered_at + DISPUTE_WINDOW


def may_dispute(now: datetime, registered_at: datetime) -> bool:
    """A parent may dispute registered times until 24 hours after they were registered."""
    return now <= dispute_deadline(registered_at)


def times_errors(check_in: datetime | None, check_out: datetime | None, now: datetime,
                 in_field: str = "check_in", out_field: str = "check_out") -> Errors:
    """A check-in and optional check-out: not in the future, out after in, both on the same day."""
    errors: Errors = {}
    if check_in is None:
        errors[in_field] = [message(gettext_noop("Enter the time of arrival."))]
        return errors
    if check_in > now + CLOCK_SKEW:
        errors[in_field] = [message(gettext_noop("The time of arrival cannot be in the future."))]
    if check_out is not None:
        if check_out <= check_in:
            errors[out_field] = [message(gettext_noop("The time of leaving must be after the time of arrival."))]
        elif check_out > now + CLOCK_SKEW:
            errors[out_field] = [message(gettext_noop("The time of leaving cannot be in the future."))]
    return errors


# ---------------------------------------------------------------------------------------------------
# Ages, care types, half hours
# ---------------------------------------------------------------------------------------------------

#: Group kind (tenants.groups) -> care type of the ratio rules (tenants.ratios.rules).
CARE_TYPE_OF_GROUP_KIND = {"stamgroep": "kdv", "basisgroep": "bso", "gastouder": "gastouder"}
#: Whole-year ages each care type's rules accept (as tenants.ratios.rules.AGE_RANGES).
AGE_RANGES = {"kdv": (0, 3), "bso": (4, 12), "gastouder": (0, 12)}


def whole_years(birth_date: date, on: date) -> int:
    """Age in whole years on a day (0 for a baby, also before the birth date)."""
    years = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    return max(years, 0)


def age_for_rules(age: int, care_type: str) -> int:
    """The age counted by the ratio table: a child older or younger than the care type's range (a KDV child
    who turned 4 in the last weeks, a BSO child of 13) counts as the nearest age of the table."""
    low, high = AGE_RANGES[care_type]
    return min(max(age, low), high)


def half_hours(opens: time, closes: time) -> list[tuple[time, time]]:
    """Half-hour slots from opening to closing; the last one may be shorter."""
    slots = []
    day = date(2000, 1, 1)
    start = datetime.combine(day, opens)
    end = datetime.combine(day, closes)
    while start < end:
        stop = min(start + SLOT, end)
        slots.append((start.time(), stop.time()))
        start = stop
    return slots


def overlaps(start: time, end: time | None, slot_start: time, slot_end: time) -> bool:
    """Whether [start, end) overlaps the slot; an open end (still present) runs to the end of the day."""
    return start < slot_end and (end is None or end > slot_start)


@dataclass(frozen=True)
class Interval:
    start: time
    end: time | None


def count_in_slot(intervals: list[Interval], slot_start: time, slot_end: time) -> int:
    return sum(1 for item in intervals if overlaps(item.start, item.end, slot_start, slot_end))


def extra_day_time_errors(start: time | None, end: time | None,
                          hours: tuple[time, time] | None) -> Errors:
    """The wanted times of an extra day: both given, end after start, within the opening hours."""
    errors: Errors = {}
    if start is None:
        errors["start_time"] = [message(gettext_noop("Enter the time of arrival."))]
    if end is None:
        errors["end_time"] = [message(gettext_noop("Enter the time of leaving."))]
    if errors:
        return errors
    if end <= start:
        errors["end_time"] = [message(gettext_noop("The time of leaving must be after the time of arrival."))]
    elif hours is not None:
        opens, closes = hours
        if start < opens:
            errors["start_time"] = [message(gettext_noop("The location opens at %(time)s."), time=f"{opens:%H:%M}")]
        if end > closes:
            errors["end_time"] = [message(gettext_noop("The location closes at %(time)s."), time=f"{closes:%H:%M}")]
    return errors


# ---------------------------------------------------------------------------------------------------
# Doctor's certificates (hospitalisation, quarantine)
# ---------------------------------------------------------------------------------------------------

CERTIFICATE_WORKING_DAYS = 5


def is_working_day(day: date, holidays: set[date] | frozenset[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def working_days_after(start: date, count: int, holidays: set[date] | frozenset[date]) -> date:
    """The `count`-th working day after `start` (`start` itself not counted)."""
    day = start
    found = 0
    while found < count:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            found += 1
    return day


def certificate_deadline(start: date, holidays: set[date] | frozenset[date]) -> date:
    """The last day the certificate may arrive: the fifth working day after the start of the absence."""
    return working_days_after(start, CERTIFICATE_WORKING_DAYS, holidays)


def certificate_in_time(start: date, received: date | None, holidays: set[date] | frozenset[date]) -> bool:
    """Whether the certificate arrived by the deadline (one that has not arrived is not in time)."""
    return received is not None and received <= certificate_deadline(start, holidays)


# ---------------------------------------------------------------------------------------------------
# Swapping a contract day
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SwapLimits:
    same_month: bool = False
    per_month: int | None = None  # None: no limit


def swap_day_errors(give_up: date | None, new_day: date | None, today: date) -> Errors:
    """The two days of a swap: both given, both after today and within a year, not the same day."""
    errors: Errors = {}
    for field, day in (("give_up_date", give_up), ("date", new_day)):
        if day is None:
            errors[field] = [message(gettext_noop("Enter the date."))]
        elif day <= today:
            errors[field] = [message(gettext_noop("Swap days from tomorrow on."))]
        elif day > today + timedelta(days=MAX_DAYS_AHEAD):
            errors[field] = [message(gettext_noop("Swap at most a year ahead."))]
    if not errors and give_up == new_day:
        errors["date"] = [message(gettext_noop("Choose another day than the day you give up."))]
    return errors


def swap_limit_reasons(give_up: date, new_day: date, swaps_in_month: int,
                       limits: SwapLimits) -> list[tuple[str, Message]]:
    """(code, message) for each of the location's swap limits the swap would break; `swaps_in_month` counts
    the child's accepted swaps whose given-up day lies in the month of `give_up`."""
    reasons = []
    if limits.same_month and (give_up.year, give_up.month) != (new_day.year, new_day.month):
        reasons.append(("swap_other_month", message(gettext_noop(
            "This location swaps days within the same month only."))))
    if limits.per_month is not None and swaps_in_month >= limits.per_month:
        reasons.append(("swap_limit_reached", message(gettext_noop(
            "The location's limit of swaps per child per month (%(count)s) is reached."),
            count=limits.per_month)))
    return reasons


# ---------------------------------------------------------------------------------------------------
# Who is booked when
# ---------------------------------------------------------------------------------------------------

CONTRACT = "contract"
SWAP = "swap"
EXTRA_DAY = "extra_day"


@dataclass(frozen=True)
class Booking:
    """A child booked on a day, from `start` to `end`, by its contract, a swap or an extra day."""

    start: time
    end: time
    source: str


def booking(contract_day: tuple[time, time] | None, *, given_up: bool = False,
            swapped_to: tuple[time, time] | None = None, extra_day: tuple[time, time] | None = None) -> Booking | None:
    """How a child is booked on a day, from the plain facts of that day: the contract's care day (if any),
    whether an accepted swap gave it up, the times of an accepted swap to this day and of an accepted extra
    day. The contract day goes first unless given up; then the day swapped to; then the extra day. The one
    answer to "who is booked when", for the register, the parent portal and billing (absences and closed
    days are facts of their own and do not change the booking)."""
    if contract_day is not None and not given_up:
        return Booking(contract_day[0], contract_day[1], CONTRACT)
    if swapped_to is not None:
        return Booking(swapped_to[0], swapped_to[1], SWAP)
    if extra_day is not None:
        return Booking(extra_day[0], extra_day[1], EXTRA_DAY)
    return None


# ---------------------------------------------------------------------------------------------------
# Putting the past right (tenants.attendance.corrections)
# ---------------------------------------------------------------------------------------------------

#: Staff may correct the times of today's and yesterday's stays (a check-out forgotten last night, put right
#: the next morning); older times, absences reported afterwards and withdrawn requests are the entrepreneur's.
STAFF_CORRECTION_DAYS = 1
#: How far back the register can be corrected (a year: the Flemish quota and the fiscal certificate are yearly).
MAX_DAYS_BACK = 366


def may_correct_times(*, entrepreneur: bool, day: date, today: date) -> bool:
    """Whether the corrector may change the times of a stay on `day`: the entrepreneur any day of the last
    year; staff today's and yesterday's only."""
    if day > today or (today - day).days > MAX_DAYS_BACK:
        return False
    return entrepreneur or (today - day).days <= STAFF_CORRECTION_DAYS


def past_absence_errors(start: date | None, end: date | None, today: date) -> Errors:
    """Field errors of an absence the location records afterwards: its days lie in the past (today at the
    latest; a day still to come is reported with the ordinary form), within a year, at most 62 days at once."""
    errors: Errors = {}
    if start is None:
        errors["start_date"] = [message(gettext_noop("Enter the first day of the absence."))]
    elif start > today:
        errors["start_date"] = [message(gettext_noop(
            "This form is for days gone by; report a day still to come with the ordinary absence form."))]
    elif (today - start).days > MAX_DAYS_BACK:
        errors["start_date"] = [message(gettext_noop("The register can be corrected up to a year back."))]
    if start is not None and end is not None and "start_date" not in errors:
        if end < start:
            errors["end_date"] = [message(gettext_noop("The last day cannot be before the first day."))]
        elif end > today:
            errors["end_date"] = [message(gettext_noop(
                "This form is for days gone by; report a day still to come with the ordinary absence form."))]
        elif (end - start).days + 1 > MAX_ABSENCE_DAYS:
            errors["end_date"] = [message(gettext_noop("Report at most 62 days at once."))]
    return errors


def past_report_moment(told_at: datetime | None, now: datetime) -> datetime:
    """The moment an absence recorded afterwards counts as reported (seed 003, 4.3.2: a parent reports by
    phone to the group, "tot ten laatste de dag zelf voor 8u"): the moment the parent told the location, as
    the entrepreneur records it, or — when nobody told the location — the moment it is recorded, which is
    after the deadline of every day gone by (a late report: the fine stays, as for a day never reported)."""
    return told_at if told_at is not None else now


def report_moment_errors(told_at: datetime | None, now: datetime) -> Errors:
    errors: Errors = {}
    if told_at is not None and told_at > now + CLOCK_SKEW:
        errors["reported_at"] = [message(gettext_noop("The moment the parent told you cannot be in the future."))]
    return errors
