"""Reads of the current location's calendar, shared by contracts, attendance and billing.

All functions work in the schema the connection is in (the request's location, or a schema_context).
"""
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext
from jurisdictions import policy

from tenants.calendar import rules
from tenants.calendar.models import ClosingPeriod, Closure, FeedToken, HolidayChoice, OpeningHours


def current_location():
    """The Location whose schema the connection uses (also inside a bare schema_context)."""
    from cooperative.models import Location

    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Location):
        return tenant
    return Location.objects.get(schema_name=connection.schema_name)


def location_today(location=None) -> date:
    location = location or current_location()
    return timezone.localdate(timezone=ZoneInfo(location.time_zone or policy(location.jurisdiction).time_zone))


def weekly_opening_hours() -> dict[int, tuple[time, time]]:
    """{weekday (0 = Monday): (opens, closes)} for the weekdays the location opens."""
    return {row.weekday: (row.opens, row.closes) for row in OpeningHours.objects.all()}


def opening_hours(weekday: int) -> tuple[time, time] | None:
    """(opens, closes) on a weekday (0 = Monday), or None when the location does not open that day."""
    row = OpeningHours.objects.filter(weekday=weekday).first()
    return (row.opens, row.closes) if row else None


def closing_periods(year: int) -> list[ClosingPeriod]:
    """The closing periods with a day in calendar year `year` (one across the new year is in both years)."""
    return list(ClosingPeriod.objects.filter(start_date__lte=date(year, 12, 31), end_date__gte=date(year, 1, 1)))


def closing_periods_between(start: date, end: date) -> list[ClosingPeriod]:
    return list(ClosingPeriod.objects.filter(start_date__lte=end, end_date__gte=start))


def year_check(year: int, extra: tuple[date, date] | None = None) -> rules.YearCheck:
    """How the closing periods (and `extra`, a period being typed) weigh on ISO year `year` (the 47-week rule)."""
    first, last = rules.iso_year_bounds(year)
    plan = [(p.start_date, p.end_date) for p in closing_periods_between(first, last)]
    if extra is not None:
        plan.append(extra)
    return rules.year_check(year, plan, weekly_opening_hours().keys())


def closing_weeks_count(year: int):
    """The closing periods of ISO year `year` in weeks (a Decimal; tenants.calendar.rules.closing_weeks_of)."""
    return year_check(year).closing_weeks


def holiday_choices() -> dict[str, bool]:
    return dict(HolidayChoice.objects.values_list("name", "closed"))


def holidays(year: int, location=None) -> list[dict]:
    """The public holidays of the location's jurisdiction in `year`, each with whether it closes."""
    location = location or current_location()
    choices = holiday_choices()
    result = []
    labels = _public_holidays(location.jurisdiction, year, translation.get_language() or "en")
    for day, name in _public_holidays(location.jurisdiction, year).items():
        result.append({"date": day, "name": name, "label": labels.get(day, name), "closed": _closes(name, choices)})
    return result


def _closes(name: str, choices: dict[str, bool]) -> bool:
    """Whether the location closes on a holiday (a day with two holidays closes when either does)."""
    return any(choices.get(part, True) for part in name.split("; "))


def closed_days_between(start: date, end: date, location=None) -> list[rules.ClosedDay]:
    """Days from `start` to `end` on which the location normally opens but is closed, with reasons and
    whether they are billable (see tenants.calendar.rules): the one reckoning of closed days, for the
    calendar, the parent portal and billing alike. Four reads, whatever the span (also across years)."""
    return _closed_days(start, end, location or current_location(), weekly_opening_hours().keys(),
                        closing_periods_between(start, end))


@lru_cache(maxsize=256)
def _public_holidays(jurisdiction: str, year: int, language: str = "en_US") -> MappingProxyType:
    """rules.public_holidays, kept: the `holidays` library builds a country's year anew on every call (some 10 ms
    with its translations), and a monthly run reckons the closed days of every location."""
    return MappingProxyType(rules.public_holidays(jurisdiction, year, language))


def _closed_days(start: date, end: date, location, opening_weekdays, periods) -> list[rules.ClosedDay]:
    """closed_days_between with the opening hours and the closing periods (at least those overlapping the span)
    read already: the holiday choices and the closures are read here."""
    periods = [(p.start_date, p.end_date, p.note or gettext("Closing period")) for p in periods]
    choices = holiday_choices()
    closures = [(c.start_date, c.end_date, c.get_reason_display())
                for c in Closure.objects.filter(start_date__lte=end, end_date__gte=start)]
    found = []
    for year in range(start.year, end.year + 1):
        labels = _public_holidays(location.jurisdiction, year, translation.get_language() or "en")
        closed_holidays = {day: labels.get(day, name)
                           for day, name in _public_holidays(location.jurisdiction, year).items()
                           if _closes(name, choices)}
        found += rules.closed_days(year=year, jurisdiction=location.jurisdiction, opening_weekdays=opening_weekdays,
                                   closing_periods=periods, closed_holidays=closed_holidays, closures=closures)
    return [day for day in found if start <= day.date <= end]


@dataclass(frozen=True)
class YearCalendar:
    """What the monthly run needs of a year's calendar: the closed days of calendar year `year`, the closing
    weeks of ISO year `year` (closing_weeks_count) and the weekly opening hours."""

    closed_days: list[rules.ClosedDay]
    closing_weeks: Decimal
    opening_hours: dict[int, tuple[time, time]]


def year_calendar(year: int, location=None) -> YearCalendar:
    """closed_days(year) and closing_weeks_count(year) together in four reads instead of six (each of them reads
    the opening hours and the closing periods): the closing periods are read once for both spans."""
    iso_first, iso_last = rules.iso_year_bounds(year)
    first, last = date(year, 1, 1), date(year, 12, 31)
    hours = weekly_opening_hours()
    periods = closing_periods_between(min(first, iso_first), max(last, iso_last))
    closed = _closed_days(first, last, location or current_location(), hours.keys(),
                          [p for p in periods if p.start_date <= last and p.end_date >= first])
    check = rules.year_check(year, [(p.start_date, p.end_date) for p in periods
                                    if p.start_date <= iso_last and p.end_date >= iso_first], hours.keys())
    return YearCalendar(closed_days=closed, closing_weeks=check.closing_weeks, opening_hours=hours)


def closed_days(year: int, location=None) -> list[rules.ClosedDay]:
    """The closed days of the calendar year `year` (closed_days_between)."""
    return closed_days_between(date(year, 1, 1), date(year, 12, 31), location)


def closed_day(day: date, location=None) -> rules.ClosedDay | None:
    return next((d for d in closed_days(day.year, location) if d.date == day), None)


def is_open(day: date, location=None) -> bool:
    """Whether the location is open on `day`: it has opening hours that weekday and is not closed."""
    if opening_hours(day.weekday()) is None:
        return False
    return closed_day(day, location) is None


def open_weeks(year: int):
    """Weeks the location is open in ISO year `year` (a Decimal: a closing period may close part of a week)."""
    return year_check(year).open_weeks


def active_feed_token(user) -> FeedToken | None:
    return FeedToken.objects.filter(user=user, revoked_at__isnull=True).first()


def feed_token_owner(token: str):
    """The user a valid (unrevoked) feed token belongs to, or None."""
    row = FeedToken.objects.filter(token=token, revoked_at__isnull=True).select_related("user").first()
    return row.user if row else None
