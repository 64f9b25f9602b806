"""Contract rules (opvangovereenkomst) as plain functions over plain values, without Django.

Sources: the Thuishuis information guide (seed 001) and the house rules of a Flemish centre (seed 003).

- Schedule: a weekly plan (days with start and end times), an alternating two-week plan, or a flexible
  contract with an estimate of the hours per three months (irregular rosters, guide section 2.1).
  Every care day lies within the location's opening hours of that weekday.
- Trial period of 6 weeks, then an evaluation; after that a yearly evaluation (guide section 1.3).
- Notice (guide 1.4; house rules 4.4): in the Netherlands one month for the parent and the location;
  in Flanders three months for the parent and one month for the location (the policy's `notice_months`).
  Within the window after a house-rules change to the family's disadvantage (house rules 4.5.3) the parent ends
  without notice costs: the policy's `house_rules_change_notice_months` (tenants.house_rules.rules).
- Flemish care-plan rules (house rules 4.5.1 and "Opvangplan"), configurable per location: a plan has at
  least 2 care days; a reduction of the care days at most twice in the whole care period and at most
  once per calendar year, asked at least three months ahead. Increases are not limited.
"""
import calendar as _calendar
from dataclasses import dataclass
from datetime import date, time, timedelta

from jurisdictions import policy

WEEKLY = "weekly"
ALTERNATING = "alternating"
FLEXIBLE = "flexible"
SCHEDULE_TYPES = (WEEKLY, ALTERNATING, FLEXIBLE)
WEEKS_PER_TYPE = {WEEKLY: 1, ALTERNATING: 2, FLEXIBLE: 0}

TRIAL_WEEKS = 6
EVALUATION_LEAD_DAYS = 14  # tasks appear this many days before they are due

PARENT = "parent"
LOCATION = "location"

#: What a parent may ask in a change request.
CHANGE_SCHEDULE = "schedule"
CHANGE_END = "end"
CHANGE_OTHER = "other"
CHANGE_KINDS = (CHANGE_SCHEDULE, CHANGE_END, CHANGE_OTHER)
MAX_MESSAGE = 2000

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class CareDay:
    weekday: int
    start: time
    end: time

    @property
    def hours(self) -> float:
        return (self.end.hour * 60 + self.end.minute - self.start.hour * 60 - self.start.minute) / 60


@dataclass(frozen=True)
class FlemishRules:
    min_care_days: int = 2
    max_reductions_total: int = 2
    max_reductions_per_year: int = 1
    reduction_notice_months: int = 3


# --- dates --------------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def period_errors(start: date | None, end: date | None) -> dict[str, list[str]]:
    if start is None:
        return {"start_date": [gettext_noop("Give a start date.")]}
    if end is not None and end < start:
        return {"end_date": [gettext_noop("The end date lies before the start date.")]}
    return {}


def periods_overlap(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    """Whether two date ranges (end inclusive, None = open-ended) share a day."""
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)


# --- schedules ----------------------------------------------------------------------------------


def _parse_time(value) -> time | None:
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


def parse_schedule(schedule_type: str, raw) -> tuple[list[list[CareDay]], list[str]]:
    """Turn [[{"weekday": 0, "start": "08:00", "end": "17:30"}, ...], ...] into weeks of CareDays.

    Returns (weeks, errors). A weekly plan has one week, an alternating plan two, a flexible one none.
    """
    if schedule_type not in SCHEDULE_TYPES:
        return [], [f"Choose one of: {', '.join(SCHEDULE_TYPES)}."]
    expected = WEEKS_PER_TYPE[schedule_type]
    if schedule_type == FLEXIBLE:
        if raw:
            return [], [gettext_noop("A flexible contract has no fixed days; give the estimated hours per three "
                                     "months.")]
        return [], []
    if not isinstance(raw, list) or len(raw) != expected:
        return [], [f"A {schedule_type} plan has {expected} week{'s' if expected > 1 else ''} of care days."]
    weeks, errors = [], []
    for index, raw_week in enumerate(raw, start=1):
        label = f"Week {'AB'[index - 1]}: " if expected > 1 else ""
        if not isinstance(raw_week, list):
            errors.append(f"{label}give a list of care days.")
            continue
        days, seen = [], set()
        for raw_day in raw_week:
            if not isinstance(raw_day, dict):
                errors.append(f"{label}each care day has a weekday, a start and an end.")
                continue
            weekday = raw_day.get("weekday")
            start, end = _parse_time(raw_day.get("start")), _parse_time(raw_day.get("end"))
            if not isinstance(weekday, int) or isinstance(weekday, bool) or not 0 <= weekday <= 6:
                errors.append(f"{label}the weekday is a number from 0 (Monday) to 6 (Sunday).")
                continue
            name = WEEKDAY_NAMES[weekday]
            if start is None or end is None:
                errors.append(f"{label}{name}: give a start and an end time (HH:MM).")
                continue
            if end <= start:
                errors.append(f"{label}{name}: the end time must be after the start time.")
                continue
            if weekday in seen:
                errors.append(f"{label}{name} appears twice.")
                continue
            seen.add(weekday)
            days.append(CareDay(weekday, start, end))
        if not days and not errors:
            errors.append(f"{label}choose at least one care day.")
        weeks.append(sorted(days, key=lambda d: d.weekday))
    return weeks, errors


def serialize_schedule(weeks: list[list[CareDay]]) -> list[list[dict]]:
    return [[{"weekday": d.weekday, "start": d.start.strftime("%H:%M"), "end": d.end.strftime("%H:%M")}
             for d in week] for week in weeks]


def opening_hours_errors(weeks: list[list[CareDay]], opening_hours: dict[int, tuple[time, time]]) -> list[str]:
    """Care days outside the location's opening hours ({weekday: (opens, closes)})."""
    errors = []
    for index, week in enumerate(weeks):
        label = f"Week {'AB'[index]}: " if len(weeks) > 1 else ""
        for day in week:
            name = WEEKDAY_NAMES[day.weekday]
            hours = opening_hours.get(day.weekday)
            if hours is None:
                errors.append(f"{label}the location is closed on {name}.")
            elif day.start < hours[0] or day.end > hours[1]:
                errors.append(f"{label}{name} {day.start:%H:%M}–{day.end:%H:%M} lies outside the opening hours "
                              f"{hours[0]:%H:%M}–{hours[1]:%H:%M}.")
    return errors


def days_per_week(weeks: list[list[CareDay]]) -> float:
    """Average number of care days per week of a plan (0 for a flexible contract)."""
    return sum(len(week) for week in weeks) / len(weeks) if weeks else 0.0


def hours_per_week(weeks: list[list[CareDay]]) -> float:
    return sum(day.hours for week in weeks for day in week) / len(weeks) if weeks else 0.0


def schedule_for_date(weeks: list[list[CareDay]], reference: date, day: date) -> CareDay | None:
    """The care day of a plan on `day`; an alternating plan starts with week A in the week of `reference`."""
    if not weeks:
        return None
    monday = reference - timedelta(days=reference.weekday())
    index = ((day - monday).days // 7) % len(weeks)
    return next((d for d in weeks[index] if d.weekday == day.weekday()), None)


# --- Flemish care-plan rules -----------------------------------------------------------------


def care_days_errors(weeks: list[list[CareDay]], minimum: int) -> list[str]:
    """Flanders: a care plan has at least `minimum` care days (each week of an alternating plan)."""
    errors = []
    for index, week in enumerate(weeks):
        if len(week) < minimum:
            label = f"Week {'AB'[index]}: " if len(weeks) > 1 else ""
            errors.append(f"{label}a care plan has at least {minimum} care days; this one has {len(week)}.")
    if len(weeks) == 2 and len(weeks[0]) != len(weeks[1]):
        errors.append("An alternating plan has the same number of care days in both weeks.")
    return errors


def is_reduction(old_weeks: list[list[CareDay]], new_weeks: list[list[CareDay]]) -> bool:
    """A change that lowers the number of care days per week."""
    return days_per_week(new_weeks) < days_per_week(old_weeks)


def reduction_errors(*, requested_on: date, effective_from: date, earlier_reductions: list[date],
                     rules: FlemishRules) -> dict[str, list[str]]:
    """Flanders: may a reduction take effect on `effective_from`, asked on `requested_on`?

    `earlier_reductions`: the effective dates of earlier reductions in this care period. The calendar
    year that counts is the year in which the reduction takes effect.
    """
    errors: dict[str, list[str]] = {}
    if len(earlier_reductions) >= rules.max_reductions_total:
        errors.setdefault("schedule", []).append(Text(
            gettext_noop("The care days can be reduced at most %(max)s times in the whole care period; this "
                         "contract already had %(had)s."), max=rules.max_reductions_total, had=len(earlier_reductions)))
    same_year = [d for d in earlier_reductions if d.year == effective_from.year]
    if len(same_year) >= rules.max_reductions_per_year:
        errors.setdefault("schedule", []).append(Text(
            gettext_noop("The care days can be reduced at most %(max)s time(s) per calendar year; there was already "
                         "a reduction in %(year)s."), max=rules.max_reductions_per_year, year=str(effective_from.year)))
    earliest = add_months(requested_on, rules.reduction_notice_months)
    if effective_from < earliest:
        errors.setdefault("effective_from", []).append(Text(
            gettext_noop("A reduction is asked at least %(months)s months ahead: asked on %(asked)s, it takes effect "
                         "on %(earliest)s at the earliest."),
            months=rules.reduction_notice_months, asked=requested_on, earliest=earliest))
    return errors


# --- notice and evaluations ------------------------------------------------------------------


def notice_months(jurisdiction: str, party: str) -> int:
    """The notice period of `party` in months, from the jurisdiction's policy."""
    try:
        return policy(jurisdiction).notice_months[party]
    except LookupError:
        raise ValueError(f"No notice period for {party!r} in {jurisdiction!r}.") from None


def notice_months_of(jurisdiction: str, party: str, waived: bool = False) -> int:
    """The notice period in months; `waived`: the parent ends the contract within the window after a house-rules
    change to the family's disadvantage was announced (tenants.house_rules.rules.notice_costs_waived), so only the
    jurisdiction's `house_rules_change_notice_months` apply (seed 003 §4.5.3), never more than the usual period."""
    usual = notice_months(jurisdiction, party)
    if waived and party == PARENT:
        return min(usual, policy(jurisdiction).house_rules_change_notice_months)
    return usual


def earliest_end_date(jurisdiction: str, party: str, given_on: date, waived: bool = False) -> date:
    """The first day the care may end when `party` gives notice on `given_on`."""
    return add_months(given_on, notice_months_of(jurisdiction, party, waived))


def notice_errors(*, jurisdiction: str, party: str, given_on: date, end_date: date | None,
                  waived: bool = False) -> dict[str, list[str]]:
    if party not in (PARENT, LOCATION):
        return {"party": [gettext_noop("Choose who gives notice: the parent or the location.")]}
    earliest = earliest_end_date(jurisdiction, party, given_on, waived)
    if end_date is not None and end_date < earliest and waived:
        return {"end_date": [Text(gettext_noop(
            "Ending after a change of the house rules to the family's disadvantage: given on %(given)s, the care "
            "ends on %(earliest)s at the earliest."), given=given_on, earliest=earliest)]}
    if end_date is not None and end_date < earliest:
        template = (gettext_noop("Notice by the parent is %(months)s month(s): given on %(given)s, the care ends on "
                                 "%(earliest)s at the earliest.") if party == PARENT else
                    gettext_noop("Notice by the location is %(months)s month(s): given on %(given)s, the care ends "
                                 "on %(earliest)s at the earliest."))
        return {"end_date": [Text(template, months=notice_months_of(jurisdiction, party, waived), given=given_on,
                                  earliest=earliest)]}
    return {}


def due_evaluations(start: date, end: date | None, today: date,
                    lead_days: int = EVALUATION_LEAD_DAYS) -> list[tuple[str, date]]:
    """Evaluations to plan by `today`: the trial evaluation 6 weeks after the start, then one a year.

    Returns (kind, due date) for each evaluation due within `lead_days` from today and before the end.
    """
    horizon = today + timedelta(days=lead_days)
    found = []
    trial = start + timedelta(weeks=TRIAL_WEEKS)
    if trial <= horizon and (end is None or trial <= end):
        found.append(("trial", trial))
    years = 1
    while True:
        due = add_months(start, 12 * years)
        if due > horizon or (end is not None and due > end):
            break
        found.append(("yearly", due))
        years += 1
    return found


# --- a parent's change request -----------------------------------------------------------------


def gettext_noop(message: str) -> str:
    """Marks a text for translation without translating it (the caller translates)."""
    return message


class Text(str):
    """An English message with its template and parameters kept, so that a service can give it in the reader's
    language (config.service_errors.translated); as a text it reads as the English sentence."""

    def __new__(cls, template: str, **params):
        text = super().__new__(cls, template % {k: v.isoformat() if isinstance(v, date) else v
                                               for k, v in params.items()})
        text.template, text.params = template, params
        return text


def change_request_errors(*, kind: str, effective_from: date | None, end_date: date | None, message: str,
                          today: date, contract_start: date, contract_end: date | None) -> dict[str, list[str]]:
    """Field errors of a parent's change request (English texts marked for translation).

    A new schedule takes effect after today and within the contract period; an end lies after today and not
    after an end already agreed; another wish is said in words. The notice period is checked by the caller,
    which knows the jurisdiction (`notice_errors`)."""
    errors: dict[str, list[str]] = {}
    if kind not in CHANGE_KINDS:
        return {"kind": [gettext_noop("Choose a new schedule, the end of the contract or another wish.")]}
    if len(message or "") > MAX_MESSAGE:
        errors["message"] = [gettext_noop("At most 2000 characters.")]
    if kind == CHANGE_SCHEDULE:
        if effective_from is None:
            errors["effective_from"] = [gettext_noop("Enter the day the new schedule starts.")]
        elif effective_from <= today:
            errors["effective_from"] = [gettext_noop("A new schedule starts after today.")]
        elif effective_from < contract_start or (contract_end is not None and effective_from > contract_end):
            errors["effective_from"] = [gettext_noop("The new schedule starts within the contract period.")]
    elif kind == CHANGE_END:
        if end_date is None:
            errors["end_date"] = [gettext_noop("Enter the last day of care.")]
        elif end_date <= today or end_date < contract_start:
            errors["end_date"] = [gettext_noop("The last day of care lies after today.")]
        elif contract_end is not None and end_date >= contract_end:
            errors["end_date"] = [gettext_noop("The contract already ends on or before this day.")]
    elif not (message or "").strip():
        errors["message"] = [gettext_noop("Describe what you would like to change.")]
    return errors
