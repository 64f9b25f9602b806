"""Rules of the accident register (ongevallenregister) as plain functions, without Django.

Seed 003 §4.6.5: every carer is trained in first aid for young children and gives first aid herself; §6.1: the
location is insured for bodily harm of the children (civil liability and accidents, with an insurer and a policy
number), so a report carries the insurer's claim number once the claim is filed. What a report holds: what
happened, where, when, who was present, the first aid given, whether 112 or a doctor was called, when the parent
was told, the claim number; the staff member signs it (an explicit confirmation with its moment).

The adviser's safety and health visit sees the number of accidents per month and kind, never a name or a text.
"""
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime


def gettext_noop(message: str) -> str:
    return message


#: Kinds of accident, counted per month for the adviser (a child's name or the text never leaves the location).
FALL = "fall"
BUMP = "bump"
BITE = "bite"
PINCH = "pinch"
CUT = "cut"
BURN = "burn"
SWALLOWED = "swallowed"
OTHER = "other"
KINDS = (FALL, BUMP, BITE, PINCH, CUT, BURN, SWALLOWED, OTHER)

MAX_TEXT = 2000
MAX_SHORT = 200
MAX_CLAIM = 40


@dataclass(frozen=True)
class Report:
    """What the staff member filled in (times already in the location's zone)."""

    happened_at: datetime | None
    place: str
    kind: str
    what_happened: str
    present: str
    first_aid: str
    parent_informed_at: datetime | None
    claim_number: str = ""
    confirmed: bool = False


def report_errors(report: Report, *, now: datetime) -> dict[str, list[str]]:
    """Why a report cannot be signed as it is: {field: [messages]} (empty: it can)."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if report.happened_at is None:
        add("happened_at", gettext_noop("Say when it happened."))
    elif report.happened_at > now:
        add("happened_at", gettext_noop("An accident cannot happen in the future."))
    for field, message in (("place", gettext_noop("Say where it happened.")),
                           ("what_happened", gettext_noop("Describe what happened.")),
                           ("present", gettext_noop("Say who was present.")),
                           ("first_aid", gettext_noop("Describe the first aid given (or write 'none needed')."))):
        if not (getattr(report, field) or "").strip():
            add(field, message)
    for field in ("place", "present"):
        if len(getattr(report, field) or "") > MAX_SHORT:
            add(field, gettext_noop("This text is too long."))
    for field in ("what_happened", "first_aid"):
        if len(getattr(report, field) or "") > MAX_TEXT:
            add(field, gettext_noop("This text is too long."))
    if report.kind not in KINDS:
        add("kind", gettext_noop("Choose the kind of accident."))
    if report.parent_informed_at is not None:
        if report.parent_informed_at > now:
            add("parent_informed_at", gettext_noop("The parent cannot have been told in the future."))
        elif report.happened_at is not None and report.parent_informed_at < report.happened_at:
            add("parent_informed_at", gettext_noop("The parent was told after the accident, not before."))
    errors.update(claim_number_errors(report.claim_number))
    if not report.confirmed:
        add("confirmed", gettext_noop("Confirm that the report is correct: this signs it."))
    return errors


def claim_number_errors(claim_number: str) -> dict[str, list[str]]:
    text = (claim_number or "").strip()
    if len(text) > MAX_CLAIM:
        return {"claim_number": [gettext_noop("A claim number has at most 40 characters.")]}
    if text and not all(ch.isalnum() or ch in "-/. " for ch in text):
        return {"claim_number": [gettext_noop("A claim number holds letters, digits, '-', '/' and '.' only.")]}
    return {}


def month_counts(accidents: list[tuple[date, str]]) -> list[tuple[date, str, int]]:
    """[(first day of the month, kind, number)] in month order, from (day, kind) pairs: what the adviser sees."""
    counter = Counter((day.replace(day=1), kind) for day, kind in accidents)
    return sorted(((month, kind, n) for (month, kind), n in counter.items()),
                  key=lambda row: (row[0], KINDS.index(row[1]) if row[1] in KINDS else len(KINDS)))
