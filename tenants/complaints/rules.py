"""Complaint rules as plain functions over plain values (no Django imports).

Sources: Wet kinderopvang art. 1.57b/1.57c (seed 001): a written, reasoned judgement within six weeks at
the latest; the parent may go straight to the Geschillencommissie Kinderopvang when none came in time.
The Flemish house rules (seed 003): an acknowledgement letter, handling within 30 days, a second instance
(the general director) and the complaints service of Kind en Gezin.
"""
import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from string import Template

from jurisdictions import policy

# What a complaint may be about (art. 1.57b lid 1).
CONDUCT = "conduct"  # conduct of the owner, a staff member or someone working for the owner, to parent or child
METHOD = "method"  # a working method or rule of the location
AGREEMENT = "agreement"  # the agreement between the location and the parent
SUBJECTS = (CONDUCT, METHOD, AGREEMENT)
# Not a complaint: suspected child abuse or transgressive behaviour goes to the meldcode, never the register.
MELDCODE = "meldcode"

# States of a complaint.
RECEIVED = "received"
ACKNOWLEDGED = "acknowledged"
INVESTIGATING = "investigating"
JUDGED = "judged"
CLOSED = "closed"
ESCALATED = "escalated"
STATES = (RECEIVED, ACKNOWLEDGED, INVESTIGATING, JUDGED, CLOSED, ESCALATED)
OPEN_STATES = (RECEIVED, ACKNOWLEDGED, INVESTIGATING)
TRANSITIONS = {
    RECEIVED: {ACKNOWLEDGED, INVESTIGATING, JUDGED, ESCALATED},
    ACKNOWLEDGED: {INVESTIGATING, JUDGED, ESCALATED},
    INVESTIGATING: {JUDGED, ESCALATED},
    JUDGED: {CLOSED, ESCALATED},
    CLOSED: {ESCALATED},
    ESCALATED: set(),
}

# Outcomes of a judgement.
FOUNDED = "founded"
PARTLY_FOUNDED = "partly_founded"
UNFOUNDED = "unfounded"
RESOLVED = "resolved"  # settled with the parent before a judgement on the merits was needed
OUTCOMES = (FOUNDED, PARTLY_FOUNDED, UNFOUNDED, RESOLVED)

# Deadlines. The defaults and the longest term per jurisdiction are in its policy (`complaints`).
MAX_ACKNOWLEDGEMENT_DAYS = 14
REMIND_DAYS_BEFORE = 7  # the entrepreneur is reminded a week before the deadline and on the deadline

# Reminder kinds (each sent at most once per complaint).
WEEK_BEFORE = "week_before"
ON_DEADLINE = "on_deadline"
PARENT_OVERDUE = "parent_overdue"

# The annual report is due at the GGD before 1 June of the following year (the cooperative's deadline).
REPORT_DUE_MONTH, REPORT_DUE_DAY = 6, 1


def default_regulation(jurisdiction: str) -> dict:
    """A new location's regulation: the jurisdiction's defaults, every subject."""
    defaults = policy(jurisdiction).complaints
    return {
        "subjects": list(SUBJECTS),
        "judgement_days": defaults.judgement_days,
        "acknowledge": defaults.acknowledge,
        "acknowledgement_days": defaults.acknowledgement_days,
        "second_instance": defaults.second_instance,
        "external_bodies": [asdict(body) for body in defaults.external_bodies],
    }


def max_judgement_days(jurisdiction: str) -> int:
    return policy(jurisdiction).complaints.max_judgement_days


def direct_route(jurisdiction: str) -> str:
    """The body a parent may go straight to when no judgement came in time."""
    return policy(jurisdiction).complaints.direct_route


def regulation_errors(jurisdiction: str, *, subjects, judgement_days, acknowledge, acknowledgement_days,
                      external_bodies) -> dict[str, str]:
    """{field: error code} for a regulation that breaks the law's floor or makes no sense.

    Codes (the services turn them into translated messages): no_subjects, unknown_subject,
    all_subjects_required, days_missing, days_too_many, ack_days, ack_after_deadline, no_bodies, body_name.
    """
    errors = {}
    if not subjects:
        errors["subjects"] = "no_subjects"
    elif any(subject not in SUBJECTS for subject in subjects):
        errors["subjects"] = "unknown_subject"
    elif policy(jurisdiction).complaints.subjects_fixed and set(subjects) != set(SUBJECTS):
        errors["subjects"] = "all_subjects_required"
    if judgement_days is None or judgement_days < 1:
        errors["judgement_days"] = "days_missing"
    elif judgement_days > max_judgement_days(jurisdiction):
        errors["judgement_days"] = "days_too_many"
    if acknowledge and (acknowledgement_days is None or not 1 <= acknowledgement_days <= MAX_ACKNOWLEDGEMENT_DAYS):
        errors["acknowledgement_days"] = "ack_days"
    elif acknowledge and judgement_days and acknowledgement_days >= judgement_days:
        errors["acknowledgement_days"] = "ack_after_deadline"
    if not isinstance(external_bodies, list) or not external_bodies:
        errors["external_bodies"] = "no_bodies"
    elif any(not isinstance(body, dict) or not str(body.get("name", "")).strip() for body in external_bodies):
        errors["external_bodies"] = "body_name"
    return errors


def judgement_deadline(received_on: date, judgement_days: int) -> date:
    return received_on + timedelta(days=judgement_days)


def acknowledgement_due(received_on: date, acknowledge: bool, acknowledgement_days: int) -> date | None:
    return received_on + timedelta(days=acknowledgement_days) if acknowledge else None


def may_move(current: str, new: str) -> bool:
    return new in TRANSITIONS.get(current, set())


def due_reminders(deadline: date, today: date, judged: bool, already_sent: set[str]) -> list[str]:
    """Which reminders are due today for an unjudged complaint, each at most once.

    A week before the deadline the entrepreneur (only while the deadline is still ahead), on the
    deadline the entrepreneur again (also when the job ran late), and the day after the deadline the
    parent: no judgement came, so they may go straight to the external body.
    """
    if judged:
        return []
    due = []
    if deadline - timedelta(days=REMIND_DAYS_BEFORE) <= today < deadline:
        due.append(WEEK_BEFORE)
    if today >= deadline:
        due.append(ON_DEADLINE)
    if today > deadline:
        due.append(PARENT_OVERDUE)
    return [kind for kind in due if kind not in already_sent]


def handling_days(received_on: date, judged_on: date | None) -> int | None:
    return (judged_on - received_on).days if judged_on else None


def on_time(deadline: date, judged_on: date | None, today: date) -> bool | None:
    """True: judged by the deadline; False: judged late or still unjudged after it; None: not yet due."""
    if judged_on is not None:
        return judged_on <= deadline
    return False if today > deadline else None


# Annual reports exist from the first year with figures on the platform up to the current year; dates cannot hold
# year 0 or 10000 at all.
FIRST_REPORT_YEAR = 2000


def report_year_in_range(year: int, today: date) -> bool:
    return FIRST_REPORT_YEAR <= year <= today.year


def report_due(year: int) -> date:
    return date(year + 1, REPORT_DUE_MONTH, REPORT_DUE_DAY)


def report_state(year: int, sent_on: date | None, today: date) -> str:
    """'sent' (in time), 'late' (sent after the due date), 'missing' (not sent, past due), 'pending'."""
    due = report_due(year)
    if sent_on is not None:
        return "late" if sent_on > due else "sent"
    return "missing" if today > due else "pending"


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class LetterValues:
    location: str
    reference: str
    received_on: str
    deadline: str
    subject: str
    today: str
    judgement: str = ""
    measures: str = ""
    second_instance: str = ""
    external_bodies: str = ""


def render_letter(template: str, values: LetterValues) -> str:
    """Fill $placeholders; unknown ones stay as they are (a typo never breaks a letter)."""
    return Template(template).safe_substitute(values.__dict__)


PLACEHOLDERS = tuple(LetterValues.__dataclass_fields__)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)(\+?\d[\d \-]{7,}\d)(?!\w)")
REDACTED = "[…]"


def redact(text: str, names: set[str]) -> str:
    """Remove e-mail addresses, phone numbers and the given names (whole words, any case) from `text`."""
    if not text:
        return ""
    text = _EMAIL.sub(REDACTED, text)
    text = _PHONE.sub(REDACTED, text)
    words = sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True)
    if words:
        pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
        text = pattern.sub(REDACTED, text)
    return text
