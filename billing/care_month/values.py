"""The care month: one contract's month as plain, immutable values (no Django), read by
`billing.care_month.selectors.care_month` and priced by `billing.tariffs.rules.invoice_lines`.

Times are exact: stays keep their recorded check-in and check-out (to the second, aware, in the location's
time zone); planned days keep their start and end time. Hours are derived from seconds only where a rule
needs them, so no rounding happens before an amount is rounded once, to the cent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from jurisdictions import Fees


class Waiting(Exception):
    """The month cannot be invoiced yet (registered hours not yet approved)."""


@dataclass(frozen=True)
class Slot:
    """A planned care day of a plan: weekday (0 = Monday) and hours."""

    weekday: int
    hours: Decimal
    seconds: int | None = None  # the exact length, when the plan gives times


def seconds_between(start: time, end: time) -> int:
    return (end.hour * 3600 + end.minute * 60 + end.second) - (start.hour * 3600 + start.minute * 60 + start.second)


def hours_of(seconds: int) -> Decimal:
    """Exact for whole minutes and to 28 digits otherwise (9 h 20 min → 9.333…, never 9.3333)."""
    return Decimal(seconds) / Decimal(3600)


@dataclass(frozen=True)
class Stay:
    """A stay in the attendance register: check-in and check-out as recorded (aware datetimes)."""

    check_in: datetime
    check_out: datetime
    late_pickup_announced: bool = False

    @property
    def seconds(self) -> int:
        return int((self.check_out - self.check_in).total_seconds())


@dataclass(frozen=True)
class Reported:
    """A parent's absence report covering the day: its kind, when it was made (aware, location time) and
    whether it takes no justified absence day (hospitalisation or quarantine with a certificate in time)."""

    kind: str
    reported_at: datetime
    exempt: bool = False


@dataclass(frozen=True)
class Day:
    """One day of the month that matters to billing: booked, attended, reported absent or closed.

    `booked`: planned (start, end) by the contract, a swap or an extra day (`source`), None when not booked;
    `stays`: the register's completed stays; `absence`: the report covering the day, if any; `closed`: the
    calendar's reasons the location is closed (tenants.calendar.rules), empty when open; `settling_in`: a
    settling-in session; `closing`: the location's closing time that weekday; `day_price`: the income tariff
    valid that day (Flanders), None when no certificate covers it."""

    date: date
    booked: tuple[time, time] | None = None
    source: str = ""
    stays: tuple[Stay, ...] = ()
    absence: Reported | None = None
    closed: tuple[str, ...] = ()
    settling_in: bool = False
    closing: time | None = None
    day_price: Decimal | None = None

    @property
    def booked_seconds(self) -> int | None:
        return seconds_between(*self.booked) if self.booked else None

    @property
    def attended_seconds(self) -> int | None:
        """Seconds of presence (all stays of the day together), None when the child did not come."""
        return sum(stay.seconds for stay in self.stays) if self.stays else None

    @property
    def pickup(self) -> datetime | None:
        return max(stay.check_out for stay in self.stays) if self.stays else None

    @property
    def pickup_announced(self) -> bool:
        return any(stay.late_pickup_announced for stay in self.stays if stay.check_out == self.pickup)


@dataclass(frozen=True)
class Version:
    """A signed contract version in force from `start` to `end` (None: open-ended): its plan as weeks of
    slots (alternating plans start with week A in the week of `reference`)."""

    start: date
    end: date | None
    weeks: tuple[tuple[Slot, ...], ...]
    reference: date
    days_per_week: Decimal = Decimal("0")
    estimated_hours_per_quarter: Decimal | None = None


@dataclass(frozen=True)
class Extra:
    description: str
    quantity: Decimal
    unit_price: Decimal


@dataclass(frozen=True)
class Settlement:
    """NL flexible: after a quarter, the advance hours invoiced (exact, from the plan) against the hours the
    register recorded (seconds), at the quarter's rate."""

    year: int
    quarter: int
    invoiced_hours: Decimal
    registered_seconds: int
    rate: Decimal


@dataclass(frozen=True)
class CareMonth:
    """Everything the tariff needs for one contract and one calendar month.

    `days`: the month's days within the contract that are booked, attended, or closed; `earlier_days`: the
    same for the year's days before this month (Flanders: the justified absence days are taken in date
    order over the whole year, whatever order months are invoiced in); `year_unpaid`: the days of the
    year that are never paid (closing weeks: NL monthly average); `paid_holidays`: public holidays of the
    year the location closes and that are paid; `closing_weeks`: the year's closing periods in weeks;
    `rate`: the hourly rate of the year (flexible rate for a flexible contract); `registered`: approved
    registered hours per day (NL childminder); `fees`: the fines and fees in force (the jurisdiction's
    defaults with the location's own amounts); `justified_full_time`: justified absence days a year for
    full-time care; `own_diapers`: the parents bring their own diapers; `absence_deadline`: the time on the
    day before which an absence must be reported (None: no fine)."""

    contract_id: int
    year: int
    month: int
    model: str
    contract_start: date
    contract_end: date | None
    versions: tuple[Version, ...]
    days: tuple[Day, ...] = ()
    earlier_days: tuple[Day, ...] = ()
    year_unpaid: frozenset[date] = frozenset()
    paid_holidays: frozenset[date] = frozenset()
    closing_weeks: Decimal = Decimal(0)
    rate: Decimal | None = None
    registered: tuple[tuple[date, Decimal], ...] = ()
    settlement: Settlement | None = None
    extras: tuple[Extra, ...] = ()
    fees: Fees = field(default_factory=Fees)
    justified_full_time: int = 0
    own_diapers: bool = False
    absence_deadline: time | None = None


@dataclass(frozen=True)
class ContractCost:
    """What a contract version costs, as its page, its signing e-mail and its PDF say it: the hours and the
    amount a month from the tariff model's own rule (billing.tariffs.rules), the hourly rate, and for a
    Flemish income tariff the day prices. `missing` says why figures are absent (no rate for the year yet, no
    income certificate yet)."""

    model: str
    year: int
    hours_a_month: Decimal | None = None
    amount_a_month: Decimal | None = None
    hourly_rate: Decimal | None = None
    average: object = None  # rules.AverageExplained (NL monthly average)
    day_prices: object = None  # rules.DayPriceExplained (BE-VLG income tariff)
    missing: str = ""
