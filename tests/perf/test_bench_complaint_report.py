"""Cooperative complaint report benchmark (run by `make bench`, not by `make test`).

50 and then 20,000 locations with 5 complaints each (anonymous rows in the public reporting table, as the
complaint services write them). At each size: the report for the year computed from scratch
(`complaint_reports.selectors.cooperative_report`, what the page, the PDF and the API share) and the whole
report page for the cooperative admin (request, queries, template), BENCH_REPORT_SAMPLES times (15) each; the
PDF once at the large size. Targets: the same number of SQL queries at both sizes, and at 20,000 locations
the page in at most 3x the time (median) it takes at 50. Sizes: BENCH_REPORT_SMALL (50), BENCH_REPORT_LOCATIONS
(20,000; 1,000 in a quick run).

The report reads only the public schema (see complaint_reports), so the bench locations are tenant rows
without schemas of their own: cloning 20,000 schemas would measure provisioning, not the report.
"""
import statistics
import time
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.perf.conftest import record, size

SMALL = size("BENCH_REPORT_SMALL", 50, 50)
LOCATIONS = size("BENCH_REPORT_LOCATIONS", 20000, 1000)
COMPLAINTS_EACH = 5
SAMPLES = size("BENCH_REPORT_SAMPLES", 15, 3)
GROWTH_TARGET = 3.0
YEAR = 2025
TODAY = date(2026, 11, 1)


def _locations(count: int, prefix: str):
    from complaint_reports.models import ComplaintFact
    from cooperative.models import Location

    kinds = ["gastouder", "kdv", "bso", "kindercentrum"]
    locations = Location.objects.bulk_create([
        Location(name=f"Bench report {prefix} {i:05d}", slug=f"bench-report-{prefix}-{i}",
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
    with connection.cursor() as cursor:  # fresh statistics, as autovacuum keeps them on a live database
        for table in ("cooperative_location", "complaint_reports_complaintfact", "complaint_reports_complainttally",
                      "complaint_reports_reportstatus"):
            cursor.execute(f"ANALYZE {table}")
    return locations


def _report():
    from complaint_reports import selectors

    return selectors.cooperative_report(YEAR, today=TODAY)


def _measure(fn) -> tuple[list[float], int]:
    fn()  # the first call of a process loads what every later one reuses
    samples = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    with CaptureQueriesContext(connection) as context:
        fn()
    return samples, len(context.captured_queries)


@pytest.fixture(scope="module")
def report_figures(bench_db):
    from django.test import Client

    from accounts.models import CooperativeRole, User
    from complaint_reports import pdf
    from cooperative.models import Location
    from tests.conftest import give_second_factor

    admin, _ = User.objects.get_or_create(email="bench-report@coop.test", defaults={"full_name": "Bench Admin"})
    CooperativeRole.objects.get_or_create(user=admin, role="coop_admin")
    give_second_factor(admin)  # a cooperative role opens no page without one (accounts.second_factor)
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)

    def page():
        response = client.get(f"/complaint-reports/?year={YEAR}")
        assert response.status_code == 200

    Location.objects.filter(slug__startswith="bench-report-").delete()
    figures = {}
    try:
        _locations(SMALL, "small")
        for count in (SMALL, LOCATIONS):
            if count == LOCATIONS:
                _locations(LOCATIONS - SMALL, "large")
            assert _report().totals.complaints >= count * COMPLAINTS_EACH
            report, report_queries = _measure(_report)
            page_samples, page_queries = _measure(page)
            figures[count] = {"report": statistics.median(report), "report_queries": report_queries,
                              "page": statistics.median(page_samples), "page_queries": page_queries}
            record(f"complaint_report_{count}", f"complaint report (selector), {count} locations x {COMPLAINTS_EACH}",
                   f"median {figures[count]['report']:.3f} s (min {min(report):.3f}, max {max(report):.3f}, "
                   f"n={len(report)}); {report_queries} SQL queries",
                   median=figures[count]["report"], samples=report, queries=report_queries)
            record(f"complaint_report_page_{count}", f"complaint report page, {count} locations",
                   f"median {figures[count]['page']:.3f} s (min {min(page_samples):.3f}, "
                   f"max {max(page_samples):.3f}, n={len(page_samples)}); {page_queries} SQL queries",
                   median=figures[count]["page"], samples=page_samples, queries=page_queries)
        start = time.perf_counter()
        document = pdf.cooperative_report(_report())
        pdf_seconds = time.perf_counter() - start
        record("complaint_report_pdf", f"complaint report as PDF, {LOCATIONS} locations", f"{pdf_seconds:.3f} s",
               seconds=pdf_seconds, bytes=len(document))
        growth = figures[LOCATIONS]["page"] / figures[SMALL]["page"]
        record("complaint_report_growth", f"complaint report page growth {SMALL} -> {LOCATIONS}", f"{growth:.2f}x",
               ratio=growth, selector_ratio=figures[LOCATIONS]["report"] / figures[SMALL]["report"])
        yield figures
    finally:
        Location.objects.filter(slug__startswith="bench-report-").delete()  # the facts go with them (cascade)


def test_same_number_of_queries_at_both_sizes(report_figures):
    assert report_figures[SMALL]["report_queries"] == report_figures[LOCATIONS]["report_queries"]
    assert report_figures[SMALL]["page_queries"] == report_figures[LOCATIONS]["page_queries"]


def test_report_page_at_most_3x_the_time_of_the_small_size(report_figures):
    assert report_figures[LOCATIONS]["page"] <= GROWTH_TARGET * report_figures[SMALL]["page"]
