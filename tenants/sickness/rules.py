"""Rules of sickness at admission and during the day (ziekte), as plain functions without Django.

Seed 003 §4.6.1: a child is not admitted with one of the symptoms of the right-hand column of the checklist of
Kind en Gezin, and may come back when it has none of them any more and has had no fever (38.0 °C or more) for at
least 24 hours — unless the fever follows a vaccination. §4.6.2: when a child falls ill during the day the parents
are warned as soon as possible and asked to collect it if needed. A Dutch location uses its own health policy's
table (tenants/sickness/tables.py); which table is the jurisdiction's policy (jurisdictions.Health.checklist), and
a location may adjust rows of its own (`adjusted`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation


def gettext_noop(message: str) -> str:
    """Marks a text for translation (the page translates it for the reader)."""
    return message


ADMITTED = "admitted"
CONDITIONS = "conditions"          # admitted with conditions
NOT_ADMITTED = "not_admitted"
DECISIONS = (ADMITTED, CONDITIONS, NOT_ADMITTED)
#: How strict a decision is: the strictest row decides.
SEVERITY = {ADMITTED: 0, CONDITIONS: 1, NOT_ADMITTED: 2}

FEVER = "fever"  # the key of the fever row in every checklist

#: A body temperature outside this range is a typing error, not a measurement (°C).
LOWEST_TEMPERATURE = Decimal("34.0")
HIGHEST_TEMPERATURE = Decimal("43.0")


@dataclass(frozen=True)
class Row:
    """One condition or symptom of a checklist and what it means for admission."""

    key: str
    label: str            # English, translated where shown
    decision: str         # ADMITTED, CONDITIONS or NOT_ADMITTED
    source: str           # where the row comes from (seed and section, the agency's list, or "own")
    condition: str = ""   # English: the condition under which the child is admitted, or what staff do
    back: str = ""        # English: when the child may come back
    own: bool = False     # set or changed by the location


@dataclass(frozen=True)
class Checklist:
    key: str
    name: str                       # English
    source: str
    rows: tuple[Row, ...]
    fever_from: Decimal = Decimal("38.0")     # a measurement at or above this is fever
    fever_free_hours: int | None = 24         # hours without fever before the child may come back; None: no rule
    vaccination_exception: bool = True        # fever that follows a vaccination does not count

    def row(self, key: str) -> Row | None:
        return next((row for row in self.rows if row.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.rows)


@dataclass(frozen=True)
class Measurement:
    """A temperature taken at a moment (aware datetime), and whether the child was vaccinated shortly before."""

    at: datetime
    celsius: Decimal
    after_vaccination: bool = False


@dataclass(frozen=True)
class Assessment:
    decision: str
    reasons: tuple[str, ...]          # keys of the rows that decided (the strictest ones)
    fever: bool                        # the last measurement is fever that counts
    may_return_at: datetime | None     # the earliest moment the fever rule lets the child come back
    back_notes: tuple[str, ...]        # the "back" texts of the rows that are not ADMITTED


# --- temperatures ------------------------------------------------------------------------------------------


def parse_temperature(text) -> tuple[Decimal | None, str | None]:
    """'38,4' or '38.4' -> (Decimal('38.4'), None); empty -> (None, None); nonsense -> (None, error text)."""
    if text is None or str(text).strip() == "":
        return None, None
    try:
        value = Decimal(str(text).strip().replace(",", ".").replace("°", "").replace("C", "").strip())
    except InvalidOperation:
        return None, gettext_noop("Write the temperature as a number, e.g. 38.2.")
    if not value.is_finite():
        return None, gettext_noop("Write the temperature as a number, e.g. 38.2.")
    if value != value.quantize(Decimal("0.1")):
        return None, gettext_noop("Give the temperature to one decimal, e.g. 38.2.")
    if not LOWEST_TEMPERATURE <= value <= HIGHEST_TEMPERATURE:
        return None, gettext_noop("A body temperature lies between 34.0 and 43.0 °C.")
    return value, None


def is_fever(celsius: Decimal | None, checklist: Checklist) -> bool:
    """Seed 003 §4.6.1: fever is 38.0 °C or more (37.9 is not)."""
    return celsius is not None and Decimal(celsius) >= checklist.fever_from


def counts_as_fever(measurement: Measurement, checklist: Checklist) -> bool:
    """Fever that counts for admission: not when it follows a vaccination (if the checklist says so)."""
    if not is_fever(measurement.celsius, checklist):
        return False
    return not (checklist.vaccination_exception and measurement.after_vaccination)


# --- the fever return rule ---------------------------------------------------------------------------------


def last_fever(measurements, checklist: Checklist) -> Measurement | None:
    """The latest measurement (by its moment, whatever order they come in) that counts as fever."""
    fevers = [m for m in measurements if counts_as_fever(m, checklist)]
    return max(fevers, key=lambda m: m.at) if fevers else None


def return_moment(measurements, checklist: Checklist) -> datetime | None:
    """Seed 003 §4.6.1: the child may come back once it has had no fever for at least 24 hours: the last fever
    measurement plus 24 elapsed hours (counted in UTC, so a change to or from summer time does not shift it), in
    the time zone the measurement was taken in, to the minute. None: no fever that counts, or no such rule."""
    if checklist.fever_free_hours is None:
        return None
    fever = last_fever(measurements, checklist)
    if fever is None:
        return None
    moment = fever.at.astimezone(UTC) + timedelta(hours=checklist.fever_free_hours)
    return moment.astimezone(fever.at.tzinfo).replace(second=0, microsecond=0) + (
        timedelta(minutes=1) if fever.at.second or fever.at.microsecond else timedelta(0))


def has_fever(measurements, checklist: Checklist, now: datetime | None) -> bool:
    """Whether the child counts as having fever at `now`: its latest measurement is fever that counts, and (with
    a return rule) the fever-free hours have not passed, (without one) it was taken the same day."""
    if not measurements:
        return False
    latest = max(measurements, key=lambda m: m.at)
    if not counts_as_fever(latest, checklist):
        return False
    if now is None:
        return True
    moment = return_moment(measurements, checklist)
    if moment is not None:
        return now < moment
    return latest.at.astimezone(now.tzinfo).date() == now.date()


def fever_free_since(measurements, checklist: Checklist, now: datetime) -> bool:
    """Whether the fever rule lets the child in at `now` (no fever that counts, or its 24 hours have passed)."""
    moment = return_moment(measurements, checklist)
    return moment is None or now >= moment


# --- deciding ----------------------------------------------------------------------------------------------


def decision_of(row: Row) -> str:
    return row.decision


def strictest(decisions) -> str:
    decisions = list(decisions)
    return max(decisions, key=SEVERITY.__getitem__) if decisions else ADMITTED


def assess(checklist: Checklist, *, symptoms, measurements=(), now: datetime | None = None) -> Assessment:
    """What the checklist says for a child with `symptoms` (row keys) and `measurements` of its temperature.

    The fever row is added when the last measurement counts as fever; a fever's return moment counts from the
    last fever measurement. The strictest row decides; unknown keys are refused (ValueError)."""
    unknown = [key for key in symptoms if checklist.row(key) is None]
    if unknown:
        raise ValueError(f"unknown rows: {unknown}")
    measurements = list(measurements)
    # A thermometer decides when there is a measurement; without one, fever ticked by staff counts.
    fever_now = has_fever(measurements, checklist, now) if measurements else FEVER in symptoms
    keys = [key for key in dict.fromkeys(symptoms) if key != FEVER] + ([FEVER] if fever_now else [])
    rows = [checklist.row(key) for key in keys]
    decision = strictest(row.decision for row in rows)
    reasons = tuple(row.key for row in rows if row.decision == decision and decision != ADMITTED)
    may_return_at = return_moment(measurements, checklist)
    if may_return_at is not None and now is not None and now >= may_return_at:
        may_return_at = None
    notes = tuple(row.back for row in rows if row.decision != ADMITTED and row.back)
    return Assessment(decision=decision, reasons=reasons, fever=fever_now, may_return_at=may_return_at,
                      back_notes=notes)


def may_come(checklist: Checklist, *, symptoms, measurements, at: datetime) -> bool:
    """At admission: no symptom that is not admitted, and the fever rule satisfied at `at`."""
    result = assess(checklist, symptoms=symptoms, measurements=measurements, now=at)
    return result.decision != NOT_ADMITTED and fever_free_since(measurements, checklist, at)


# --- the location's own rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Adjustment:
    """A location's own version of a row (same key) or a row of its own (new key)."""

    key: str
    decision: str
    label: str = ""
    condition: str = ""
    back: str = ""


def adjustment_errors(adjustment: Adjustment, checklist: Checklist) -> dict[str, str]:
    errors = {}
    if adjustment.decision not in DECISIONS:
        errors["decision"] = gettext_noop("Choose admitted, admitted with conditions or not admitted.")
    if checklist.row(adjustment.key) is None and not adjustment.label.strip():
        errors["label"] = gettext_noop("Name the condition or symptom.")
    if adjustment.key == FEVER and adjustment.decision == ADMITTED:
        errors["decision"] = gettext_noop("Fever cannot be admitted without conditions.")
    return errors


def adjusted(checklist: Checklist, adjustments) -> Checklist:
    """The checklist with the location's own rows: a changed row keeps its place, a new row comes last."""
    by_key = {a.key: a for a in adjustments}
    rows = []
    for row in checklist.rows:
        own = by_key.pop(row.key, None)
        if own is None:
            rows.append(row)
        else:
            rows.append(replace(row, decision=own.decision, label=own.label.strip() or row.label,
                                condition=own.condition, back=own.back, own=True, source="own"))
    for own in by_key.values():
        rows.append(Row(key=own.key, label=own.label.strip(), decision=own.decision, source="own",
                        condition=own.condition, back=own.back, own=True))
    return replace(checklist, rows=tuple(rows))
