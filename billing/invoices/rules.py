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

from billing.care_month.values import Slot
from billing.tariffs.rules import nl_closure_deduction

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


# --- childminder closures ---------------------------------------------------------------------------


def closure_credit(*, closed: list[tuple[date, Slot]], credited: set[date], rate: Decimal,
                   remaining: Decimal) -> tuple[list[tuple[date, Decimal]], Decimal]:
    """Seed 001, 2.3: while a childminder is closed for sickness or absence no parental contribution is
    charged. For a month invoiced before the closure was recorded: the closed contract days with their planned
    slot (`closed`, picked as the monthly run picks them), less the days credited before, priced as the run
    deducts a closure (nl_closure_deduction: exact planned time × rate, rounded once); at most what is not
    credited yet. Returns ([(day, hours)], amount); ([], 0) when there is nothing to credit."""
    days = sorted((day, slot) for day, slot in closed if day not in credited)
    deduction = nl_closure_deduction(days_in_month=days, rate=rate)
    amount = min(-deduction[0].amount, remaining) if deduction else Decimal("0.00")
    if amount <= 0:
        return [], Decimal("0.00")
    return [(day, Decimal(slot.hours)) for day, slot in days], amount


# --- annual statements -----------------------------------------------------------------------------
#
# NL jaaropgave (for the childcare allowance, Wet kinderopvang): per child and paying parent the hours of care
# of the calendar year, the hourly rate, what was invoiced and paid, the LRK number. Hours credited for a
# childminder's closure (seed 001, 2.3) are not care.
# BE-VLG fiscal certificate, model 281.86 of the FOD Financiën (art. 145/35 WIB 92; circular 2022/C/104):
# only days on which the child was actually cared for and only what was paid for them, the invoice paid in
# full; not amounts charged for absence, not meals or other separately charged costs (diapers), not
# sanctions (fines, reminder costs) and not administration fees. Each day price actually received is listed
# with its days. The period follows the house rules (seed 003, 4.2.5): December to November.
# Made only once the period has ended, never for a running year.


@dataclass(frozen=True)
class StatementLine:
    kind: str          # InvoiceLine.Kind: care, absence, fee, fine, extra, settlement
    unit: str          # "h", "day" or ""
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal


@dataclass(frozen=True)
class StatementInvoice:
    total: Decimal
    credited: Decimal
    paid: bool
    lines: tuple[StatementLine, ...]
    credited_hours: Decimal = Decimal("0")  # closed hours credited (NL childminder closures)


@dataclass(frozen=True)
class Figures:
    hours: Decimal = Decimal("0")
    days: Decimal = Decimal("0")
    hourly_rate: Decimal | None = None
    day_rates: tuple[tuple[Decimal, Decimal, Decimal], ...] = ()  # (day price, days, amount paid)
    amount_invoiced: Decimal = Decimal("0.00")
    amount_paid: Decimal = Decimal("0.00")


def statement_ready(period_end: date, today: date) -> bool:
    """A statement is made only once its period has ended: from the day after its last day."""
    return today > period_end


def nl_jaaropgave(invoices: list[StatementInvoice]) -> Figures:
    """Hours of care (less hours credited for closures), the average hourly rate of that care, what was
    invoiced (less credit notes) and what of it was paid."""
    hours = care_amount = Decimal("0")
    for invoice in invoices:
        for line in invoice.lines:
            if line.kind in ("care", "settlement") and line.unit == "h":
                hours += line.quantity
                care_amount += line.amount
        hours -= invoice.credited_hours
    invoiced = sum((i.total - i.credited for i in invoices), Decimal("0.00"))
    paid = sum((i.total - i.credited for i in invoices if i.paid), Decimal("0.00"))
    gross_hours = hours + sum((i.credited_hours for i in invoices), Decimal("0"))
    rate = (care_amount / gross_hours).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP) if gross_hours else None
    return Figures(hours=hours, hourly_rate=rate, amount_invoiced=cents(invoiced), amount_paid=cents(paid))


def be_fiscal_certificate(invoices: list[StatementInvoice]) -> Figures:
    """Days of care and the amounts paid for them (model 281.86). A partly credited invoice counts its care
    for the share not credited; an invoice not paid in full counts for nothing paid."""
    invoiced = Decimal("0")
    rates: dict[Decimal, list[Decimal]] = {}
    for invoice in invoices:
        care = [line for line in invoice.lines if line.kind == "care" and line.unit == "day"]
        share = (invoice.total - invoice.credited) / invoice.total if invoice.total else Decimal("0")
        invoiced += sum((line.amount for line in care), Decimal("0")) * share
        if not invoice.paid or share <= 0:
            continue
        for line in care:
            days, amount = rates.setdefault(cents(line.unit_price), [Decimal("0"), Decimal("0")])
            rates[cents(line.unit_price)] = [days + line.quantity, amount + line.amount * share]
    day_rates = tuple((price, days, cents(amount)) for price, (days, amount) in sorted(rates.items()))
    return Figures(days=sum((d for _p, d, _a in day_rates), Decimal("0")), day_rates=day_rates,
                   amount_invoiced=cents(invoiced), amount_paid=sum((a for _p, _d, a in day_rates), Decimal("0.00")))


# The statement of each kind (jurisdictions.Policy.statement_kind).
STATEMENTS = {"nl_jaaropgave": nl_jaaropgave, "be_fiscal": be_fiscal_certificate}
