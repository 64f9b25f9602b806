"""Rules of cooperative oversight as plain functions over plain values (no Django imports).

Visit status, document status, follow-up action status, reminder timing, occupancy and the checks on
files and dates. Services, selectors and the dashboard call these; tests feed them tables of cases.
"""
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

PEDAGOGICAL = "pedagogical"
BUSINESS = "business"
VISIT_TYPES = (PEDAGOGICAL, BUSINESS)

# Visit status on the dashboard.
DUE = "due"  # still to be planned (no accepted date yet), deadline not passed; includes missing plans
PLANNED = "planned"  # an accepted date today or later
DONE = "done"  # the report is finished
OVERDUE = "overdue"  # not done and the accepted date or the deadline has passed
VISIT_STATUSES = (DUE, PLANNED, DONE, OVERDUE)

# Document status.
DOC_CURRENT = "current"
DOC_REVIEW_SOON = "review_soon"
DOC_EXPIRED = "expired"  # past its review date
DOC_MISSING = "missing"  # no version in force
REVIEW_SOON_DAYS = 30

# Follow-up actions.
ACTION_OPEN = "open"
ACTION_DONE = "done"
OWNER_ENTREPRENEUR = "entrepreneur"
OWNER_ADVISER = "adviser"
OWNERS = (OWNER_ENTREPRENEUR, OWNER_ADVISER)

# Checklist answers.
YES, NO, PARTLY, NOT_APPLICABLE = "yes", "no", "partly", "na"
ANSWERS = (YES, NO, PARTLY, NOT_APPLICABLE)

MAX_REPORT_BYTES = 20 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def default_deadline(visit_type: str, year: int) -> date:
    """The pedagogical visit in the first half of the year, the business visit in the second half."""
    return date(year, 6, 30) if visit_type == PEDAGOGICAL else date(year, 12, 31)


def visit_status(*, today: date, year: int, visit_type: str, scheduled_on: date | None = None,
                 completed: bool = False, deadline: date | None = None) -> str:
    """Status of one visit of `year`. A location without a plan row is passed with all defaults (missing)."""
    if completed:
        return DONE
    deadline = deadline or default_deadline(visit_type, year)
    if scheduled_on is not None:
        return OVERDUE if scheduled_on < today else PLANNED
    return OVERDUE if today > deadline else DUE


def document_status(*, today: date, effective_date: date | None, review_date: date | None) -> str:
    """Status of the version in force of one required document type (None: there is none)."""
    if effective_date is None or effective_date > today:
        return DOC_MISSING
    if review_date is None:
        return DOC_CURRENT
    if review_date < today:
        return DOC_EXPIRED
    if review_date <= today + timedelta(days=REVIEW_SOON_DAYS):
        return DOC_REVIEW_SOON
    return DOC_CURRENT


def needs_attention(document_status_: str) -> bool:
    return document_status_ in (DOC_MISSING, DOC_EXPIRED)


def action_is_overdue(*, today: date, due_date: date, status: str) -> bool:
    return status == ACTION_OPEN and due_date < today


def reminder_due(*, today: date, due_date: date, status: str, reminded_on: date | None) -> bool:
    """Remind once: an open action past its due date that has not been reminded about (since its due date
    was last set: changing the due date clears the reminder)."""
    return action_is_overdue(today=today, due_date=due_date, status=status) and reminded_on is None


def occupancy_percent(children: int, places: int) -> int | None:
    """Children under contract as a whole percentage of the licensed places (half up); None without places."""
    if not places:
        return None
    return (children * 200 + places) // (places * 2)


@dataclass(frozen=True)
class VisitDateCheck:
    field: str
    message: str


def visit_date_errors(*, visit_on: date, opening_date: date | None, year: int) -> list[VisitDateCheck]:
    errors = []
    if opening_date is not None and visit_on < opening_date:
        errors.append(VisitDateCheck("scheduled_on", "before_opening"))
    if visit_on.year != year:
        errors.append(VisitDateCheck("scheduled_on", "other_year"))
    return errors


def review_date_error(effective_date: date | None, review_date: date | None) -> bool:
    """True when the review date lies before the effective date."""
    return effective_date is not None and review_date is not None and review_date < effective_date


def pdf_problem(head: bytes, size: int) -> str | None:
    """'too_large', 'not_pdf' or None, from the file's first bytes and its size."""
    if size > MAX_REPORT_BYTES:
        return "too_large"
    if not head.lstrip(b"\r\n\t \x00\xef\xbb\xbf")[:5].startswith(PDF_MAGIC) or size < 8:
        return "not_pdf"
    return None


def ics_event(*, uid: str, start: datetime, end: datetime, summary: str, description: str, location: str,
              stamp: datetime, time_zone: str, sequence: int = 0, method: str = "REQUEST",
              organizer: str = "") -> bytes:
    """An iCalendar invitation (one VEVENT), made by the `icalendar` library: the times in the location's
    `time_zone` (Europe/Amsterdam or Europe/Brussels, from the jurisdiction policy) with its VTIMEZONE, so the
    visit stays at the agreed local time in any calendar; `start`, `end` and `stamp` are aware datetimes."""
    zone = ZoneInfo(time_zone)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Opvangkring//Advisory visits//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", start.astimezone(zone))
    event.add("dtend", end.astimezone(zone))
    event.add("sequence", sequence)
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", location)
    if organizer:
        event.add("organizer", f"mailto:{organizer}")
    cal.add_component(event)
    cal.add_missing_timezones(first_date=date(start.year - 1, 1, 1), last_date=date(end.year + 1, 12, 31))
    return cal.to_ical()

