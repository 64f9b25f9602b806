"""Rules of the filings (aanleveringen), as plain functions over plain values (no Django). Sources per rule;
docs/deliveries.md lists them all.

- Identity numbers: the BSN's eleven-test (python-stdnum `stdnum.nl.bsn`), the Belgian national register
  number's check digits (`stdnum.be.nn`).
- When a filing is due, and whether it is late.
- What changed between the records delivered before and the records now (corrections of earlier periods).
- The checks before a file leaves: refused with a message naming the child and the field.
- Opgroeien's attendance codes per day and the checks the agency applies; the monthly occupancy figure.
- The general-ledger journal of invoices, credit notes, payments and direct-debit batches (VAT exempt).
"""
from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from stdnum.be import nn as be_nn
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as nl_bsn

# --- states ------------------------------------------------------------------------------------------------

TODO, READY, DELIVERED, LATE = "todo", "ready", "delivered", "late"


def state(status: str, due: date, today: date) -> str:
    """to do / ready / delivered as stored; a filing not delivered after its due date is late."""
    if status != DELIVERED and today > due:
        return LATE
    return status


def reminder_due(status: str, due: date, today: date, reminded_on: date | None, days_before: int = 7) -> bool:
    """A reminder a week before the due date (once), while the filing is not delivered."""
    return status != DELIVERED and reminded_on is None and due - timedelta(days=days_before) <= today <= due


def duty_state(done_on: date | None, due: date, today: date) -> str:
    """A duty that is not a file (the annual complaint report, a document's review): delivered once done
    (even when done late), else to do or late."""
    return DELIVERED if done_on is not None else state(TODO, due, today)


# --- periods and due dates ------------------------------------------------------------------------------------


def month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def next_month_end(period_end: date) -> date:
    """The last day of the month after the period (the monthly filings' due date)."""
    first = period_end.replace(day=1) + timedelta(days=32)
    return month_end(first)


def before_march(period_end: date) -> date:
    """The last day of February after the period (Belcotax-on-web: "before 1 March")."""
    year = period_end.year + 1 if period_end.month > 2 else period_end.year
    return date(year, 3, 1) - timedelta(days=1)


def end_of_january(period_end: date) -> date:
    """31 January after the calendar year (the jaaropgave, so parents have it for their allowance)."""
    return date(period_end.year + 1, 1, 31)


def months_between(start: date, end: date) -> list[tuple[date, date]]:
    """The calendar months from the month of `start` to the month of `end`, as (first day, last day)."""
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append((day, month_end(day)))
        day = month_end(day) + timedelta(days=1)
    return months


def years_ended(since: date, today: date) -> list[int]:
    """The calendar years that ended before `today` and end on or after `since` (a yearly duty's periods)."""
    return [year for year in range(since.year, today.year + 1) if since <= date(year, 12, 31) < today]


def duties_since(today: date, opening: date | None) -> date:
    """The calendar of duties looks back a year, and not before the location opened."""
    back = date(today.year - 1, today.month, 1)
    return max(back, opening) if opening else back


# --- identity numbers ------------------------------------------------------------------------------------------


def normalise_bsn(value: str) -> str:
    return nl_bsn.compact(value) if (value or "").strip() else ""


def bsn_error(value: str) -> str | None:
    """None for a valid BSN (nine digits passing the eleven-test), else the message."""
    try:
        nl_bsn.validate(value or "")
    except StdnumError:
        return "This is not a valid BSN: it must be 9 digits and pass the eleven-test."
    return None


def normalise_national_number(value: str) -> str:
    return be_nn.compact(value) if (value or "").strip() else ""


def national_number_error(value: str) -> str | None:
    """None for a valid Belgian national register number (11 digits, birth date and check digits)."""
    try:
        be_nn.validate(value or "")
    except StdnumError:
        return "This is not a valid national register number: 11 digits whose last two are the check digits."
    return None


# --- checks before a file leaves --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Why a file cannot leave: who (a child's or parent's name, or a period), which field and the message
    (English, translated where shown; `params` fill it)."""

    who: str
    field: str
    message: str
    params: dict = field(default_factory=dict)


def record_problems(records: Iterable[dict], *, numbers: dict[str, str]) -> list[Problem]:
    """Each record's identity numbers must pass their check when given (`numbers`: field → "bsn" or "nn");
    an amount below zero is refused (a month with a negative total is a mistake to correct first)."""
    problems = []
    for record in records:
        who = record.get("child_name") or record.get("period") or ""
        for name, scheme in numbers.items():
            value = record.get(name) or ""
            if not value:
                continue
            error = bsn_error(value) if scheme == "bsn" else national_number_error(value)
            if error:
                problems.append(Problem(who, name, error))
        for name in ("amount", "total"):
            if name in record and record[name] is not None and Decimal(str(record[name])) < 0:
                problems.append(Problem(who, name, "The total of %(period)s is negative (%(amount)s): correct the "
                                        "invoices first.", {"period": record.get("period", ""),
                                                            "amount": str(record[name])}))
    return problems


# --- what changed since the last filing ---------------------------------------------------------------------------


def changed_records(delivered: dict[str, dict], current: dict[str, dict]) -> list[dict]:
    """Records (by key) that were delivered and now differ, or are new for a delivered period: each with the
    fields that differ. A record that disappeared is delivered again with zero hours and amount."""
    changes = []
    for key in sorted(set(delivered) | set(current)):
        old, new = delivered.get(key), current.get(key)
        if old == new:
            continue
        if new is None:
            new = {**old, "hours": "0", "amount": "0.00"}
        fields = sorted(name for name in set(old or {}) | set(new) if (old or {}).get(name) != new.get(name))
        changes.append({"key": key, "period": new.get("period", ""), "fields": fields, "record": new,
                        "was_delivered": old is not None})
    return changes


# --- the Dutch monthly childcare data (art. 11 Regeling Wet kinderopvang) -----------------------------------------


def average_hourly_price(amount: Decimal, hours: Decimal) -> Decimal | None:
    """What was invoiced for the care ÷ the hours of care, to the cent (rounded half up once)."""
    if not hours:
        return None
    return (amount / hours).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- Opgroeien: attendance per day ----------------------------------------------------------------------------------

PRESENT, JUSTIFIED, UNJUSTIFIED = "P", "G", "O"  # aanwezig, gewettigd afwezig, ongewettigd afwezig
ABSENCE_KINDS = ("sick", "holiday", "other", "hospital", "quarantine")  # tenants.attendance.models.Absence.Kind


@dataclass(frozen=True)
class DayFacts:
    """One child's day as the register knows it: planned (booked), present, reported absent (its kind),
    closed (the location's closing reasons)."""

    day: date
    booked: bool
    present: bool
    absence_kind: str = ""
    closed: bool = False


def attendance_code(facts: DayFacts) -> str | None:
    """P when present; a booked day not present: G (justified) when the parents reported the absence, O
    (unjustified) when not; nothing on a day neither booked nor attended, or closed and not attended."""
    if facts.present:
        return PRESENT
    if facts.closed or not facts.booked:
        return None
    return JUSTIFIED if facts.absence_kind else UNJUSTIFIED


def attendance_problems(who: str, days: Iterable[DayFacts]) -> list[Problem]:
    """The agency's checks: no registration on a day without a plan, no presence on a closing day, and only
    absence kinds that exist."""
    problems = []
    for facts in days:
        when = facts.day.isoformat()
        if facts.present and facts.closed:
            problems.append(Problem(who, "presence", "Present on %(day)s, a day the location was closed.",
                                    {"day": when}))
        elif facts.present and not facts.booked:
            problems.append(Problem(who, "plan", "Present on %(day)s without a plan for that day (no contract day, "
                                    "swap or extra day).", {"day": when}))
        if facts.absence_kind and facts.absence_kind not in ABSENCE_KINDS:
            problems.append(Problem(who, "absence", "The absence on %(day)s has a kind the agency does not know "
                                    "(%(kind)s).", {"day": when, "kind": facts.absence_kind}))
    return problems


def occupancy(present_days: int, places: int, open_days: int) -> Decimal | None:
    """The month's occupancy: days of presence ÷ (licensed places × days open), as a percentage to one decimal."""
    if not places or not open_days:
        return None
    return (Decimal(present_days) * 100 / (places * open_days)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# --- the general-ledger journal -----------------------------------------------------------------------------------

#: Ledger accounts (a small chart in the spirit of the Dutch reference scheme RGS; the bookkeeper maps them).
ACCOUNTS = {
    "1000": ("Cash", "B"),
    "1100": ("Bank", "B"),
    "1110": ("Direct debits under way", "B"),
    "1300": ("Receivables from parents", "B"),
    "8000": ("Childcare revenue (VAT exempt)", "P"),
    "8010": ("Fees, fines and extras (VAT exempt)", "P"),
}
CARE_KINDS = ("care", "absence", "settlement")


@dataclass(frozen=True)
class Entry:
    """One booking: its journal ("sales", "bank"), number, date, description, document reference and lines
    [(account, amount, "D"/"C")]; debit and credit always balance."""

    journal: str
    number: str
    day: date
    description: str
    reference: str
    lines: tuple[tuple[str, Decimal, str], ...]
    customer: str = ""

    @property
    def balanced(self) -> bool:
        debit = sum((a for _acc, a, side in self.lines if side == "D"), Decimal("0"))
        credit = sum((a for _acc, a, side in self.lines if side == "C"), Decimal("0"))
        return debit == credit


def invoice_entry(number: str, day: date, customer: str, lines: Iterable[tuple[str, Decimal]]) -> Entry:
    """An invoice: the receivable on 1300 against revenue, care (8000) apart from fees, fines and extras (8010);
    no VAT (childcare is exempt). `lines`: (invoice line kind, amount)."""
    care = sum((a for kind, a in lines if kind in CARE_KINDS), Decimal("0.00"))
    other = sum((a for kind, a in lines if kind not in CARE_KINDS), Decimal("0.00"))
    rows = [("1300", care + other, "D")]
    rows += [(acc, amount, "C") for acc, amount in (("8000", care), ("8010", other)) if amount]
    return Entry("sales", number, day, f"Invoice {number}", number, tuple(rows), customer)


def credit_note_entry(number: str, invoice_number: str, day: date, customer: str, amount: Decimal) -> Entry:
    return Entry("sales", number, day, f"Credit note {number} on invoice {invoice_number}", invoice_number,
                 (("8000", amount, "D"), ("1300", amount, "C")), customer)


def payment_entry(number: str, invoice_number: str, day: date, customer: str, amount: Decimal,
                  method: str) -> Entry:
    """A payment received: a direct debit on 1110 (under way until its batch, or Stripe's payout, reaches the
    bank), cash on 1000, anything else on the bank (1100)."""
    account = {"direct_debit": "1110", "cash": "1000"}.get(method, "1100")
    return Entry("bank", number, day, f"Payment of invoice {invoice_number}", invoice_number,
                 ((account, amount, "D"), ("1300", amount, "C")), customer)


def batch_entry(number: str, day: date, total: Decimal) -> Entry:
    """A direct-debit batch collected: its total from 1110 to the bank."""
    return Entry("bank", number, day, f"Direct-debit batch {number}", number,
                 (("1100", total, "D"), ("1110", total, "C")))
