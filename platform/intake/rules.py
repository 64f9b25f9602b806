"""Intake and waiting-list rules (aanmelding en wachtlijst): plain functions over plain values, no Django.

Sources:
- seed 001 §1.1–1.2: registration through the location's online form, a check whether the child can be placed on
  the wanted days, an intake (placement) meeting with a settling-in period, then the contract and the mandate.
- seed 002: one request that reaches several locations; yearly demand figures; a window sign with a QR code.
- seed 003 §4.1: the waiting list and its priority rules (special care needs; the priority groups of Kind en
  Gezin: the family works or follows training for work at least 4/5 on average, foster children, brothers and
  sisters at the same time in the same location; then the centre's own rules: children of staff, living
  nearby, urgent need within the month for the reasons listed; the request date last); places assigned at the
  earliest nine months before the start; an intake moment about two months before; a start date that may move
  up to ten days around a birth; a care plan of at least two days.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta


def gettext_noop(message: str) -> str:
    """Marks a message for translation (makemessages finds it); the service that shows it translates it and
    fills in its %(name)s values."""
    return message


# --- the priority rules (seed 003 §4.1) -----------------------------------------------------------------

SPECIAL_CARE = "special_care"   # 1. kinderen met een specifieke zorgbehoefte
WORKS = "works"                 # 2. het gezin werkt (of volgt een opleiding naar werk) gemiddeld minstens 4/5
FOSTER = "foster"               # 2. pleegkinderen
SIBLINGS = "siblings"           # 2. broers of zussen tegelijk in dezelfde opvang
STAFF = "staff"                 # 3. kinderen van medewerkers
NEARBY = "nearby"               # 3. ouders die in de buurt wonen
URGENT = "urgent"               # 3. dringend opvang nodig, binnen de maand, om de redenen hieronder
REQUEST_DATE = "request_date"   # tenslotte: de inschrijvingsdatum, altijd als laatste

#: The catalogue a location chooses from, in the order of seed 003 §4.1 (also the default order).
CATALOGUE = (SPECIAL_CARE, WORKS, FOSTER, SIBLINGS, STAFF, NEARBY, URGENT)
DEFAULT_ORDER = CATALOGUE

#: Seed 003 §4.1: the reasons that make a need for care within the month urgent.
URGENT_REASONS = (
    "found_work",     # the parent did not work, suddenly finds work and has no care in family or network
    "started_training",  # the parent did not work, suddenly starts a training and has no care
    "crisis",         # an acute crisis in the family makes care necessary
    "lost_care",      # the family can no longer, against its will, use the care it had
)
URGENT_WITHIN_DAYS = 31  # "binnen de maand"

START_MOVES_AROUND_BIRTH_DAYS = 10   # seed 003 §4.1: 10 days earlier or later, for a birth
ASSIGN_MONTHS_BEFORE_START = 9       # seed 003 §4.1: at the earliest 9 months before the start
INTAKE_MONTHS_BEFORE_START = 2       # seed 003 §4.1: an intake moment about 2 months before the start
OFFER_ANSWER_DAYS = 7                # the parent's term to answer an offer, by default
SETTLING_IN_SESSIONS = 2             # seed 001 §1.2 / seed 003 "wenmomenten": before the first day
MAX_AHEAD_DAYS = 2 * 366            # a request for care more than two years ahead is not taken
NEARBY_DIGITS = 3                    # postcodes that share their first three digits lie near each other


@dataclass(frozen=True)
class Candidate:
    """One request on one location's list, reduced to what the ordering needs."""

    key: int
    requested_at: datetime
    special_care: bool = False
    works: bool = False
    foster: bool = False
    siblings: bool = False
    staff: bool = False
    nearby: bool = False
    urgent: bool = False

    def meets(self, rule: str) -> bool:
        return bool(getattr(self, rule))


def order_errors(order) -> list[str]:
    """A location's rule order: rules of the catalogue, each at most once (the request date is always last and
    never part of the order)."""
    if not isinstance(order, (list, tuple)):
        return [gettext_noop("Give the rules as a list.")]
    errors = []
    unknown = [rule for rule in order if rule not in CATALOGUE]
    if unknown:
        errors.append(gettext_noop("Choose rules of the catalogue."))
    if len(set(map(str, order))) != len(order):
        errors.append(gettext_noop("Each rule may appear only once."))
    return errors


def sort_key(candidate: Candidate, order) -> tuple:
    """Meeting an earlier rule of the location's order beats meeting any later one; then the request date, then
    the key (two requests in the same second keep a fixed order)."""
    return (*(0 if candidate.meets(rule) else 1 for rule in order), candidate.requested_at, candidate.key)


def ordered(candidates, order=DEFAULT_ORDER) -> list[Candidate]:
    """The waiting list of a location, first to last (seed 003 §4.1)."""
    return sorted(candidates, key=lambda candidate: sort_key(candidate, order))


def reasons(candidate: Candidate, order=DEFAULT_ORDER) -> list[str]:
    """Why a candidate stands where it stands: the location's rules it meets, in the location's order, and
    always the request date last."""
    return [rule for rule in order if candidate.meets(rule)] + [REQUEST_DATE]


def positions(candidates, order=DEFAULT_ORDER) -> dict[int, int]:
    """{key: place on the list, from 1}."""
    return {candidate.key: index for index, candidate in enumerate(ordered(candidates, order), 1)}


def is_urgent(reason: str, requested_on: date, start_date: date) -> bool:
    """Seed 003 §4.1: care needed within the month of the request, for one of the listed reasons."""
    return reason in URGENT_REASONS and (start_date - requested_on).days <= URGENT_WITHIN_DAYS


def postcode_digits(postcode: str) -> str:
    return "".join(ch for ch in str(postcode or "") if ch.isdigit())


def is_nearby(postcode: str, location_postcode: str, digits: int = NEARBY_DIGITS) -> bool:
    """Living nearby: the postcode shares its first `digits` digits with the location's (1012 AB and 1013 CD
    in Amsterdam; 9000 and 9008 in Ghent)."""
    a, b = postcode_digits(postcode), postcode_digits(location_postcode)
    return len(a) >= digits and len(b) >= digits and a[:digits] == b[:digits]


def care_type_for(requested: str, offered) -> str | None:
    """The care type a location gives for the kind of care asked: its own when it offers it; a childminder
    (gastouderopvang, 0–13 years) also serves a request for day care or after-school care; else None."""
    offered = tuple(offered or ())
    if requested in offered:
        return requested
    if requested in ("kdv", "bso") and "gastouder" in offered:
        return "gastouder"
    return None


# --- the request form -------------------------------------------------------------------------------------


def request_errors(*, today: date, start_date: date | None, days, birth_date: date | None = None,
                   due_date: date | None = None, min_care_days: int | None = None) -> dict[str, list[str]]:
    """What is wrong with a request, by field. `min_care_days`: the highest minimum of the jurisdictions of the
    locations asked (seed 003 §4.1: a Flemish care plan has at least two days; None: no minimum)."""
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    days = list(days or [])
    if start_date is None:
        add("start_date", gettext_noop("Give the date the care should start."))
    elif start_date < today:
        add("start_date", gettext_noop("The start date lies in the past."))
    elif start_date > today + timedelta(days=MAX_AHEAD_DAYS):
        add("start_date", gettext_noop("The start date lies more than two years ahead."))
    if not days:
        add("days", gettext_noop("Choose at least one day."))
    elif any(not isinstance(day, int) or not 0 <= day <= 6 for day in days):
        add("days", gettext_noop("Choose days of the week."))
    elif len(set(days)) != len(days):
        add("days", gettext_noop("Choose each day once."))
    elif min_care_days and len(days) < min_care_days:
        add("days", gettext_noop("A care plan at a location you chose has at least %(days)s days."))
    if birth_date is None and due_date is None:
        add("birth_date", gettext_noop("Give the birth date, or the due date of a child still expected."))
    elif birth_date is not None and due_date is not None:
        add("due_date", gettext_noop("Give a birth date or a due date, not both."))
    elif birth_date is not None and birth_date > today:
        add("birth_date", gettext_noop("The birth date lies in the future; give a due date instead."))
    elif due_date is not None and due_date < today - timedelta(days=START_MOVES_AROUND_BIRTH_DAYS):
        add("due_date", gettext_noop("The due date has passed; give the birth date."))
    born = birth_date or due_date
    if start_date is not None and born is not None and start_date < born:
        add("start_date", gettext_noop("Care cannot start before the child is born."))
    return errors


# --- placement --------------------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def start_window(start_date: date, expected: bool) -> tuple[date, date]:
    """The start dates an offer may name: for a child still expected up to ten days before or after the date
    asked (seed 003 §4.1); otherwise the date asked or later."""
    if expected:
        span = timedelta(days=START_MOVES_AROUND_BIRTH_DAYS)
        return start_date - span, start_date + span
    return start_date, date.max


def offer_start_errors(*, asked: date, offered: date, expected: bool) -> list[str]:
    """Messages with %(days)s: START_MOVES_AROUND_BIRTH_DAYS."""
    earliest, latest = start_window(asked, expected)
    if expected and not earliest <= offered <= latest:
        return [gettext_noop("For an expected child the start may move at most %(days)s days from the date asked.")]
    if offered < earliest:
        return [gettext_noop("The start lies before the date the parent asked for.")]
    return []


def earliest_offer_date(start_date: date) -> date:
    """Seed 003 §4.1: places are assigned at the earliest nine months before the start."""
    return add_months(start_date, -ASSIGN_MONTHS_BEFORE_START)


def may_offer(today: date, start_date: date) -> bool:
    return today >= earliest_offer_date(start_date)


def intake_moment(start_date: date, today: date) -> date:
    """Seed 003 §4.1: about two months before the start; not before today (a start within two months gets its
    intake moment now, as seed 001's intake meeting)."""
    return max(add_months(start_date, -INTAKE_MONTHS_BEFORE_START), today)


def settling_in_days(start_date: date, weekdays, today: date, sessions: int = SETTLING_IN_SESSIONS) -> list[date]:
    """Settling-in moments (wenmomenten): the last `sessions` care weekdays before the start, after today."""
    wanted = set(weekdays or ())
    found: list[date] = []
    day = start_date - timedelta(days=1)
    while len(found) < sessions and day > today and (start_date - day).days <= 28:
        if day.weekday() in wanted:
            found.append(day)
        day -= timedelta(days=1)
    return sorted(found)


def offer_deadline(today: date, days: int = OFFER_ANSWER_DAYS) -> date:
    return today + timedelta(days=days)


def offer_expired(deadline: date, today: date) -> bool:
    """An offer not answered by its deadline (the whole day counts) goes to the next on the list."""
    return today > deadline


# --- figures ----------------------------------------------------------------------------------------------

MIN_CELL = 5  # no cell below 5 families in the yearly figures


def age_group(born: date | None, start_date: date) -> str:
    """The age at the wanted start: 0 (before the first birthday), 1, 2, 3, 4+ ; 'expected' when not born at
    the request."""
    if born is None:
        return "?"
    years = start_date.year - born.year - ((start_date.month, start_date.day) < (born.month, born.day))
    return "4+" if years >= 4 else str(max(years, 0))


def suppress_small(rows: list[dict], count_fields, minimum: int = MIN_CELL) -> list[dict]:
    """Figures without a cell below `minimum` families: a count under it shows as None ('fewer than 5')."""
    result = []
    for row in rows:
        row = dict(row)
        for field in count_fields:
            if row[field] is not None and 0 < row[field] < minimum:
                row[field] = None
        result.append(row)
    return result


def retention_ends(ended_on: date, months: int) -> date:
    """A request and its proofs are deleted `months` after the request ended."""
    return add_months(ended_on, months)
