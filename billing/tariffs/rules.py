"""Tariff models as plain functions over plain values (no Django). Money is Decimal in euros.

Rounding: every amount that appears on an invoice (a line, a monthly amount) is rounded half-up to the
cent (`cents`); hours and quantities are kept exact until then. Sources: the Thuishuis information guide
(seed 001, section 2.1) and the house rules of a Flemish day-care centre (seed 003, 4.2 and 4.3).

NL monthly average (`nl_yearly_hours`, `nl_monthly_amount`, `nl_average_month`)
    The contract's care hours over the whole calendar year, leaving out the days of the location's closing
    weeks (not paid) and a childminder's closures (never charged), but counting public holidays outside the
    closing weeks (paid); divided by 12; times the hourly rate of that year and care type. The same amount
    is invoiced twelve times. A contract that starts or ends within the year is billed for its own months
    only, from the same yearly average (as if it ran all year); a month it covers only partly is billed pro
    rata by calendar days (days covered / days in the month). A change of contract recomputes the average:
    each version is billed for the calendar days it is in force.
    Worked example: Monday and Thursday 10.5 h in 2026, closing weeks 30, 31, 32 and 52, rate 10.25 →
    97 days, 1018.5 h a year, 84.875 h a month, 869.97 a month.
NL flexible (`nl_flexible_month`, `nl_flexible_settlement`)
    The parent's estimate of hours per three months, divided by 3, times the (flexible) hourly rate; after
    the quarter the registered hours are settled against the estimate (difference × rate, + or −).
NL registered hours (`nl_registered_month`)
    A childminder registers hours per day; the parent approves them (automatically after 7 days, with a
    notice); the month is invoiced after approval at the hourly rate.
BE-VLG income-related day price (`be_month`)
    The family's income tariff (amount per day) from its certificate. A day of care from 5 up to 11 hours:
    100 %; under 5 hours: 60 %; over 11 hours: 160 % (Kind en Gezin; the house rules speak of 5 to 11
    hours only). Settling-in sessions are billed as half days (60 %). Justified absence days per calendar
    year: the location's full-time number (at least 18) pro rata of the plan (days per week / 5) and of the
    months of the year the contract runs, to half days. A reserved day the child does not come is a
    justified absence day while they last, then unjustified at 60 % of the reserved day part (a reserved
    day under 5 hours counts as half a day). Fines: absence reported after 08:00 on the day (10.00, as the
    attendance register recorded it); pick-up after closing time: 15.00 per started quarter of an hour.
    Extra fees: diapers per day of care (full or half day price), a monthly administration fee.
All models: extras (meals, travel costs, one-off costs) as lines of quantity × price.
"""
from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
ONE = Decimal("1")
TWELVE = Decimal("12")

NL_MONTHLY_AVERAGE = "nl_monthly_average"
NL_FLEXIBLE = "nl_flexible"
NL_REGISTERED = "nl_registered"
BE_DAY_PRICE = "be_day_price"
MODELS = (NL_MONTHLY_AVERAGE, NL_FLEXIBLE, NL_REGISTERED, BE_DAY_PRICE)
MODEL_JURISDICTION = {NL_MONTHLY_AVERAGE: "NL", NL_FLEXIBLE: "NL", NL_REGISTERED: "NL", BE_DAY_PRICE: "BE-VLG"}

FULL_DAY = Decimal("1")
SHORT_DAY = Decimal("0.6")
LONG_DAY = Decimal("1.6")
FULL_DAY_MIN_HOURS = Decimal("5")
FULL_DAY_MAX_HOURS = Decimal("11")
UNJUSTIFIED_FACTOR = Decimal("0.6")
MIN_JUSTIFIED_DAYS = 18
LATE_PICKUP_QUARTER = 15  # minutes
AUTO_APPROVE_DAYS = 7
BE_DUE_DAYS = 21

# Line kinds (match billing.invoices.models.InvoiceLine.Kind)
CARE = "care"
ABSENCE = "absence"
FEE = "fee"
FINE = "fine"
EXTRA = "extra"
SETTLEMENT = "settlement"


def gettext_noop(message: str) -> str:
    """Marks a text for translation; the caller translates (these rules import no Django)."""
    return message


def cents(amount) -> Decimal:
    """Round half-up to the cent: 869.96875 → 869.97, 0.125 → 0.13, -0.125 → -0.13."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def half_days(amount) -> Decimal:
    """Round half-up to half days: 7.25 → 7.5, 7.2 → 7.0."""
    return (Decimal(amount) * 2).quantize(ONE, rounding=ROUND_HALF_UP) / 2


@dataclass(frozen=True)
class Line:
    kind: str
    description: str  # English template, marked with gettext_noop; `params` fill it after translation
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    params: dict = field(default_factory=dict, compare=False, hash=False)


def line(kind: str, description: str, quantity, unit: str, unit_price, amount=None, **params) -> Line:
    quantity = Decimal(quantity)
    unit_price = Decimal(unit_price)
    return Line(kind, description, quantity, unit, unit_price,
                cents(quantity * unit_price if amount is None else amount), params)


def total(lines) -> Decimal:
    return sum((item.amount for item in lines), ZERO).quantize(CENT)


# --- dates --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """A planned care day: weekday (0 = Monday) and hours."""

    weekday: int
    hours: Decimal


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _calendar.monthrange(year, month)[1])


def month_due(model: str, year: int, month: int, today: date) -> bool:
    """Whether the month may be invoiced on `today`: the monthly average and flexible contracts in advance,
    from the month's first day; registered hours and the day price only once the month is over (a run
    before that would invoice a part of the month and never the rest)."""
    first, this_month = date(year, month, 1), today.replace(day=1)
    return first <= this_month if model in (NL_MONTHLY_AVERAGE, NL_FLEXIBLE) else first < this_month


def neighbour_months(first: date) -> tuple[date, date]:
    """The first days of the month before and the month after the month starting on `first`."""
    return (first - timedelta(days=1)).replace(day=1), month_bounds(first.year, first.month)[1] + timedelta(days=1)


def days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def overlap(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> tuple[date, date] | None:
    start = max(a_start, b_start)
    ends = [d for d in (a_end, b_end) if d is not None]
    end = min(ends) if ends else None
    if end is not None and end < start:
        return None
    return start, end  # type: ignore[return-value]


def slot_on(weeks: list[list[Slot]], reference: date, day: date) -> Slot | None:
    """The planned care day on `day`; an alternating plan starts with week A in the week of `reference`."""
    if not weeks:
        return None
    monday = reference - timedelta(days=reference.weekday())
    index = ((day - monday).days // 7) % len(weeks)
    return next((s for s in weeks[index] if s.weekday == day.weekday()), None)


def planned_days(weeks, reference: date, start: date, end: date, unpaid: set[date] = frozenset()):
    """[(date, hours)] of the plan from `start` to `end`, leaving out the `unpaid` days."""
    found = []
    for day in days(start, end):
        if day in unpaid:
            continue
        slot = slot_on(weeks, reference, day)
        if slot is not None:
            found.append((day, Decimal(slot.hours)))
    return found


# --- validation ---------------------------------------------------------------------------------


def rate_errors(value, field_name: str = "hourly_rate") -> dict[str, list[str]]:
    try:
        amount = Decimal(value)
    except Exception:
        return {field_name: [gettext_noop("Enter an amount in euros.")]}
    if not amount.is_finite():
        return {field_name: [gettext_noop("Enter an amount in euros.")]}
    if amount < 0:
        return {field_name: [gettext_noop("A rate cannot be negative.")]}
    if amount != amount.quantize(Decimal("0.0001")):
        return {field_name: [gettext_noop("Give the rate in at most four decimals.")]}
    if amount >= Decimal("100000"):
        return {field_name: [gettext_noop("This rate is too high.")]}
    return {}


def justified_days_errors(value) -> dict[str, list[str]]:
    if value is None or int(value) < MIN_JUSTIFIED_DAYS:
        return {"justified_absence_days": [gettext_noop("At least 18 justified absence days a year (the legal "
                                                        "minimum in Flanders).")]}
    if int(value) > 366:
        return {"justified_absence_days": [gettext_noop("At most 366 days.")]}
    return {}


# --- NL monthly average ---------------------------------------------------------------------------


def nl_yearly_hours(weeks, reference: date, year: int, unpaid: set[date]) -> tuple[int, Decimal]:
    """(care days, hours) of the plan over the whole calendar `year`, without the `unpaid` closed days."""
    found = planned_days(weeks, reference, date(year, 1, 1), date(year, 12, 31), unpaid)
    return len(found), sum((hours for _day, hours in found), ZERO)


def nl_monthly_hours(yearly_hours: Decimal) -> Decimal:
    return Decimal(yearly_hours) / TWELVE


def nl_monthly_amount(yearly_hours: Decimal, rate: Decimal) -> Decimal:
    """The monthly amount: yearly hours / 12 × rate, rounded half-up to the cent."""
    return cents(Decimal(yearly_hours) * Decimal(rate) / TWELVE)


def covered_days(month_start: date, month_end: date, start: date, end: date | None) -> int:
    span = overlap(month_start, month_end, start, end)
    if span is None:
        return 0
    return (span[1] - span[0]).days + 1


@dataclass(frozen=True)
class Segment:
    """A contract version in force from `start` to `end` (None: open-ended) with its plan."""

    start: date
    end: date | None
    weeks: list
    reference: date


def nl_average_month(*, year: int, month: int, segments: list[Segment], unpaid: set[date], rate: Decimal,
                     care_type_label: str = "") -> list[Line]:
    """Lines for one month of the NL monthly average: per contract version in force that month, the
    monthly amount from its yearly average, pro rata by calendar days when it covers the month partly."""
    month_start, month_end = month_bounds(year, month)
    month_days = (month_end - month_start).days + 1
    lines = []
    for segment in segments:
        covered = covered_days(month_start, month_end, segment.start, segment.end)
        if not covered:
            continue
        care_days, yearly = nl_yearly_hours(segment.weeks, segment.reference, year, unpaid)
        monthly_hours = nl_monthly_hours(yearly)
        if covered == month_days:
            lines.append(line(CARE, gettext_noop(
                "Childcare %(month)s: %(days)s care days, %(yearly)s hours a year / 12 = %(monthly)s hours a month"),
                monthly_hours, "h", rate, nl_monthly_amount(yearly, rate), month=f"{year}-{month:02d}",
                days=care_days, yearly=_fmt(yearly), monthly=_fmt(monthly_hours)))
        else:
            hours = monthly_hours * covered / month_days
            lines.append(line(CARE, gettext_noop(
                "Childcare %(month)s, %(covered)s of %(month_days)s days: %(yearly)s hours a year / 12 × "
                "%(covered)s/%(month_days)s"), hours, "h", rate,
                cents(Decimal(yearly) * Decimal(rate) / TWELVE * covered / month_days),
                month=f"{year}-{month:02d}", covered=covered, month_days=month_days, yearly=_fmt(yearly)))
    return lines


def _fmt(value: Decimal) -> str:
    text = f"{Decimal(value).quantize(Decimal('0.001'), rounding=ROUND_HALF_UP):f}".rstrip("0").rstrip(".")
    return text or "0"


# --- NL flexible --------------------------------------------------------------------------------


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    first = 3 * (quarter - 1) + 1
    return date(year, first, 1), month_bounds(year, first + 2)[1]


def nl_flexible_month(*, estimate_per_quarter: Decimal, rate: Decimal, year: int, month: int,
                      covered: int | None = None) -> list[Line]:
    """The monthly advance: the estimate per three months / 3 × rate (pro rata by calendar days)."""
    month_start, month_end = month_bounds(year, month)
    month_days = (month_end - month_start).days + 1
    hours = Decimal(estimate_per_quarter) / 3
    if covered is not None and covered != month_days:
        hours = hours * covered / month_days
    return [line(CARE, gettext_noop("Childcare %(month)s: estimate %(estimate)s hours per three months / 3"),
                 hours, "h", rate, cents(hours * Decimal(rate)), month=f"{year}-{month:02d}",
                 estimate=_fmt(estimate_per_quarter))]


def nl_flexible_settlement(*, invoiced_hours: Decimal, registered_hours: Decimal, rate: Decimal,
                           year: int, quarter: int) -> list[Line]:
    """After the quarter: (registered − invoiced advance hours) × rate; nothing when they are equal."""
    difference = Decimal(registered_hours) - Decimal(invoiced_hours)
    if difference == 0:
        return []
    return [line(SETTLEMENT, gettext_noop(
        "Settlement Q%(quarter)s %(year)s: %(registered)s hours registered, %(invoiced)s hours invoiced"),
        difference, "h", rate, quarter=quarter, year=year, registered=_fmt(registered_hours),
        invoiced=_fmt(invoiced_hours))]


# --- NL registered hours (childminders) ---------------------------------------------------------


def auto_approve_due(registered_on: date, today: date) -> bool:
    """Unapproved hours are approved automatically 7 days after they were registered."""
    return today >= registered_on + timedelta(days=AUTO_APPROVE_DAYS)


def nl_registered_month(*, hours_by_day: list[tuple[date, Decimal]], rate: Decimal, year: int,
                        month: int) -> list[Line]:
    total_hours = sum((Decimal(h) for _d, h in hours_by_day), ZERO)
    if not total_hours:
        return []
    return [line(CARE, gettext_noop("Childcare %(month)s: %(days)s days, registered and approved hours"),
                 total_hours, "h", rate, month=f"{year}-{month:02d}", days=len(hours_by_day))]


# --- BE-VLG income-related day price -------------------------------------------------------------


def day_factor(hours) -> Decimal:
    """Share of the day price for a day of care of `hours`: < 5 h 60 %, 5–11 h 100 %, > 11 h 160 %."""
    hours = Decimal(hours)
    if hours < FULL_DAY_MIN_HOURS:
        return SHORT_DAY
    if hours <= FULL_DAY_MAX_HOURS:
        return FULL_DAY
    return LONG_DAY


def justified_quota(*, full_time_days: int, days_per_week, months_in_year: int) -> Decimal:
    """Justified absence days for a calendar year: the full-time number pro rata of the plan (days per
    week / 5) and of the months the contract runs that year, rounded half-up to half days."""
    share = min(Decimal(days_per_week) / 5, ONE) * Decimal(months_in_year) / TWELVE
    return half_days(Decimal(full_time_days) * share)


def late_pickup_quarters(pickup: time, closing: time) -> int:
    """Started quarters of an hour after closing time: 18:31 after 18:30 → 1; 18:46 → 2; 18:30 → 0."""
    late = (pickup.hour * 3600 + pickup.minute * 60 + pickup.second) - (closing.hour * 3600 + closing.minute * 60)
    if late <= 0:
        return 0
    return -(-late // (LATE_PICKUP_QUARTER * 60))


@dataclass(frozen=True)
class BeDay:
    """One day of the month for a BE-VLG child.

    `reserved_hours`: hours of the care plan that day (None: not reserved); `attended_hours`: hours of care
    (None: did not come); `day_price`: the income tariff valid that day; `settling_in`: a settling-in
    session; `pickup` and `closing`: for the late pick-up fine, waived when `pickup_announced` (the parent
    phoned ahead); `closed`: the location was closed (collective closure, not charged); `exempt`: an absence
    that takes no justified day (hospitalisation, quarantine, with a doctor's certificate in time)."""

    date: date
    day_price: Decimal
    reserved_hours: Decimal | None = None
    attended_hours: Decimal | None = None
    settling_in: bool = False
    pickup: time | None = None
    closing: time | None = None
    pickup_announced: bool = False
    closed: bool = False
    exempt: bool = False
    diapers: bool = True


@dataclass(frozen=True)
class BeFees:
    diaper_full_day: Decimal = Decimal("1.82")
    diaper_half_day: Decimal = Decimal("1.09")
    admin_fee: Decimal = Decimal("4.37")
    late_pickup_per_quarter: Decimal = Decimal("15.00")


@dataclass
class BeResult:
    lines: list[Line]
    justified_used: Decimal
    full_days: int = 0
    short_days: int = 0
    justified_days: Decimal = ZERO
    unjustified_days: Decimal = ZERO
    care_hours: Decimal = ZERO


def be_month(*, days_in_month: list[BeDay], justified_left: Decimal, fees: BeFees,
             late_absence_fines: list[tuple[date, Decimal]] = (), admin_fee: bool = True) -> BeResult:
    """Lines for one month of the BE-VLG income-related day price (see the module docstring).

    `justified_left`: justified absence days still available this calendar year before this month.
    Absence days are taken in date order; a reserved day under 5 hours is half a day."""
    groups: dict[tuple, list] = {}

    def add(kind, description, quantity, unit, unit_price, **params):
        key = (kind, description, unit, Decimal(unit_price), tuple(sorted(params.items())))
        groups.setdefault(key, []).append(Decimal(quantity))

    used = ZERO
    left = Decimal(justified_left)
    result = BeResult([], ZERO)
    for day in sorted(days_in_month, key=lambda d: d.date):
        price = Decimal(day.day_price)
        if day.closed:
            continue
        if day.attended_hours is not None:
            hours = Decimal(day.attended_hours)
            result.care_hours += hours
            if day.settling_in:
                factor = SHORT_DAY
                add(CARE, gettext_noop("Settling-in session (half day, 60 %%) at %(price)s"), 1, "day",
                    cents(price * factor), price=str(price))
                result.short_days += 1
            else:
                factor = day_factor(hours)
                if factor == SHORT_DAY:
                    add(CARE, gettext_noop("Short day of care (< 5 hours, 60 %%) at %(price)s"), 1, "day",
                        cents(price * factor), price=str(price))
                    result.short_days += 1
                elif factor == LONG_DAY:
                    add(CARE, gettext_noop("Long day of care (> 11 hours, 160 %%) at %(price)s"), 1, "day",
                        cents(price * factor), price=str(price))
                    result.full_days += 1
                else:
                    add(CARE, gettext_noop("Full day of care (5–11 hours) at %(price)s"), 1, "day", cents(price),
                        price=str(price))
                    result.full_days += 1
            if day.diapers:
                if factor == SHORT_DAY:
                    add(FEE, gettext_noop("Diapers, half day"), 1, "day", fees.diaper_half_day)
                else:
                    add(FEE, gettext_noop("Diapers, full day"), 1, "day", fees.diaper_full_day)
            # A full reserved day of which the child came for a short day: half an absence day.
            absent_share = ZERO
            if (day.reserved_hours is not None and day_factor(day.reserved_hours) != SHORT_DAY
                    and factor == SHORT_DAY and not day.settling_in):
                absent_share = Decimal("0.5")
            if day.pickup is not None and day.closing is not None and not day.pickup_announced:
                quarters = late_pickup_quarters(day.pickup, day.closing)
                if quarters:
                    add(FINE, gettext_noop("Picked up after closing time (%(date)s), per started quarter"),
                        quarters, "quarter", fees.late_pickup_per_quarter, date=day.date.isoformat())
        elif day.reserved_hours is not None:
            absent_share = ONE if day_factor(day.reserved_hours) != SHORT_DAY else Decimal("0.5")
            factor = day_factor(day.reserved_hours)
        else:
            continue
        if absent_share and not day.exempt:
            justified = min(left, absent_share)
            left -= justified
            used += justified
            unjustified = absent_share - justified
            if justified:
                add(ABSENCE, gettext_noop("Justified absence (no charge)"), justified, "day", ZERO)
                result.justified_days += justified
            if unjustified:
                # 60 % of the day price of the reserved day part (a half day is itself 60 % of the day price).
                part_price = price if absent_share == ONE else cents(price * SHORT_DAY)
                add(ABSENCE, gettext_noop("Unjustified absence (60 %% of %(price)s)"),
                    unjustified if absent_share == ONE else 1, "day", cents(part_price * UNJUSTIFIED_FACTOR),
                    price=str(part_price))
                result.unjustified_days += unjustified
    for fine_day, amount in late_absence_fines:
        if Decimal(amount) > 0:
            add(FINE, gettext_noop("Absence reported after 08:00 (%(date)s)"), 1, "", amount,
                date=fine_day.isoformat())
    for (kind, description, unit, unit_price, params), quantities in groups.items():
        quantity = sum(quantities, ZERO)
        result.lines.append(line(kind, description, quantity, unit, unit_price, **dict(params)))
    if admin_fee and fees.admin_fee:
        result.lines.append(line(FEE, gettext_noop("Monthly administration fee"), 1, "", fees.admin_fee))
    order = {CARE: 0, ABSENCE: 1, FEE: 2, FINE: 3, EXTRA: 4, SETTLEMENT: 5}
    result.lines.sort(key=lambda item: order.get(item.kind, 9))
    result.justified_used = used
    return result


# --- extras, due dates ----------------------------------------------------------------------------


def extra_line(description: str, quantity, unit_price) -> Line:
    return line(EXTRA, description, quantity, "", unit_price)


def due_date(issue: date, jurisdiction: str, nl_days: int = 14) -> date:
    """BE-VLG: 21 calendar days after the invoice date (house rules 4.2.6); NL: the location's term."""
    return issue + timedelta(days=BE_DUE_DAYS if jurisdiction == "BE-VLG" else nl_days)


def months_in_year(year: int, start: date, end: date | None) -> int:
    """Months of `year` the contract runs (a month partly covered counts)."""
    count = 0
    for month in range(1, 13):
        first, last = month_bounds(year, month)
        if overlap(first, last, start, end):
            count += 1
    return count
