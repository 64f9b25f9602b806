"""Cooperative complaint report benchmark (run by `make bench`, not by `make test`).

1,000 locations with 5 complaints each (5,000 anonymous rows in the public reporting table, as the complaint
services write them); the report for the year is computed from scratch BENCH_REPORT_SAMPLES times (15).
Target: at most 2 s (median), with the same number of SQL queries as for 10 locations.

The report reads only the public schema (see complaint_reports), so the bench locations are tenant rows
without schemas of their own: cloning 1,000 schemas would measure provisioning, not the report.
"""
import statistics
import time
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.perf.conftest import record, size

LOCATIONS = size("BENCH_REPORT_LOCATIONS", 1000, 50)
COMPLAINTS_EACH = 5
SAMPLES = size("BENCH_REPORT_SAMPLES", 15, 3)
TARGET_S = 2.0
YEAR = 2025
TODAY = date(2026, 11, 1)


def _locations(count: int, prefix: str):
    from complaint_reports.models import ComplaintFact
    from cooperative.models import Location

    kinds = ["gastouder", "kdv", "bso", "kindercentrum"]
    locations = Location.objects.bulk_create([
        Location(name=f"Bench report {prefix} {i}", slug=f"bench-report-{prefix}-{i}",
                 schema_name=f"bench_report_{prefix}_{i}", kind=kinds[i % 4],
                 jurisdiction="NL" if i % 5 else "BE-VLG", region=f"Regio {i % 12}") for i in range(count)],
        batch_size=1000)
    Location.objects.filter(pk__in=[loc.pk for loc in locations]).update(created_at=f"{YEAR - 1}-01-01T00:00Z")
    facts = []
    for location in locations:
        for n in range(COMPLAINTS_EACH):
            received = date(YEAR, 1 + (n * 2) % 12, 1 + n)
            judged = date(YEAR, 1 + (n * 2) % 12, 20) if n % 3 else None
            facts.append(ComplaintFact(
                location=location, complaint_id=n + 1, year=YEAR, subject=["conduct", "method", "agreement"][n % 3],
                status="judged" if judged else "received", outcome="founded" if judged else "",
                received_on=received, deadline=date.fromordinal(received.toordinal() + 42), judged_on=judged,
                escalated=n == 4, measures=n % 2))
    ComplaintFact.objects.bulk_create(facts, batch_size=5000)
    return locations


@pytest.fixture(scope="module")
def report_locations(bench_db):
    from cooperative.models import Location

    Location.objects.filter(slug__startswith="bench-report-").delete()
    small = _locations(10, "small")
    yield small
    Location.objects.filter(slug__startswith="bench-report-").delete()  # the facts go with them (cascade)


def _report():
    from complaint_reports import selectors

    return selectors.cooperative_report(YEAR, today=TODAY)


def _queries() -> int:
    with CaptureQueriesContext(connection) as context:
        _report()
    return len(context.captured_queries)


def test_cooperative_report_for_1000_locations(report_locations):
    from complaint_reports import pdf

    _report()  # the first report of a process loads what every later one reuses
    small_queries = _queries()
    _locations(LOCATIONS - len(report_locations), "large")
    large_queries = _queries()
    report = _report()
    assert report.totals.complaints >= LOCATIONS * COMPLAINTS_EACH
    samples = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        _report()
        samples.append(time.perf_counter() - start)
    start = time.perf_counter()
    document = pdf.cooperative_report(_report())
    pdf_seconds = time.perf_counter() - start
    median = statistics.median(samples)
    record("complaint_report", f"cooperative complaint report, {LOCATIONS} locations x {COMPLAINTS_EACH}",
           f"median {median:.3f} s (min {min(samples):.3f}, max {max(samples):.3f}, n={len(samples)}); "
           f"{large_queries} SQL queries (10 locations: {small_queries})",
           median=median, samples=samples, queries=large_queries, queries_10=small_queries)
    record("complaint_report_pdf", "cooperative complaint report as PDF", f"{pdf_seconds:.3f} s",
           seconds=pdf_seconds, bytes=len(document))
    assert large_queries == small_queries
    assert median <= TARGET_S
