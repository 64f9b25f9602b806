"""Writes of the calendar. Each raises ValidationError({field: [...]}) on bad input and stores nothing then."""
from datetime import date, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from config.service_errors import translated
from tenants.calendar import rules, signals
from tenants.calendar.models import ClosingPeriod, Closure, FeedToken, HolidayChoice, OpeningHours
from tenants.calendar.selectors import current_location, weekly_opening_hours


def set_opening_hours(*, weekday: int, opens: time | None, closes: time | None) -> OpeningHours | None:
    """Set the hours of a weekday; with neither time given, the location closes on that weekday."""
    if weekday not in rules.WEEKDAYS:
        raise ValidationError({"weekday": [_("Choose a weekday from Monday (0) to Sunday (6).")]})
    if opens is None and closes is None:
        OpeningHours.objects.filter(weekday=weekday).delete()
        return None
    errors = translated(rules.hours_errors(opens, closes))
    if errors:
        raise ValidationError(errors)
    row, _created = OpeningHours.objects.update_or_create(weekday=weekday, defaults={"opens": opens, "closes": closes})
    return row


@transaction.atomic
def set_week_hours(hours: dict[int, tuple[time | None, time | None]]) -> None:
    """Set the hours of several weekdays at once; all or nothing."""
    errors = {}
    for weekday, (opens, closes) in hours.items():
        if opens is None and closes is None:
            continue
        for field, messages in translated(rules.hours_errors(opens, closes)).items():
            errors[f"{field}_{weekday}"] = messages
    if errors:
        raise ValidationError(errors)
    for weekday, (opens, closes) in hours.items():
        set_opening_hours(weekday=weekday, opens=opens, closes=closes)


def weeks_text(value: Decimal) -> str:
    """Weeks the reader's way, a tenth only when there is one: 48, 51,4."""
    return number_format(int(value) if value == value.to_integral_value() else value)


def rule_errors(errors: dict[str, list[tuple[str, dict]]]) -> dict[str, list[str]]:
    """The rules' (text, values) errors in the reader's language, numbers written the reader's way."""
    return {field: [_(text) % {key: weeks_text(value) if isinstance(value, Decimal) else value
                               for key, value in values.items()} for text, values in messages]
            for field, messages in errors.items()}


@transaction.atomic
def add_closing_period(*, start_date: date | None, end_date: date | None, note: str = "") -> ClosingPeriod:
    """Close the location from `start_date` to `end_date` (both included), in one step, unless the dates are
    wrong, overlap a planned period, or leave a year open less than 47 weeks (tenants.calendar.rules)."""
    existing = [(p.start_date, p.end_date) for p in ClosingPeriod.objects.select_for_update()]
    errors = rules.closing_periods_errors((start_date, end_date), existing, weekly_opening_hours().keys())
    if errors:
        raise ValidationError(rule_errors(errors))
    return ClosingPeriod.objects.create(start_date=start_date, end_date=end_date, note=(note or "").strip())


def add_closing_week(*, year: int, week: int, note: str = "") -> ClosingPeriod:
    """Close ISO week `week` of `year`, Monday to Sunday (add_closing_period)."""
    errors = rules.week_errors(year, week)
    if errors:
        raise ValidationError({"week": translated(errors)})
    days = rules.iso_week_dates(year, week)
    return add_closing_period(start_date=days[0], end_date=days[-1], note=note)


@transaction.atomic
def set_closing_weeks(*, year: int, weeks: list[int], note: str = "") -> list[ClosingPeriod]:
    """Replace the closing periods that lie within ISO year `year` by the ISO weeks `weeks` (each run of
    consecutive weeks one period); all or nothing."""
    errors = translated(rules.closing_plan_errors(year, weeks, field="weeks"))
    if errors:
        raise ValidationError(errors)
    first, last = rules.iso_year_bounds(year)
    ClosingPeriod.objects.filter(start_date__gte=first, end_date__lte=last).delete()
    rows: list[ClosingPeriod] = []
    for week in sorted(weeks):
        monday, sunday = rules.iso_week_dates(year, week)[0], rules.iso_week_dates(year, week)[-1]
        if rows and rows[-1].end_date == monday - timedelta(days=1):
            rows[-1].end_date = sunday
            rows[-1].save(update_fields=["end_date"])
        else:
            rows.append(add_closing_period(start_date=monday, end_date=sunday, note=note))
    return rows


def remove_closing_period(period: ClosingPeriod) -> None:
    period.delete()


def set_holiday_closed(*, name: str, closed: bool, location=None) -> HolidayChoice:
    location = location or current_location()
    today = timezone.localdate()
    known = rules.holiday_names(location.jurisdiction, range(today.year - 1, today.year + 3))
    if name not in known:
        raise ValidationError({"name": [_("'%(name)s' is not a public holiday here.") % {"name": name}]})
    row, _created = HolidayChoice.objects.update_or_create(name=name, defaults={"closed": closed})
    return row


@transaction.atomic
def close_for_childminder(*, start_date: date, end_date: date, reason: str = Closure.Reason.SICKNESS,
                          note: str = "", user=None, location=None) -> Closure:
    """A childminder is sick or absent: the location closes (no substitute allowed); not billable."""
    location = location or current_location()
    if location.kind != "gastouder":
        raise ValidationError({"non_field_errors": [
            _("Only a childminder's location closes for her sickness; a centre arranges a substitute.")]})
    if reason not in Closure.Reason.values:
        raise ValidationError({"reason": [_("Choose sickness or absence.")]})
    if end_date < start_date:
        raise ValidationError({"end_date": [_("The last day lies before the first day.")]})
    if (end_date - start_date).days > 366:
        raise ValidationError({"end_date": [_("A closure lasts at most a year; record a longer one in parts.")]})
    if Closure.objects.filter(start_date__lte=end_date, end_date__gte=start_date).exists():
        raise ValidationError({"start_date": [_("These days overlap a closure that is already recorded.")]})
    closure = Closure.objects.create(start_date=start_date, end_date=end_date, reason=reason, note=note.strip(),
                                     created_by=user)
    signals.closure_recorded.send(sender=Closure, closure=closure, user=user)
    return closure


@transaction.atomic
def cancel_closure(closure: Closure) -> int:
    """Delete a closure. Days already credited on an invoice stay credited (nothing is invoiced again);
    returns how many such days there are, so the entrepreneur can be told."""
    kept = sum(answer or 0 for _receiver, answer in signals.closure_cancelled.send(sender=Closure, closure=closure))
    closure.delete()
    return kept


@transaction.atomic
def issue_feed_token(user) -> FeedToken:
    """A new secret for the user's calendar feed; any earlier one stops working."""
    revoke_feed_token(user)
    return FeedToken.objects.create(user=user)


def revoke_feed_token(user) -> int:
    return FeedToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
