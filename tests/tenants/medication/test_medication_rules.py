"""Rules of medication, seed 003 §4.6.4 (a medication form per medicine, signed, given at its times from the
first to the last day) and §4.6.3 (fever-reducers: only after contact and consultation with the parents or
the doctor; paracetamol; ibuprofen only from 6 months and never with fluid loss such as diarrhoea)."""
from datetime import UTC, date, datetime, time

import pytest

from tenants.medication import rules

TEN = time(10, 0)
TWO = time(14, 30)


@pytest.mark.parametrize(("start", "end", "day", "expected"), [
    (date(2026, 12, 1), date(2026, 12, 5), date(2026, 12, 1), [TEN, TWO]),  # the first day counts
    (date(2026, 12, 1), date(2026, 12, 5), date(2026, 12, 5), [TEN, TWO]),  # the last day counts (inclusive)
    (date(2026, 12, 1), date(2026, 12, 5), date(2026, 12, 3), [TEN, TWO]),
    (date(2026, 12, 1), date(2026, 12, 5), date(2026, 11, 30), []),  # the day before
    (date(2026, 12, 1), date(2026, 12, 5), date(2026, 12, 6), []),  # the day after
    (date(2026, 12, 4), date(2026, 12, 4), date(2026, 12, 4), [TEN, TWO]),  # a single day
])
def test_due_times_from_the_first_to_the_last_day_inclusive(start, end, day, expected):
    """seed 003 §4.6.4"""
    assert rules.due_times(start, end, [TWO, TEN], day) == expected


def test_due_times_once_each_in_order_of_the_day():
    assert rules.due_times(date(2026, 1, 1), date(2026, 1, 1), [TWO, TEN, TWO], date(2026, 1, 1)) == [TEN, TWO]


DUE = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("now", "grace", "given", "late"), [
    (datetime(2026, 12, 4, 9, 59, tzinfo=UTC), 30, False, False),
    (datetime(2026, 12, 4, 10, 0, tzinfo=UTC), 30, False, False),
    (datetime(2026, 12, 4, 10, 30, tzinfo=UTC), 30, False, False),  # the last minute in time
    (datetime(2026, 12, 4, 10, 30, 59, tzinfo=UTC), 30, False, False),  # compared to the minute
    (datetime(2026, 12, 4, 10, 31, tzinfo=UTC), 30, False, True),  # late from the next minute
    (datetime(2026, 12, 4, 15, 0, tzinfo=UTC), 30, True, False),  # given: never late
    (datetime(2026, 12, 4, 10, 0, tzinfo=UTC), 0, False, False),  # no grace: in time at its minute
    (datetime(2026, 12, 4, 10, 1, tzinfo=UTC), 0, False, True),
])
def test_a_dose_not_given_by_its_time_and_the_grace_is_late(now, grace, given, late):
    assert rules.is_overdue(DUE, now, grace, given=given) is late


@pytest.mark.parametrize(("born", "on", "months"), [
    (date(2026, 6, 4), date(2026, 12, 4), 6),
    (date(2026, 6, 5), date(2026, 12, 4), 5),  # one day short of six months
    (date(2026, 1, 31), date(2026, 2, 28), 1),  # the last day of a shorter month completes the month
    (date(2026, 1, 31), date(2026, 2, 27), 0),
    (date(2026, 12, 4), date(2026, 12, 4), 0),
])
def test_age_in_whole_months(born, on, months):
    assert rules.age_in_months(born, on) == months


DEFAULT = rules.FeverPolicy()
ONLY_PARACETAMOL = rules.FeverPolicy(allowed=frozenset({rules.PARACETAMOL}))


@pytest.mark.parametrize(("kind", "months", "fluid_loss", "contact", "policy", "allowed"), [
    # seed 003 §4.6.3: "Als koortswerend middel wordt Paracetamol (Perdolan) toegediend."
    ("paracetamol", 3, False, True, DEFAULT, True),
    ("paracetamol", 3, True, True, DEFAULT, True),  # fluid loss does not stop paracetamol
    # "Een koortswerend middel wordt alleen toegediend na contact én overleg met de ouders of de arts."
    ("paracetamol", 12, False, False, DEFAULT, False),
    ("ibuprofen", 12, False, False, DEFAULT, False),
    # "Nurofen ... kan enkel vanaf 6 maanden."
    ("ibuprofen", 6, False, True, DEFAULT, True),  # from 6 months exactly
    ("ibuprofen", 5, False, True, DEFAULT, False),
    # "Nurofen wordt nooit toegediend bij vochtverlies bv diarree"
    ("ibuprofen", 24, True, True, DEFAULT, False),
    # The location's own policy: only the kinds it allows.
    ("ibuprofen", 24, False, True, ONLY_PARACETAMOL, False),
    ("paracetamol", 24, False, True, ONLY_PARACETAMOL, True),
    ("ibuprofen", 11, False, True, rules.FeverPolicy(ibuprofen_min_months=12), False),
    ("ibuprofen", 12, False, True, rules.FeverPolicy(ibuprofen_min_months=12), True),
    ("aspirin", 60, False, True, DEFAULT, False),  # no other kinds
])
def test_fever_reducer_allowed(kind, months, fluid_loss, contact, policy, allowed):
    assert rules.fever_reducer_allowed(kind, months, fluid_loss, contact, policy) is allowed


@pytest.mark.parametrize(("text", "times", "ok"), [
    ("10:00, 14:30", [TEN, TWO], True),
    ("14.30 10:00", [TEN, TWO], True),
    ("10h00", [TEN], True),
    ("25:00", [], False),
    ("morning", [], False),
    ("", [], True),
])
def test_times_of_day_as_written(text, times, ok):
    assert rules.parse_times(text) == (times, ok)


@pytest.mark.parametrize(("fields", "field"), [
    ({"name": ""}, "name"),
    ({"dose": " "}, "dose"),
    ({"times": []}, "times"),
    ({"start": None}, "start_date"),
    ({"start": date(2026, 12, 3)}, "start_date"),  # in the past
    ({"end": date(2026, 12, 3)}, "end_date"),  # before the first day
    ({"end": date(2027, 12, 5)}, "end_date"),  # more than a year
])
def test_request_errors_name_the_field(fields, field):
    values = {"name": "Amoxicilline", "dose": "5 ml", "times": [TEN], "start": date(2026, 12, 4),
              "end": date(2026, 12, 10), "today": date(2026, 12, 4)} | fields
    assert list(rules.request_errors(**values)) == [field]


def test_a_complete_request_has_no_errors():
    assert rules.request_errors(name="Amoxicilline", dose="5 ml", times=[TEN], start=date(2026, 12, 4),
                                end=date(2027, 12, 3), today=date(2026, 12, 4)) == {}
