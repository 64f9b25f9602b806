"""Calendar rules as plain functions over plain values (no Django).

- A location is open at least 47 weeks a year (Thuishuis information guide, section 2.2). Weeks are ISO
  weeks of the ISO year: a year has 52 or 53 of them. Public holidays do not count as closing weeks
  ("De nationaal erkende feestdagen vallen hierbuiten"), nor does an unplanned closure for sickness.
- Closing periods are entered by dates (23 December – 3 January) and may cover part of a week. They are
  weighed in weeks by the location's opening days: the opening days a period closes ÷ the opening days of a
  week (a period over a whole week is one week, public holidays inside it included, as a closing week always
  was; Wednesday to Friday of a Monday-to-Friday location is 0.6 week). Each day counts in the ISO year it
  belongs to, so a period across the new year weighs on both years.
- Public holidays come from the `holidays` package: the Netherlands for Dutch locations, Belgium for
  Flemish ones. Each location chooses which of them it closes.
- Which closed days are billable: in the Netherlands the closing weeks are not paid, public holidays
  outside them are (information guide, section 2.1); a childminder's closure for sickness or absence is
  never charged (section 2.3). In Flanders the parent pays the reserved days of the care plan that the
  location is open; collective closing days are not charged.
"""
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import ROUND_UP, Decimal

import holidays as holidays_lib
from jurisdictions import POLICIES


def gettext_noop(message: str) -> str:
    """Marks a text for translation (the service translates it for the reader)."""
    return message

MIN_OPEN_WEEKS = 47

WEEKDAYS = (0, 1, 2, 3, 4, 5, 6)

# Reasons a normally open day is closed.
CLOSING_WEEK = "closing_week"
PUBLIC_HOLIDAY = "public_holiday"
CHILDMINDER_CLOSURE = "childminder_closure"



def weeks_in_iso_year(year: int) -> int:
    """52 or 53: 28 December always lies in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar()[1]


def week_errors(year: int, week: int) -> list[str]:
    if not 1 <= year <= 9999:
        return [f"{year} is not a valid year."]
    last = weeks_in_iso_year(year)
    if not 1 <= week <= last:
        return [f"Week {week} does not exist in {year}; weeks run from 1 to {last}."]
    return []


def open_weeks(year: int, closing_weeks) -> int:
    """Weeks the location is open in `year` when it closes the given ISO weeks."""
    valid = {w for w in closing_weeks if 1 <= w <= weeks_in_iso_year(year)}
    return weeks_in_iso_year(year) - len(valid)


def max_closing_weeks(year: int, min_open_weeks: int = MIN_OPEN_WEEKS) -> int:
    return max(weeks_in_iso_year(year) - min_open_weeks, 0)


def closing_plan_errors(year: int, closing_weeks, field: str = "week",
                        min_open_weeks: int = MIN_OPEN_WEEKS) -> dict[str, list[str]]:
    """Field errors when a year's closing plan breaks the rules (empty when it does not).

    `closing_weeks` is every ISO week the location would close in `year`, the new one(s) included.
    """
    weeks = list(closing_weeks)
    errors: list[str] = []
    for week in weeks:
        errors.extend(week_errors(year, week))
    if errors:
        return {field: errors}
    if len(set(weeks)) != len(weeks):
        return {field: [gettext_noop("A week appears more than once in the closing plan.")]}
    remaining = open_weeks(year, weeks)
    if remaining < min_open_weeks:
        return {field: [
            f"With {len(weeks)} closing weeks the location would be open {remaining} weeks in {year}; "
            f"it must be open at least {min_open_weeks} weeks (at most {max_closing_weeks(year, min_open_weeks)} "
            f"closing weeks)."
        ]}
    return {}


def period_errors(start: date | None, end: date | None) -> dict[str, list[tuple[str, dict]]]:
    """Field errors of a closing period's dates, as (English text marked for translation, its values): both
    given, the last day not before the first, at most a year."""
    if start is None:
        return {"start_date": [(gettext_noop("Give the first closed day."), {})]}
    if end is None:
        return {"end_date": [(gettext_noop("Give the last closed day."), {})]}
    if end < start:
        return {"end_date": [(gettext_noop("The last day lies before the first day."), {})]}
    if (end - start).days >= 366:
        return {"end_date": [(gettext_noop("A closing period lasts at most a year; enter a longer one in parts."),
                              {})]}
    return {}


def periods_overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    return a_start <= b_end and b_start <= a_end


def iso_year_bounds(year: int) -> tuple[date, date]:
    """Monday of week 1 and Sunday of the last week of ISO year `year`."""
    return date.fromisocalendar(year, 1, 1), date.fromisocalendar(year, weeks_in_iso_year(year), 7)


def iso_years_of(start: date, end: date) -> list[int]:
    """The ISO years the days from `start` to `end` belong to."""
    return list(range(start.isocalendar()[0], end.isocalendar()[0] + 1))


def days_a_week(opening_weekdays) -> int:
    """Opening days of a week; a location without opening hours yet is weighed by the calendar week."""
    return len(set(opening_weekdays)) or 7


def closing_days(year: int, periods, opening_weekdays) -> int:
    """Opening days of ISO year `year` that the closing periods [(first, last), ...] close (each day once)."""
    weekdays = set(opening_weekdays) or set(WEEKDAYS)
    first, last = iso_year_bounds(year)
    found: set[date] = set()
    for start, end, *_rest in periods:
        day, stop = max(start, first), min(end, last)
        while day <= stop:
            if day.weekday() in weekdays:
                found.add(day)
            day += timedelta(days=1)
    return len(found)


def closing_weeks_of(days: int, opening_weekdays) -> Decimal:
    """Closed opening days as weeks, rounded up to a tenth (the open weeks shown are never too many)."""
    return (Decimal(days) / days_a_week(opening_weekdays)).quantize(Decimal("0.1"), rounding=ROUND_UP)


def max_closing_days(year: int, opening_weekdays, min_open_weeks: int = MIN_OPEN_WEEKS) -> int:
    return max_closing_weeks(year, min_open_weeks) * days_a_week(opening_weekdays)


@dataclass(frozen=True)
class YearCheck:
    """How a closing plan weighs on one ISO year."""

    year: int
    weeks_in_year: int
    closing_days: int
    closing_weeks: Decimal
    open_weeks: Decimal
    max_closing_days: int
    min_open_weeks: int

    @property
    def ok(self) -> bool:
        return self.closing_days <= self.max_closing_days


def year_check(year: int, periods, opening_weekdays, min_open_weeks: int = MIN_OPEN_WEEKS) -> YearCheck:
    days = closing_days(year, periods, opening_weekdays)
    weeks = closing_weeks_of(days, opening_weekdays)
    return YearCheck(year=year, weeks_in_year=weeks_in_iso_year(year), closing_days=days, closing_weeks=weeks,
                     open_weeks=weeks_in_iso_year(year) - weeks,
                     max_closing_days=max_closing_days(year, opening_weekdays, min_open_weeks),
                     min_open_weeks=min_open_weeks)


def closing_periods_errors(new: tuple[date, date], existing, opening_weekdays,
                           min_open_weeks: int = MIN_OPEN_WEEKS) -> dict[str, list[tuple[str, dict]]]:
    """Field errors, as (text marked for translation, values), when a new closing period (first, last) is wrong
    on its own, overlaps one of `existing` [(first, last), ...], or leaves an ISO year it touches open less than
    `min_open_weeks` weeks (the values: year, open_weeks, min_open_weeks, max_closing_days)."""
    start, end = new
    errors = period_errors(start, end)
    if errors:
        return errors
    if any(periods_overlap(start, end, other[0], other[1]) for other in existing):
        return {"start_date": [(gettext_noop("These days overlap a closing period that is already planned."), {})]}
    plan = [*existing, (start, end)]
    messages = [
        (TOO_FEW_OPEN_WEEKS, {"year": check.year, "open_weeks": check.open_weeks, "min_open_weeks": min_open_weeks,
                              "max_closing_days": check.max_closing_days})
        for check in (year_check(year, plan, opening_weekdays, min_open_weeks) for year in iso_years_of(start, end))
        if not check.ok]
    return {"end_date": messages} if messages else {}


TOO_FEW_OPEN_WEEKS = gettext_noop(
    "With this period the location would be open %(open_weeks)s weeks in %(year)s; it must be open at least "
    "%(min_open_weeks)s weeks (at most %(max_closing_days)s closing days).")


def iso_week_dates(year: int, week: int) -> list[date]:
    """Monday to Sunday of an ISO week."""
    monday = date.fromisocalendar(year, week, 1)
    return [monday + timedelta(days=i) for i in range(7)]


def hours_errors(opens: time | None, closes: time | None) -> dict[str, list[str]]:
    if opens is None or closes is None:
        return {"opens" if opens is None else "closes": [gettext_noop("Give both an opening and a closing time.")]}
    if closes <= opens:
        return {"closes": [gettext_noop("The closing time must be after the opening time.")]}
    return {}


def public_holidays(jurisdiction: str, year: int, language: str = "en_US") -> dict[date, str]:
    """The public holidays of a jurisdiction in a year, by date, with their names: in English by default (the
    English names are the stable keys of a location's choices), or in `language` (a language code such as
    "nl" or "nl-BE") for a reader, as the `holidays` library names them in that country."""
    entry = POLICIES.get(jurisdiction)
    if entry is None:
        return {}
    return dict(sorted(holidays_lib.country_holidays(
        entry.holiday_country, years=year, language=holiday_language(entry.holiday_country, language)).items()))


def holiday_language(country: str, language: str) -> str:
    """The `holidays` library's language for a language code: the code itself ("nl_BE"), its base language
    ("nl") if the country's holidays have no names in the code, else American English."""
    supported = holidays_lib.country_holidays(country).supported_languages
    code = language.replace("-", "_")
    for candidate in (code, code.split("_")[0]):
        if candidate in supported:
            return candidate
    return "en_US"


def holiday_names(jurisdiction: str, years) -> list[str]:
    """Every holiday name of a jurisdiction over some years (names are the stable keys of a choice)."""
    names: dict[str, None] = {}
    for year in years:
        for name in public_holidays(jurisdiction, year).values():
            for part in name.split("; "):
                names[part] = None
    return list(names)


def is_billable(reasons, jurisdiction: str) -> bool:
    """Whether a closed day is still charged (see the module docstring)."""
    reasons = set(reasons)
    if CHILDMINDER_CLOSURE in reasons or CLOSING_WEEK in reasons:
        return False
    entry = POLICIES.get(jurisdiction)
    return reasons == {PUBLIC_HOLIDAY} and entry is not None and entry.public_holidays_paid


@dataclass(frozen=True)
class ClosedDay:
    date: date
    reasons: tuple[str, ...]
    labels: tuple[str, ...]
    billable: bool


def closed_days(*, year: int, jurisdiction: str, opening_weekdays, closing_periods, closed_holidays: dict[date, str],
                closures) -> list[ClosedDay]:
    """Days of `year` on which the location would normally be open but is closed, with the reasons.

    `opening_weekdays`: weekdays (0 = Monday) with opening hours; `closing_periods`: (first, last, label) ranges;
    `closed_holidays`: the holidays the location closes, by date; `closures`: (start, end, label) ranges.
    """
    found: dict[date, list[tuple[str, str]]] = {}
    day = date(year, 1, 1)
    end = date(year, 12, 31)
    opening_weekdays = set(opening_weekdays)
    while day <= end:
        if day.weekday() in opening_weekdays:
            for start, stop, label in closing_periods:
                if start <= day <= stop:
                    found.setdefault(day, []).append((CLOSING_WEEK, label))
                    break
            if day in closed_holidays:
                found.setdefault(day, []).append((PUBLIC_HOLIDAY, closed_holidays[day]))
            for start, stop, label in closures:
                if start <= day <= stop:
                    found.setdefault(day, []).append((CHILDMINDER_CLOSURE, label))
                    break
        day += timedelta(days=1)
    return [
        ClosedDay(day, tuple(r for r, _l in items), tuple(label for _r, label in items),
                  is_billable([r for r, _l in items], jurisdiction))
        for day, items in sorted(found.items())
    ]
