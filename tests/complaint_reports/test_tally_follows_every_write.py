"""The complaint tally (one row per location and year, kept by a database trigger) says what the complaint rows
say, after every kind of write: single saves through the complaint services' path, bulk inserts, bulk updates
that move complaints between years and subjects, deletes, the rebuild, a location deleted or offboarded. The
report read from the tally is compared with the same figures counted here in Python straight from the rows,
on days before, on and after the deadlines ("due": judged, or the deadline passed — the deadline day itself
is not yet past)."""
import random
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction

from complaint_reports import selectors, services, tally
from complaint_reports.models import ComplaintFact, ComplaintTally
from tests.complaint_reports.conftest import many_locations

YEAR = 2025
FIGURES = ("complaints", "judged", "on_time", "due", "escalated", "handling_days", "measures")


def _random_facts(locations, rng: random.Random, count: int) -> list[ComplaintFact]:
    facts = []
    for n in range(count):
        received = date(rng.choice((YEAR - 1, YEAR, YEAR)), rng.randint(1, 12), rng.randint(1, 28))
        deadline = received + timedelta(days=rng.choice((14, 42, 70)))
        judged = received + timedelta(days=rng.randint(1, 80)) if rng.random() < 0.6 else None
        facts.append(ComplaintFact(
            location=rng.choice(locations), complaint_id=1000 + n, year=received.year,
            subject=rng.choice(tally.SUBJECTS), status=rng.choice(tally.STATES),
            outcome=rng.choice(tally.OUTCOMES) if judged else "", received_on=received, deadline=deadline,
            judged_on=judged, escalated=rng.random() < 0.2, measures=rng.randint(0, 3)))
    return facts


def _bucket(facts, today) -> dict:
    judged = [f for f in facts if f.judged_on]
    return {"complaints": len(facts), "judged": len(judged),
            "on_time": sum(f.judged_on <= f.deadline for f in judged),
            "due": sum(f.judged_on is not None or f.deadline < today for f in facts),
            "escalated": sum(f.escalated for f in facts),
            "handling_days": sum((f.judged_on - f.received_on).days for f in judged),
            "measures": sum(f.measures for f in facts)}


def _expected(year: int, today: date) -> dict:
    facts = list(ComplaintFact.objects.filter(year=year).exclude(location__status="offboarded")
                 .select_related("location"))

    def grouped(key):
        groups = {}
        for fact in facts:
            groups.setdefault(key(fact), []).append(fact)
        return {k: _bucket(v, today) for k, v in groups.items()}

    def counted(key):
        counts = {}
        for fact in facts:
            if key(fact):
                counts[key(fact)] = counts.get(key(fact), 0) + 1
        return counts

    return {"totals": _bucket(facts, today), "by_subject": grouped(lambda f: f.subject),
            "by_kind": grouped(lambda f: f.location.kind), "by_region": grouped(lambda f: f.location.region or ""),
            "by_outcome": counted(lambda f: f.outcome), "by_status": counted(lambda f: f.status)}


def _figures(bucket) -> dict:
    return {name: getattr(bucket, name) for name in FIGURES}


def _read(year: int, today: date) -> dict:
    report = selectors.cooperative_report(year, today=today)
    return {"totals": _figures(report.totals),
            "by_subject": {k: _figures(v) for k, v in report.by_subject.items()},
            "by_kind": {k: _figures(v) for k, v in report.by_kind.items()},
            "by_region": {k: _figures(v) for k, v in report.by_region.items()},
            "by_outcome": report.by_outcome, "by_status": report.by_status}


def _tally_matches_the_rows() -> None:
    keys = set(ComplaintFact.objects.values_list("location_id", "year").distinct())
    assert set(ComplaintTally.objects.values_list("location_id", "year")) == keys
    for location_id, year in keys:
        row = ComplaintTally.objects.select_related("location").get(location_id=location_id, year=year)
        assert (row.kind, row.region, row.active) == (
            row.location.kind, row.location.region, row.location.status != "offboarded")
        facts = list(ComplaintFact.objects.filter(location_id=location_id, year=year))
        for subject in tally.SUBJECTS:
            of_subject = [f for f in facts if f.subject == subject]
            counted = _bucket(of_subject, date.max)
            for figure in tally.PER_SUBJECT:
                assert getattr(row, tally.subject_column(subject, figure)) == counted[figure], (subject, figure)
        for outcome in tally.OUTCOMES:
            assert getattr(row, tally.outcome_column(outcome)) == sum(f.outcome == outcome for f in facts)
        for state in tally.STATES:
            assert getattr(row, tally.state_column(state)) == sum(f.status == state for f in facts)


def _check() -> None:
    _tally_matches_the_rows()
    deadlines = sorted(set(ComplaintFact.objects.filter(year=YEAR).values_list("deadline", flat=True)))
    days = [date(YEAR, 1, 1), deadlines[len(deadlines) // 2], deadlines[len(deadlines) // 2] + timedelta(days=1),
            date(YEAR + 1, 3, 1), date(YEAR + 2, 1, 1)]
    for year in (YEAR - 1, YEAR):
        for today in days:
            assert _read(year, today) == _expected(year, today), (year, today)


@pytest.fixture
def rows(world):
    locations = many_locations(6, complaints_each=3, prefix="tally")
    ComplaintFact.objects.bulk_create(_random_facts(locations, random.Random(2025), 120))
    return locations


def test_bulk_inserts_are_counted(rows):
    _check()


def test_single_saves_bulk_updates_and_deletes_are_counted(rows):
    rng = random.Random(7)
    fact = ComplaintFact.objects.filter(judged_on__isnull=True).first()
    services.record_complaint(fact.location, services.Fact(
        complaint_id=fact.complaint_id, subject="method", status="judged", outcome="founded",
        received_on=fact.received_on, deadline=fact.deadline, judged_on=fact.deadline, escalated=False, measures=2))
    _check()
    moved = ComplaintFact.objects.filter(year=YEAR, subject="conduct")[:10]
    ComplaintFact.objects.filter(pk__in=[f.pk for f in moved]).update(year=YEAR - 1, subject="agreement")
    _check()
    every = list(ComplaintFact.objects.values_list("pk", flat=True))
    ComplaintFact.objects.filter(pk__in=rng.sample(every, 30)).delete()
    _check()
    ComplaintFact.objects.filter(judged_on__isnull=True).update(judged_on=date(YEAR + 1, 1, 5), status="closed")
    _check()


def test_the_rebuild_a_deleted_an_offboarded_and_a_changed_location_are_counted(rows):
    services.replace_location(rows[0], [], [])
    _check()
    rows[1].delete()
    _check()
    type(rows[2]).objects.filter(pk=rows[2].pk).update(status="offboarded")
    _check()
    type(rows[3]).objects.filter(pk=rows[3].pk).update(kind="bso", region="Regio nieuw")
    rows[4].kind, rows[4].region = "gastouder", ""
    rows[4].save()
    _check()
    ComplaintFact.objects.all().delete()
    assert not ComplaintTally.objects.exists()


def test_a_deadline_still_ahead_is_not_due_until_the_day_after(rows):
    location = rows[3]
    ComplaintFact.objects.filter(location=location, year=YEAR).delete()
    ComplaintFact.objects.create(location=location, complaint_id=1, year=YEAR, subject="conduct", status="received",
                                 received_on=date(YEAR, 11, 20), deadline=date(YEAR, 12, 31))
    ComplaintFact.objects.create(location=location, complaint_id=2, year=YEAR, subject="conduct", status="received",
                                 received_on=date(YEAR, 10, 1), deadline=date(YEAR, 11, 12))
    only_here = {"scope": "assigned"}
    from accounts.models import AdviserAssignment
    from tests.conftest import make_user

    adviser = make_user("tally-adviser@coop.test", "Tally Adviser")
    AdviserAssignment.objects.create(adviser=adviser, location=location)
    for today, due in ((date(YEAR, 11, 12), 0), (date(YEAR, 11, 13), 1), (date(YEAR, 12, 31), 1),
                       (date(YEAR + 1, 1, 1), 2)):
        report = selectors.cooperative_report(YEAR, today=today, user=adviser, **only_here)
        assert (report.totals.complaints, report.totals.due) == (2, due), today


def test_a_complaint_outside_the_tallys_lists_is_refused(db):
    from cooperative.models import Location

    location = Location.objects.create(name="Onbekend", slug="onbekend", schema_name="loc_onbekend", kind="kdv")
    for field, value in (("subject", "other"), ("status", "lost"), ("outcome", "maybe")):
        values = {"subject": "conduct", "status": "received", "outcome": "", field: value}
        with pytest.raises(IntegrityError), transaction.atomic():
            ComplaintFact.objects.create(location=location, complaint_id=1, year=YEAR, received_on=date(YEAR, 1, 2),
                                         deadline=date(YEAR, 2, 13), **values)


def test_two_complaints_of_one_location_written_at_once_are_both_counted():
    """Two transactions each add a complaint of the same location and year; the first commits only after the
    second's recount has started. The second recount waits for the first (a lock per location) and so counts
    both, instead of overwriting the tally with its own view of one."""
    import threading

    from cooperative.models import Location
    from tests.conftest import in_a_thread

    location = in_a_thread(lambda: Location.objects.create(
        name="Gelijktijdig", slug="gelijktijdig", schema_name="loc_gelijktijdig", kind="kdv"))
    first_written, second_started = threading.Event(), threading.Event()

    def add(complaint_id: int, *, hold: bool):
        with transaction.atomic():
            ComplaintFact.objects.create(location=location, complaint_id=complaint_id, year=YEAR, subject="conduct",
                                         status="received", received_on=date(YEAR, 3, complaint_id),
                                         deadline=date(YEAR, 4, 14))
            if hold:
                first_written.set()
                assert second_started.wait(10)
                threading.Event().wait(0.5)  # the second's insert and recount are under way, waiting on us

    def second():
        assert first_written.wait(10)
        second_started.set()
        add(2, hold=False)

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(in_a_thread, lambda: add(1, hold=True)), pool.submit(in_a_thread, second)]
            [future.result() for future in futures]
        counted = in_a_thread(lambda: ComplaintTally.objects.get(location=location, year=YEAR).conduct_complaints)
        assert counted == 2
    finally:
        in_a_thread(lambda: Location.objects.filter(pk=location.pk).delete())
