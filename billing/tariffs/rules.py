"""Tariff models as plain functions over plain values (no Django). Money is Decimal in euros.

`invoice_lines(care_month)` is the one entry: it turns a contract's month (billing.care_month.values,
read once by billing.care_month.selectors) into invoice lines. Sources: the Thuishuis information guide
(seed 001, 2.1–2.3) and the house rules of a Flemish day-care centre (seed 003, 4.2–4.3). Each rule has a
table test under tests/billing/ naming its source.

Rounding, once: every amount on an invoice (a line) is rounded half-up to the cent (`cents`) once, from
exact values — planned and attended time in seconds (9 h 20 min is 9.333…, never 9.3333), flexible advances
as exact fractions. A Flemish day price is rounded per day, as the price list shows it (60 % of 25.01 is 15.01
a short day), and a line is quantity × that price.

NL monthly average (`nl_average_explained`, `nl_average_month`, `nl_closure_deduction`)
    The convention: the plan's care days of the calendar year are counted one by one, leaving out the days
    of the location's closing weeks (not paid) and counting the public holidays outside them (paid); their
    hours ÷ 12 × the hourly rate of that year and care type is the monthly amount, invoiced twelve times. A
    contract version is averaged as if it ran all year and billed for the calendar days it is in force (a
    month it covers partly: pro rata by calendar days). A childminder's closure for sickness or absence is
    never charged (2.3) and leaves the average alone: its planned hours come off the month it falls in. The
    invoice line and the contract's tariff page show the terms: hours a week, weeks open of the year's ISO
    weeks, care days, public holidays paid, hours a year ÷ 12, rate.
    Worked example: Monday and Thursday 10.5 h in 2026, closing weeks 30, 31, 32 and 52, rate 10.25 →
    97 days, 1018.5 h a year, 84.875 h a month, 869.97 a month.
NL flexible (`nl_flexible_month`, `nl_flexible_settlement`)
    The parent's estimate of hours per three months, divided by 3, times the (flexible) hourly rate; after
    the quarter the registered hours are settled against the advances invoiced (difference × rate, + or −).
NL registered hours (`nl_registered_month`)
    A childminder registers hours per day; the parent approves them (automatically after 7 days, with a
    notice); the month is invoiced after approval at the hourly rate.
BE-VLG income-related day price (`be_month`)
    The family's income tariff (amount per day) from its certificate. A day of care from exactly 5 hours of
    presence (all stays of the day, to the second) up to 11 hours: 100 %; under 5 hours: 60 %; over 11 hours:
    160 % (Kind en Gezin; the house rules speak of 5 to 11 hours only). Settling-in sessions are half days.
    Justified absence days per calendar year: the location's full-time number (at least 18) × days a week / 5
    of the plan in force each month the contract runs ÷ 12, to half days; taken in date order over the whole
    year from the register's facts (`justified_left`), so the order months are invoiced in, or a credit note,
    changes nothing. A reserved day the child does not come is a justified absence day while they last, then
    unjustified at 60 % of the reserved day part (a reserved day under 5 hours counts as half a day). Fines:
    an absence reported at or after 08:00 on the day, or never reported, 10.00 for that booked day (plus the
    absence day); pick-up after closing time: 15.00 per started quarter of an hour unless announced. Fees:
    diapers per day of care (full or half day price; the reduced price when the parents bring their own), a
    monthly administration fee. The amounts are the jurisdiction's (jurisdictions.be_vlg) unless the
    location set its own (TariffSettings).
All models: extras (meals, travel costs, one-off costs) as lines of quantity × price.
"""
from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from jurisdictions import POLICIES, Fees, be_vlg

from billing.care_month.values import CareMonth, Day, Slot, hours_of
from tenants.calendar.rules import CHILDMINDER_CLOSURE
from tenants.contracts.rules import schedule_for_date

CENT = Decimal("0.01")
ZERO = Decimal("0")
ONE = Decimal("1")
TWELVE = Decimal("12")

NL_MONTHLY_AVERAGE = "nl_monthly_average"
NL_FLEXIBLE = "nl_flexible"
NL_REGISTERED = "nl_registered"
BE_DAY_PRICE = "be_day_price"
MODELS = (NL_MONTHLY_AVERAGE, NL_FLEXIBLE, NL_REGISTERED, BE_DAY_PRICE)
#: The jurisdiction each tariff model belongs to (from the policy table).
MODEL_JURISDICTION = {model: entry.code for entry in POLICIES.values() for model in entry.tariff_models}

FULL_DAY = Decimal("1")
SHORT_DAY = Decimal("0.6")
LONG_DAY = Decimal("1.6")
FULL_DAY_MIN_HOURS = Decimal("5")
FULL_DAY_MAX_HOURS = Decimal("11")
UNJUSTIFIED_FACTOR = Decimal("0.6")
MIN_JUSTIFIED_DAYS = 18
LATE_PICKUP_QUARTER = 15  # minutes
AUTO_APPROVE_DAYS = 7

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
    """The planned care day on `day`; an alternating plan starts with week A in the week of `reference`
    (the contract's own reckoning, tenants.contracts.rules.schedule_for_date)."""
    return schedule_for_date(weeks, reference, day)


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


@dataclass(frozen=True)
class AverageExplained:
    """How a monthly average came about, as the contract's tariff page and the invoice both show it:
    hours a week of the plan, the care days of the year outside the closing weeks (of which public holidays,
    paid), the yearly hours, ÷ 12, times the rate."""

    year: int
    hours_a_week: Decimal
    weeks_in_year: int
    closing_weeks: Decimal  # the closing periods in weeks, to a tenth (tenants.calendar.rules.closing_weeks_of)
    care_days: int
    holidays_paid: int
    yearly_hours: Decimal
    rate: Decimal
    yearly_seconds: int | None = None  # exact, when the plan gives times

    @property
    def open_weeks(self) -> Decimal:
        return self.weeks_in_year - Decimal(self.closing_weeks)

    @property
    def monthly_hours(self) -> Decimal:
        return nl_monthly_hours(self.yearly_hours)

    @property
    def monthly_amount(self) -> Decimal:
        """Rounded once, from the exact yearly time: seconds × rate ÷ (3600 × 12) in one division."""
        if self.yearly_seconds is not None:
            return cents(Decimal(self.yearly_seconds) * Decimal(self.rate) / (3600 * TWELVE))
        return nl_monthly_amount(self.yearly_hours, self.rate)

    def part(self, covered: int, month_days: int) -> Decimal:
        """The amount for `covered` of `month_days` calendar days, rounded once."""
        if self.yearly_seconds is not None:
            return cents(Decimal(self.yearly_seconds) * Decimal(self.rate) * covered / (3600 * TWELVE * month_days))
        return cents(self.yearly_hours * Decimal(self.rate) / TWELVE * covered / month_days)

    def params(self) -> dict:
        return {"per_week": _fmt(self.hours_a_week), "days": self.care_days, "year": self.year,
                "open_weeks": _fmt(self.open_weeks), "weeks": self.weeks_in_year, "holidays": self.holidays_paid,
                "yearly": _fmt(self.yearly_hours), "monthly": _fmt(self.monthly_hours), "rate": _fmt(self.rate)}


_AVERAGES: dict[tuple, AverageExplained] = {}


def nl_average_explained(weeks, reference: date, year: int, unpaid: set[date], rate, *,
                         paid_holidays: set[date] = frozenset(), closing_weeks: Decimal = ZERO) -> AverageExplained:
    """The monthly average of a plan for `year` with each of its terms (the convention of the module
    docstring): the one calculation behind the invoice line and the contract's tariff page.

    It walks every day of the year, and a location's contracts share a few plans, so each result is kept for
    the same plan, year, days and rate (written exactly: 9.5 and 9.50 hours are not the same key, the text
    shows them). Pure, so a kept result never goes stale. A plan of one week is the same on every reference
    date; only an alternating plan's week A depends on it."""
    key = (tuple(tuple((slot.weekday, str(slot.hours), slot.seconds) for slot in week) for week in weeks),
           reference if len(weeks) > 1 else None, year, frozenset(unpaid), str(rate), frozenset(paid_holidays),
           str(closing_weeks))
    found = _AVERAGES.get(key)
    if found is None:
        if len(_AVERAGES) >= 4096:
            _AVERAGES.clear()
        found = _AVERAGES[key] = _average_explained(weeks, reference, year, unpaid, rate,
                                                    paid_holidays=paid_holidays, closing_weeks=closing_weeks)
    return found


def _average_explained(weeks, reference: date, year: int, unpaid: set[date], rate, *,
                       paid_holidays: set[date], closing_weeks: Decimal) -> AverageExplained:
    from tenants.calendar.rules import weeks_in_iso_year

    found = planned_days(weeks, reference, date(year, 1, 1), date(year, 12, 31), unpaid)
    per_week = (sum((Decimal(slot.hours) for week in weeks for slot in week), ZERO) / len(weeks)) if weeks else ZERO
    exact = all(slot.seconds is not None for week in weeks for slot in week)
    seconds = sum(slot_on(weeks, reference, day).seconds for day, _hours in found) if exact else None
    return AverageExplained(
        year=year, hours_a_week=per_week, weeks_in_year=weeks_in_iso_year(year), closing_weeks=closing_weeks,
        care_days=len(found), holidays_paid=sum(1 for day, _hours in found if day in paid_holidays),
        yearly_hours=hours_of(seconds) if exact else sum((hours for _day, hours in found), ZERO), rate=Decimal(rate),
        yearly_seconds=seconds)


def nl_average_month(*, year: int, month: int, segments: list[Segment], unpaid: set[date], rate: Decimal,
                     paid_holidays: set[date] = frozenset(), closing_weeks: Decimal = ZERO) -> list[Line]:
    """Lines for one month of the NL monthly average: per contract version in force that month, the
    monthly amount from its yearly average (rounded once, from the exact yearly hours), pro rata by calendar
    days when it covers the month partly. Each line says how the amount was reached."""
    month_start, month_end = month_bounds(year, month)
    month_days = (month_end - month_start).days + 1
    lines = []
    for segment in segments:
        covered = covered_days(month_start, month_end, segment.start, segment.end)
        if not covered:
            continue
        explained = nl_average_explained(segment.weeks, segment.reference, year, unpaid, rate,
                                         paid_holidays=paid_holidays, closing_weeks=closing_weeks)
        if covered == month_days:
            lines.append(line(CARE, gettext_noop(
                "Childcare %(month)s: %(per_week)s hours a week; %(days)s care days in %(year)s (open %(open_weeks)s "
                "of %(weeks)s weeks, %(holidays)s public holidays paid) = %(yearly)s hours a year ÷ 12 = "
                "%(monthly)s hours a month × %(rate)s"),
                explained.monthly_hours, "h", rate, explained.monthly_amount, month=f"{year}-{month:02d}",
                **explained.params()))
        else:
            hours = explained.monthly_hours * covered / month_days
            lines.append(line(CARE, gettext_noop(
                "Childcare %(month)s, %(covered)s of %(month_days)s days: %(per_week)s hours a week; %(days)s care "
                "days in %(year)s (open %(open_weeks)s of %(weeks)s weeks, %(holidays)s public holidays paid) = "
                "%(yearly)s hours a year ÷ 12 × %(covered)s/%(month_days)s × %(rate)s"), hours, "h", rate,
                explained.part(covered, month_days),
                month=f"{year}-{month:02d}", covered=covered, month_days=month_days, **explained.params()))
    return lines


def nl_closure_deduction(*, days_in_month: list[tuple[date, Slot]], rate: Decimal) -> list[Line]:
    """A childminder's closure (sickness, absence) is never charged (seed 001, 2.3), while the monthly
    average counts those days: the planned hours of the closed days come off in the month of the closure,
    in one line (rounded once, from the exact planned time). `days_in_month`: (date, planned slot) of the
    closed contract days."""
    if not days_in_month:
        return []
    slots = [slot for _day, slot in days_in_month]
    dates = ", ".join(f"{day:%d-%m}" for day, _slot in sorted(days_in_month, key=lambda item: item[0]))
    if all(slot.seconds is not None for slot in slots):
        seconds = sum(slot.seconds for slot in slots)
        hours, amount = hours_of(seconds), cents(-Decimal(seconds) * Decimal(rate) / 3600)
    else:
        hours = sum((Decimal(slot.hours) for slot in slots), ZERO)
        amount = cents(-hours * Decimal(rate))
    return [line(CARE, gettext_noop("Closed by the childminder (%(dates)s): no fee for the planned hours"),
                 -hours, "h", rate, amount, dates=dates)]


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
    """Share of the day price for a day of care of `hours` (exact): < 5 h 60 %, 5–11 h 100 %, > 11 h 160 %."""
    hours = Decimal(hours)
    if hours < FULL_DAY_MIN_HOURS:
        return SHORT_DAY
    if hours <= FULL_DAY_MAX_HOURS:
        return FULL_DAY
    return LONG_DAY


def be_day_price(income_tariff, factor=FULL_DAY) -> Decimal:
    """The price of one day at the family's income tariff: the share `factor` (100 %, 60 %, 160 %) of it, rounded
    per day as the price list shows it (seed 003, 4.2.1; the module docstring)."""
    return cents(Decimal(income_tariff) * factor)


@dataclass(frozen=True)
class DayPriceExplained:
    """What a Flemish care plan costs at an income tariff, as the contract shows it: the price of a full day
    (5–11 hours), a short day (< 5 hours, 60 %) and a long day (> 11 hours, 160 %); the plan's days of the year
    the location is open, each at the price of its planned length; their hours and amount ÷ 12 a month."""

    year: int
    income_tariff: Decimal
    hours_a_week: Decimal
    care_days: int
    short_days: int
    long_days: int
    yearly_hours: Decimal
    yearly_amount: Decimal

    @property
    def full_day_price(self) -> Decimal:
        return be_day_price(self.income_tariff, FULL_DAY)

    @property
    def short_day_price(self) -> Decimal:
        return be_day_price(self.income_tariff, SHORT_DAY)

    @property
    def long_day_price(self) -> Decimal:
        return be_day_price(self.income_tariff, LONG_DAY)

    @property
    def monthly_hours(self) -> Decimal:
        return Decimal(self.yearly_hours) / TWELVE

    @property
    def monthly_amount(self) -> Decimal:
        """The year's day prices ÷ 12, rounded once (an average: each month is invoiced by its own days)."""
        return cents(Decimal(self.yearly_amount) / TWELVE)


def be_day_price_explained(weeks, reference: date, year: int, closed: set[date], income_tariff) -> DayPriceExplained:
    """The plan's reserved days of `year` outside the days the location is closed (not charged in Flanders,
    tenants.calendar.rules.is_billable), each at `be_day_price` of its planned length (`day_factor`)."""
    found = planned_days(weeks, reference, date(year, 1, 1), date(year, 12, 31), closed)
    per_week = (sum((Decimal(slot.hours) for week in weeks for slot in week), ZERO) / len(weeks)) if weeks else ZERO
    factors = [day_factor(hours) for _day, hours in found]
    return DayPriceExplained(
        year=year, income_tariff=Decimal(income_tariff), hours_a_week=per_week, care_days=len(found),
        short_days=factors.count(SHORT_DAY), long_days=factors.count(LONG_DAY),
        yearly_hours=sum((hours for _day, hours in found), ZERO),
        yearly_amount=sum((be_day_price(income_tariff, factor) for factor in factors), ZERO))


def justified_quota(*, full_time_days: int, days_per_week, months_in_year: int) -> Decimal:
    """Justified absence days for a calendar year: the full-time number pro rata of the plan (days per
    week / 5) and of the months the contract runs that year, rounded half-up to half days."""
    share = min(Decimal(days_per_week) / 5, ONE) * Decimal(months_in_year) / TWELVE
    return half_days(Decimal(full_time_days) * share)


def justified_quota_of_months(*, full_time_days: int, days_per_week_by_month: list) -> Decimal:
    """The year's quota when the plan changes within the year: each month the contract runs counts for
    1/12 of the full-time number at the days per week of the plan in force that month (seed 003, 4.3.1:
    part-time care and part of a year "verhoudingsgewijs"), rounded once, to half days."""
    share = sum((min(Decimal(per_week) / 5, ONE) for per_week in days_per_week_by_month), ZERO) / TWELVE
    return half_days(Decimal(full_time_days) * share)


def late_pickup_quarters(pickup: time, closing: time) -> int:
    """Started quarters of an hour after closing time, to the second: 18:30:00 after 18:30 → 0; 18:30:01 → 1;
    18:45:00 → 1; 18:45:01 → 2."""
    late = (pickup.hour * 3600 + pickup.minute * 60 + pickup.second) - (
        closing.hour * 3600 + closing.minute * 60 + closing.second)
    if late <= 0:
        return 0
    return -(-late // (LATE_PICKUP_QUARTER * 60))


def reported_late(reported_at: datetime, day: date, deadline: time) -> bool:
    """An absence on `day` reported at or after the deadline that day (both in the location's time)."""
    return reported_at >= datetime.combine(day, deadline, tzinfo=reported_at.tzinfo)


@dataclass(frozen=True)
class BeDay:
    """One day of the month for a BE-VLG child.

    `reserved_hours`: hours of the care plan that day (None: not reserved); `attended_hours`: exact hours of
    presence (None: did not come); `day_price`: the income tariff valid that day; `settling_in`: a settling-in
    session; `pickup` and `closing`: for the late pick-up fine, waived when `pickup_announced` (the parent
    phoned ahead); `closed`: the location was closed (collective closure, not charged); `exempt`: an absence
    that takes no justified day (hospitalisation, quarantine, with a doctor's certificate in time);
    `reported_late` / `unreported`: the absence was reported at or after the deadline, or never (a fine
    each); `diapers`: diapers are charged, at the reduced price when `own_diapers`."""

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
    own_diapers: bool = False
    reported_late: bool = False
    unreported: bool = False


def BeFees(**amounts) -> Fees:  # noqa: N802 (reads as the value it makes)
    """The Flemish fees of the house rules (seed 003, 4.2.4), with some amounts of a location's own."""
    return replace(be_vlg.POLICY.fees, **amounts)


@dataclass
class BeResult:
    lines: list[Line]
    justified_used: Decimal
    full_days: int = 0
    short_days: int = 0
    justified_days: Decimal = ZERO
    unjustified_days: Decimal = ZERO
    care_hours: Decimal = ZERO


def care_factor(day: BeDay) -> Decimal | None:
    """The share of the day price billed for care on `day`, None when the child did not come (a settling-in
    session is a half day, registered or not)."""
    if day.closed and day.attended_hours is None:
        return None
    if day.settling_in:
        return SHORT_DAY
    if day.attended_hours is None:
        return None
    return day_factor(day.attended_hours)


def absence_share(day: BeDay) -> Decimal:
    """The absence day (or half day) a reserved day takes (seed 003, 4.3.2): a reserved full day not come
    → 1; a reserved full day come for a short day → ½; a reserved short day not come → ½. Closed days and
    certified absences take none."""
    if day.reserved_hours is None or day.closed or day.settling_in:
        return ZERO
    reserved_full = day_factor(day.reserved_hours) != SHORT_DAY
    factor = care_factor(day)
    if factor is None:
        return ZERO if day.exempt else (ONE if reserved_full else Decimal("0.5"))
    return Decimal("0.5") if reserved_full and factor == SHORT_DAY else ZERO


def justified_left(quota: Decimal, earlier_days: list[BeDay]) -> Decimal:
    """What is left of the year's quota after the absence days of the year before this month, taken in
    date order (the same days always take the same justified days, whatever order months are invoiced in,
    re-invoiced or credited)."""
    used = sum((absence_share(day) for day in earlier_days), ZERO)
    return max(Decimal(quota) - used, ZERO)


def be_month(*, days_in_month: list[BeDay], justified_left: Decimal, fees: Fees,
             late_absence_fines: list[tuple[date, Decimal]] = (), admin_fee: bool = True) -> BeResult:
    """Lines for one month of the BE-VLG income-related day price (see the module docstring).

    `justified_left`: justified absence days still available this calendar year before this month.
    Absence days are taken in date order; a reserved day under 5 hours is half a day. A day price is rounded
    per day, as the price list shows it (60 % and 160 % of the income tariff); each line is quantity × that
    price, rounded once. `late_absence_fines`: fines decided elsewhere, (date, amount)."""
    groups: dict[tuple, list] = {}

    def add(kind, description, quantity, unit, unit_price, **params):
        key = (kind, description, unit, Decimal(unit_price), tuple(sorted(params.items())))
        groups.setdefault(key, []).append(Decimal(quantity))

    used = ZERO
    left = Decimal(justified_left)
    result = BeResult([], ZERO)
    fines = list(late_absence_fines)
    for day in sorted(days_in_month, key=lambda d: d.date):
        price = Decimal(day.day_price)
        factor = care_factor(day)
        if factor is not None:
            result.care_hours += Decimal(day.attended_hours or 0)
            if day.settling_in:
                add(CARE, gettext_noop("Settling-in session (half day, 60 %%) at %(price)s"), 1, "day",
                    be_day_price(price, factor), price=str(price))
                result.short_days += 1
            elif factor == SHORT_DAY:
                add(CARE, gettext_noop("Short day of care (< 5 hours, 60 %%) at %(price)s"), 1, "day",
                    be_day_price(price, factor), price=str(price))
                result.short_days += 1
            elif factor == LONG_DAY:
                add(CARE, gettext_noop("Long day of care (> 11 hours, 160 %%) at %(price)s"), 1, "day",
                    be_day_price(price, factor), price=str(price))
                result.full_days += 1
            else:
                add(CARE, gettext_noop("Full day of care (5–11 hours) at %(price)s"), 1, "day", be_day_price(price),
                    price=str(price))
                result.full_days += 1
            if day.diapers:
                half = factor == SHORT_DAY
                if day.own_diapers:
                    add(FEE, gettext_noop("Diapers of your own, half day") if half else gettext_noop(
                        "Diapers of your own, full day"), 1, "day",
                        fees.diaper_own_half_day if half else fees.diaper_own_full_day)
                else:
                    add(FEE, gettext_noop("Diapers, half day") if half else gettext_noop("Diapers, full day"), 1,
                        "day", fees.diaper_half_day if half else fees.diaper_full_day)
            if day.pickup is not None and day.closing is not None and not day.pickup_announced:
                quarters = late_pickup_quarters(day.pickup, day.closing)
                if quarters:
                    add(FINE, gettext_noop("Picked up after closing time (%(date)s), per started quarter"),
                        quarters, "quarter", fees.late_pickup_per_quarter, date=day.date.isoformat())
        elif day.reserved_hours is None or day.closed:
            continue
        share = absence_share(day)
        if factor is None and not day.exempt:
            if day.unreported and fees.unreported_absence:
                fines.append((day.date, fees.unreported_absence, "unreported"))
            elif day.reported_late and fees.late_absence_report:
                fines.append((day.date, fees.late_absence_report, "late"))
        if share:
            justified = min(left, share)
            left -= justified
            used += justified
            unjustified = share - justified
            if justified:
                add(ABSENCE, gettext_noop("Justified absence (no charge)"), justified, "day", ZERO)
                result.justified_days += justified
            if unjustified:
                # 60 % of the day price of the reserved day part (a half day is itself 60 % of the day price,
                # as the price list shows it).
                part_price = price if share == ONE else be_day_price(price, SHORT_DAY)
                add(ABSENCE, gettext_noop("Unjustified absence (60 %% of %(price)s)"),
                    unjustified if share == ONE else 1, "day", cents(part_price * UNJUSTIFIED_FACTOR),
                    price=str(part_price))
                result.unjustified_days += unjustified
    for fine in fines:
        fine_day, amount, why = (*fine, "late")[:3]
        if Decimal(amount) > 0:
            add(FINE, gettext_noop("Absence not reported (%(date)s)") if why == "unreported" else gettext_noop(
                "Absence reported after 08:00 (%(date)s)"), 1, "", amount, date=fine_day.isoformat())
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


def due_date(issue: date, days: int) -> date:
    """The invoice date plus the payment term: the jurisdiction's fixed term (Flanders: 21 calendar days,
    house rules 4.2.6) or else the location's own (jurisdictions.Policy.invoice_due_days)."""
    return issue + timedelta(days=days)


def months_in_year(year: int, start: date, end: date | None) -> int:
    """Months of `year` the contract runs (a month partly covered counts)."""
    count = 0
    for month in range(1, 13):
        first, last = month_bounds(year, month)
        if overlap(first, last, start, end):
            count += 1
    return count


# --- one contract's month ---------------------------------------------------------------------------


def segments_of(month: CareMonth) -> list[Segment]:
    return [Segment(v.start, v.end, [list(week) for week in v.weeks], v.reference) for v in month.versions]


def nl_closure_days(month: CareMonth) -> list[tuple[date, Slot]]:
    """(date, planned slot) of the month's contract days closed by the childminder (seed 001, 2.3), except
    the days the monthly average never counts anyway (closing weeks). Also used for the credit note when a
    closure is recorded after the month was invoiced (billing.invoices.closures)."""
    closed = []
    for day in month.days:
        version = version_on(month, day.date)
        if CHILDMINDER_CLOSURE not in day.closed or version is None or day.date in month.year_unpaid:
            continue
        slot = slot_on([list(week) for week in version.weeks], version.reference, day.date)
        if slot is not None:
            closed.append((day.date, slot))
    return closed


def version_on(month: CareMonth, day: date):
    return next((v for v in month.versions if v.start <= day and (v.end is None or day <= v.end)), None)


def be_days(month: CareMonth, days_of: tuple[Day, ...]) -> list[BeDay]:
    """The Flemish view of some days of the care month (this month's, or the year's before it)."""
    found = []
    for day in days_of:
        attended = day.attended_seconds
        if day.booked is None and attended is None and not day.settling_in:
            continue
        pickup = day.pickup
        unreported = day.booked is not None and attended is None and day.absence is None and not day.closed
        late = (day.absence is not None and month.absence_deadline is not None
                and reported_late(day.absence.reported_at, day.date, month.absence_deadline))
        found.append(BeDay(
            date=day.date, day_price=day.day_price if day.day_price is not None else ZERO,
            reserved_hours=hours_of(day.booked_seconds) if day.booked else None,
            attended_hours=hours_of(attended) if attended is not None else (ZERO if day.settling_in else None),
            settling_in=day.settling_in, pickup=pickup.time() if pickup else None, closing=day.closing,
            pickup_announced=day.pickup_announced, closed=bool(day.closed) and attended is None,
            exempt=bool(day.absence and day.absence.exempt) and attended is None, own_diapers=month.own_diapers,
            reported_late=late and attended is None, unreported=unreported))
    return found


def be_quota(month: CareMonth) -> Decimal:
    """The contract's justified absence days of the year: each month it runs at the plan in force on the
    first day it runs that month."""
    per_week = []
    for number in range(1, 13):
        first, last = month_bounds(month.year, number)
        span = overlap(first, last, month.contract_start, month.contract_end)
        if span is None:
            continue
        version = version_on(month, span[0]) or (month.versions[-1] if month.versions else None)
        per_week.append(version.days_per_week if version else ZERO)
    return justified_quota_of_months(full_time_days=month.justified_full_time, days_per_week_by_month=per_week)


def invoice_lines(month: CareMonth) -> list[Line]:
    """The lines of one contract's invoice for the month (English templates with parameters; the caller
    translates): the tariff model's lines, then the agreed extras. Pure: the same care month always gives
    the same lines."""
    lines: list[Line] = []
    if month.model == NL_MONTHLY_AVERAGE:
        lines += nl_average_month(year=month.year, month=month.month, segments=segments_of(month),
                                  unpaid=month.year_unpaid, rate=month.rate, paid_holidays=month.paid_holidays,
                                  closing_weeks=month.closing_weeks)
        lines += nl_closure_deduction(days_in_month=nl_closure_days(month), rate=month.rate)
    elif month.model == NL_FLEXIBLE:
        start, end = month_bounds(month.year, month.month)
        for version in month.versions:
            covered = covered_days(start, end, version.start, version.end)
            if covered and version.estimated_hours_per_quarter:
                lines += nl_flexible_month(estimate_per_quarter=version.estimated_hours_per_quarter,
                                           rate=month.rate, year=month.year, month=month.month, covered=covered)
        if month.settlement is not None and month.settlement.invoiced_hours:
            settle = month.settlement
            lines += nl_flexible_settlement(invoiced_hours=settle.invoiced_hours,
                                            registered_hours=hours_of(settle.registered_seconds), rate=settle.rate,
                                            year=settle.year, quarter=settle.quarter)
    elif month.model == NL_REGISTERED:
        lines += nl_registered_month(hours_by_day=list(month.registered), rate=month.rate, year=month.year,
                                     month=month.month)
    elif month.model == BE_DAY_PRICE:
        left = justified_left(be_quota(month), be_days(month, month.earlier_days))
        lines += be_month(days_in_month=be_days(month, month.days), justified_left=left, fees=month.fees).lines
    else:
        raise ValueError(f"unknown tariff model {month.model!r}")
    lines += [extra_line(extra.description, extra.quantity, extra.unit_price) for extra in month.extras]
    return lines


def flexible_advance_hours(versions, year: int, months: list[int]) -> Decimal:
    """The advance hours invoiced for `months` of `year` (exact: estimate ÷ 3, pro rata by calendar days),
    recomputed from the plan rather than summed from stored, rounded quantities."""
    found = Fraction(0)
    for number in months:
        start, end = month_bounds(year, number)
        month_days = (end - start).days + 1
        for version in versions:
            covered = covered_days(start, end, version.start, version.end)
            if covered and version.estimated_hours_per_quarter:
                found += Fraction(Decimal(version.estimated_hours_per_quarter)) / 3 * covered / month_days
    return Decimal(found.numerator) / Decimal(found.denominator)

