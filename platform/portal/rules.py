"""Rules of the parent's own data (GDPR/AVG) as plain functions, without Django.

- A parent may ask for access (a download of everything), correction and deletion. The location answers a
  request within one month (GDPR art. 12(3)).
- Deletion follows the legal retention periods: what the tax authorities and the registers need is kept,
  everything else is deleted. Records that underlie invoices — invoices and annual statements, the
  contracts they are based on, and the attendance register with absences, extra days and swaps — are kept for
  the fiscal retention period, counted from the end of the calendar year of the last record:
  7 years in the Netherlands (art. 52 AWR), 10 years in Flanders (Belgian accounting law, art. III.88 WER).
  The child's name and birth date stay with them, because those records refer to the child.
- While care is still running (a signed contract not yet ended) the child's file cannot be deleted: the
  location needs it to care for the child. The parent gives notice first.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from jurisdictions import POLICIES

ANSWER_WITHIN_DAYS = 30

KEEP = "kept"
DELETE = "deleted"

# What happens to each kind of data on a granted deletion request.
KEPT_FOR_TAX = ("invoices", "contracts", "attendance", "identity")
DELETED = ("care_details", "pickup_and_custody", "handovers", "messages", "corrections", "survey_answers",
           "child_following")


@dataclass(frozen=True)
class Decision:
    category: str
    action: str  # KEEP or DELETE
    until: date | None = None
    reason: str = ""  # a code; the service turns it into words in the parent's language


def answer_due(requested_on: date) -> date:
    return requested_on + timedelta(days=ANSWER_WITHIN_DAYS)


def keep_until(last_record: date, jurisdiction: str) -> date:
    """Fiscal retention: until the end of the calendar year of the last record plus the legal years (the
    longest of any jurisdiction when the code is unknown: keeping too long is the safe error here)."""
    entry = POLICIES.get(jurisdiction)
    years = entry.fiscal_years if entry else max(other.fiscal_years for other in POLICIES.values())
    return date(last_record.year + years, 12, 31)


def deletion_plan(*, jurisdiction: str, today: date, care_running: bool,
                  last_records: dict[str, date | None]) -> tuple[bool, list[Decision]]:
    """(may delete now, decisions). `last_records`: the date of the latest record per kept category (None:
    there is none). When care is running nothing is deleted and the only decision says why."""
    if care_running:
        return False, [Decision("all", KEEP, None, "care_running")]
    decisions = []
    latest = [d for d in last_records.values() if d is not None]
    for category in KEPT_FOR_TAX:
        last = max(latest) if category == "identity" and latest else last_records.get(category)
        if last is None:
            decisions.append(Decision(category, DELETE, None, "nothing_to_keep"))
            continue
        until = keep_until(last, jurisdiction)
        if until < today:
            decisions.append(Decision(category, DELETE, None, "retention_over"))
        else:
            decisions.append(Decision(category, KEEP, until, f"fiscal_{jurisdiction}" if category != "identity"
                                      else "identity"))
    decisions.extend(Decision(category, DELETE, None, "not_needed") for category in DELETED)
    return True, decisions
