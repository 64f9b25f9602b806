"""The registry of filing kinds (healthchecks' one entry per integration): what each is, how often, when it is
due, and the one module that writes its file (billing/filings/formats/<key>.py). A change of a format touches
that module only. Which kinds a location owes is its jurisdiction's policy (`Policy.filings`)."""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import import_module

from jurisdictions import policy
from jurisdictions.base import gettext_noop

from billing.filings import rules

MONTH, YEAR = "month", "year"


@dataclass(frozen=True)
class Kind:
    key: str
    label: str                     # English, translated where shown
    recipient: str                 # English: who gets the file
    cadence: str                   # MONTH or YEAR
    due: Callable[[date], date]    # the due date from the period's last day
    source: str                    # the rule or publication it follows (docs/deliveries.md)
    # YEAR kinds: the period of year N (the jurisdiction's statement period for certificates); None: calendar.
    statement_period: bool = False
    child_fields: tuple[str, ...] = ()   # ChildNumbers fields the file needs
    parent_fields: tuple[str, ...] = ()  # ParentNumbers fields the file needs

    @property
    def writer(self):
        return import_module(f"billing.filings.formats.{self.key}")


KINDS: dict[str, Kind] = {kind.key: kind for kind in (
    Kind("nl_childcare_data", gettext_noop("Monthly childcare data"), gettext_noop("Belastingdienst/Toeslagen"),
         MONTH, rules.next_month_end, "art. 11 Regeling Wet kinderopvang", child_fields=("bsn",),
         parent_fields=("bsn", "birth_date")),
    Kind("nl_jaaropgave", gettext_noop("Annual statements (jaaropgaven)"), gettext_noop("the parents"),
         YEAR, rules.end_of_january, "art. 11 Regeling Wet kinderopvang", statement_period=True,
         child_fields=("bsn",), parent_fields=("bsn",)),
    Kind("vlg_attendance", gettext_noop("Attendance registration"), gettext_noop("Opgroeien"),
         MONTH, rules.next_month_end, "Opgroeien, subsidy for income-related tariffs", child_fields=("kindcode",)),
    Kind("be_281_86", gettext_noop("Fiscal certificates 281.86 (Belcotax-on-web)"), gettext_noop("FOD Financiën"),
         YEAR, rules.before_march, "art. 63¹⁸/8 KB/WIB 92, model 281.86", statement_period=True,
         child_fields=("national_number",), parent_fields=("national_number", "address")),
    Kind("ledger_xaf", gettext_noop("Accounting export (XAF audit file)"), gettext_noop("the bookkeeper"),
         MONTH, rules.next_month_end, "XML Auditfile Financieel 3.2"),
    Kind("ledger_csv", gettext_noop("Accounting export (CSV journal)"), gettext_noop("the bookkeeper"),
         MONTH, rules.next_month_end, "general-ledger journal"),
)}


def owed_by(jurisdiction: str) -> list[Kind]:
    """The kinds a location of `jurisdiction` owes, in the policy's order."""
    return [KINDS[key] for key in policy(jurisdiction).filings]


def owed_by_keys(jurisdiction: str) -> tuple[str, ...]:
    return tuple(key for key in policy(jurisdiction).filings if key in KINDS)


def number_fields(jurisdiction: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(child fields, parent fields) of ChildNumbers / ParentNumbers that the location's filings need."""
    child, parent = [], []
    for kind in owed_by(jurisdiction):
        child += [f for f in kind.child_fields if f not in child]
        parent += [f for f in kind.parent_fields if f not in parent]
    return tuple(child), tuple(parent)


def period_of(kind: Kind, jurisdiction: str, year: int, month: int = 1) -> tuple[date, date]:
    if kind.cadence == MONTH:
        first = date(year, month, 1)
        return first, rules.month_end(first)
    if kind.statement_period:
        return policy(jurisdiction).statement_period(year)
    return date(year, 1, 1), date(year, 12, 31)


def periods_ended(kind: Kind, jurisdiction: str, since: date, today: date) -> list[tuple[date, date]]:
    """The periods of `kind` that ended before `today` and end on or after `since`."""
    if kind.cadence == MONTH:
        return [(s, e) for s, e in rules.months_between(since, today) if e < today]
    periods = [period_of(kind, jurisdiction, year) for year in range(since.year, today.year + 1)]
    return [(s, e) for s, e in periods if e < today and e >= since]
