"""Reminder (dunning) and annual-statement rules as plain functions over plain values (no Django).

NL (consumers; Burgerlijk Wetboek 6:96 and the Besluit vergoeding voor buitengerechtelijke incassokosten):
a payment reminder after the due date, then the statutory fourteen-day letter that states the collection
costs, then — fourteen days after that letter — the collection costs by the statutory scale: 15 % of the
first 2,500, 10 % of the next 2,500, 5 % of the next 5,000, 1 % of the next 190,000, 0.5 % above, at least
40.00 and at most 6,775.00.
BE-VLG (house rules 4.2.6): a formal notice after the due date with 10 % interest a year from the due date
and 25.00 costs; 15 days later, when still unpaid and no payment plan was agreed, damages of 15 % of the
invoice with a minimum of 100.00; the contract ends 30 days after the notice unless a payment plan was agreed.
All amounts rounded half-up to the cent. Every step is configurable per location (DunningSettings).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from jurisdictions import policy

CENT = Decimal("0.01")

NL_REMINDER = "nl_reminder"
NL_LETTER = "nl_letter"
NL_COLLECTION = "nl_collection"
BE_NOTICE = "be_notice"
BE_DAMAGES = "be_damages"
BE_TERMINATION = "be_termination"

WIK_BRACKETS = ((Decimal("2500"), Decimal("0.15")), (Decimal("2500"), Decimal("0.10")),
                (Decimal("5000"), Decimal("0.05")), (Decimal("190000"), Decimal("0.01")), (None, Decimal("0.005")))
WIK_MIN = Decimal("40.00")
WIK_MAX = Decimal("6775.00")


def cents(amount) -> Decimal:
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def wik_costs(principal: Decimal) -> Decimal:
    """Statutory collection costs (NL): 15 % of the first 2,500 … at least 40, at most 6,775."""
    rest, costs = Decimal(principal), Decimal("0")
    for size, rate in WIK_BRACKETS:
        part = rest if size is None else min(rest, size)
        costs += part * rate
        rest -= part
        if rest <= 0:
            break
    return min(max(cents(costs), WIK_MIN), WIK_MAX)


def interest(amount: Decimal, percent_a_year: Decimal, days: int) -> Decimal:
    """Simple interest of `percent_a_year` over `days` days (365-day year)."""
    if days <= 0:
        return Decimal("0.00")
    return cents(Decimal(amount) * Decimal(percent_a_year) / 100 * days / 365)


def be_damages(amount: Decimal, percent: Decimal, minimum: Decimal) -> Decimal:
    return max(cents(Decimal(amount) * Decimal(percent) / 100), Decimal(minimum))


@dataclass(frozen=True)
class Settings:
    nl_reminder_after_days: int = 7
    nl_letter_after_days: int = 7
    nl_letter_term_days: int = 14
    be_notice_after_days: int = 1
    be_interest_percent: Decimal = Decimal("10")
    be_notice_costs: Decimal = Decimal("25.00")
    be_damages_after_days: int = 15
    be_damages_percent: Decimal = Decimal("15")
    be_damages_minimum: Decimal = Decimal("100.00")
    be_termination_after_days: int = 30


@dataclass(frozen=True)
class Step:
    step: str
    amount: Decimal
    note: str


def next_step(*, jurisdiction: str, amount: Decimal, due: date, today: date, done: dict[str, date],
              settings: Settings = Settings(), payment_plan: bool = False) -> Step | None:
    """The reminder step due on `today` for an unpaid invoice of `amount`, given the steps `done` (step →
    date); None when nothing is due. One step at a time, in order, by the jurisdiction's dunning scheme."""
    if today <= due:
        return None
    return SCHEMES[policy(jurisdiction).dunning](amount=amount, due=due, today=today, done=done,
                                                 settings=settings, payment_plan=payment_plan)


def be_notice_step(*, amount: Decimal, due: date, today: date, done: dict[str, date], settings: Settings,
                   payment_plan: bool) -> Step | None:
    """Flemish house rules 4.2.6: formal notice, damages after 15 days, the contract ends after 30."""
    notice = done.get(BE_NOTICE)
    if notice is None:
        if today >= due + timedelta(days=settings.be_notice_after_days):
            costs = settings.be_notice_costs + interest(amount, settings.be_interest_percent, (today - due).days)
            return Step(BE_NOTICE, cents(costs), f"interest {settings.be_interest_percent} % a year and costs "
                                                 f"{settings.be_notice_costs}")
        return None
    if payment_plan:
        return None
    if BE_DAMAGES not in done and today >= notice + timedelta(days=settings.be_damages_after_days):
        more_interest = interest(amount, settings.be_interest_percent, (today - notice).days)
        damages = be_damages(amount, settings.be_damages_percent, settings.be_damages_minimum)
        return Step(BE_DAMAGES, cents(damages + more_interest), f"damages {settings.be_damages_percent} %, "
                                                               f"at least {settings.be_damages_minimum}")
    if BE_TERMINATION not in done and today >= notice + timedelta(days=settings.be_termination_after_days):
        return Step(BE_TERMINATION, Decimal("0.00"), "contract ended")
    return None


def nl_wik_step(*, amount: Decimal, due: date, today: date, done: dict[str, date], settings: Settings,
                payment_plan: bool) -> Step | None:
    """BW 6:96: reminder, the fourteen-day letter, then the statutory collection costs."""
    reminder = done.get(NL_REMINDER)
    if reminder is None:
        if today >= due + timedelta(days=settings.nl_reminder_after_days):
            return Step(NL_REMINDER, Decimal("0.00"), "payment reminder")
        return None
    letter = done.get(NL_LETTER)
    if letter is None:
        if today >= reminder + timedelta(days=settings.nl_letter_after_days):
            return Step(NL_LETTER, Decimal("0.00"), f"pay within {settings.nl_letter_term_days} days, or collection "
                                                    f"costs of {wik_costs(amount)} are due")
        return None
    if payment_plan:
        return None
    if NL_COLLECTION not in done and today > letter + timedelta(days=settings.nl_letter_term_days):
        return Step(NL_COLLECTION, wik_costs(amount), "statutory collection costs")
    return None


# The dunning schemes by the name a jurisdiction policy gives (jurisdictions.Policy.dunning).
SCHEMES = {"nl_wik": nl_wik_step, "be_notice": be_notice_step}


# --- annual statements -----------------------------------------------------------------------------


def statement_period(kind: str, year: int) -> tuple[date, date]:
    """NL jaaropgave: the calendar year. BE-VLG fiscal certificate: December of the year before until
    November of `year`."""
    if kind == "be_fiscal":
        return date(year - 1, 12, 1), date(year, 11, 30)
    return date(year, 1, 1), date(year, 12, 31)
