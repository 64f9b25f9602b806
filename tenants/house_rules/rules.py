"""Rules of the house rules (huishoudelijk reglement) and their changes, as plain functions without Django.

Seed 003 §4.5.3 ("Wijzigingen in het huishoudelijk reglement ten nadele van het gezin"): a change to the family's
disadvantage is announced in writing at least 2 months before it takes effect; the parent signs every version
"for receipt and acknowledgement"; a parent who does not agree may end the contract within the 2 months after
being told, without compensation or notice costs (the notice period then is the jurisdiction's
`house_rules_change_notice_months`: 1 month in Flanders, the seed's "De opzegtermijn is 1 maand").
Seed 003 §4.5.2: other changes in how the location works are announced in writing too.

Two calendar months "to the day": 15 March + 2 months is 15 May; a day the later month does not have becomes its
last day (31 December 2026 → 28 February 2027, 31 December 2027 → 29 February 2028), as in contracts.rules.
"""
import calendar as _calendar
from dataclasses import dataclass
from datetime import date, timedelta

ANNOUNCE_MONTHS = 2  # seed 003 §4.5.3: "minstens 2 maanden voor dat de aanpassing ingaat"
ENDING_WINDOW_MONTHS = 2  # seed 003 §4.5.3: "binnen de 2 maanden nadat ze op de hoogte zijn gebracht"
MAX_TEXT = 100_000
MAX_SUMMARY = 2000
MAX_PDF_BYTES = 10 * 1024 * 1024


def gettext_noop(message: str) -> str:
    """Marks a text for translation (the service translates it for the reader)."""
    return message


class Text(str):
    """An English message keeping its template and parameters (config.service_errors.translated)."""

    def __new__(cls, template: str, **params):
        text = super().__new__(cls, template % {k: v.isoformat() if isinstance(v, date) else v
                                               for k, v in params.items()})
        text.template, text.params = template, params
        return text


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day (31 Dec + 2 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def earliest_effective_date(announced_on: date) -> date:
    """The first day a change to the family's disadvantage announced on `announced_on` may take effect."""
    return add_months(announced_on, ANNOUNCE_MONTHS)


def effective_date_errors(*, announced_on: date, effective_on: date | None, disadvantageous: bool,
                          first_version: bool) -> dict[str, list[str]]:
    """Why a version cannot take effect on `effective_on` (empty: it can).

    The first version of a location's house rules records the rules already in use: it may have taken effect
    before it is entered. Any later version takes effect on or after the day it is announced, and a change to
    the family's disadvantage at least two calendar months later (seed 003 §4.5.3)."""
    if effective_on is None:
        return {"effective_on": [gettext_noop("Give the day the house rules take effect.")]}
    if first_version:
        return {}
    if disadvantageous:
        earliest = earliest_effective_date(announced_on)
        if effective_on < earliest:
            return {"effective_on": [Text(gettext_noop(
                "A change to the family's disadvantage is announced at least two months ahead: announced on "
                "%(announced)s, it takes effect on %(earliest)s at the earliest."),
                announced=announced_on, earliest=earliest)]}
    elif effective_on < announced_on:
        return {"effective_on": [Text(gettext_noop("A new version takes effect on %(announced)s (the day it is "
                                                   "announced) at the earliest."), announced=announced_on)]}
    return {}


@dataclass(frozen=True)
class Window:
    """The days a parent may end the contract without notice costs after a change was announced."""

    first: date
    last: date

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last


def ending_window(announced_on: date) -> Window:
    """From the day the parents were told, for two calendar months: announced on 15 January, the last day is
    14 March (the day before a change could take effect at the earliest)."""
    return Window(announced_on, add_months(announced_on, ENDING_WINDOW_MONTHS) - timedelta(days=1))


def notice_costs_waived(*, given_on: date, announced_on: date, effective_on: date, disadvantageous: bool,
                        contract_since: date) -> bool:
    """Whether a parent's notice given on `given_on` ends the contract without notice costs because of this
    version: a change to the family's disadvantage, announced after the contract was made, still to take
    effect, and the notice given within the ending window."""
    return (disadvantageous and contract_since <= announced_on and given_on < effective_on
            and given_on in ending_window(announced_on))


def pdf_errors(head: bytes, size: int) -> list[str]:
    """Why an uploaded document is refused (empty: accepted); checked on its first bytes."""
    errors = []
    if not head.startswith(b"%PDF-"):
        errors.append(gettext_noop("Only a PDF document."))
    if size > MAX_PDF_BYTES:
        errors.append(gettext_noop("A document may be at most 10 MB."))
    return errors
