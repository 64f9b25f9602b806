"""Cooperative dashboard benchmark (run by `make bench`, not by `make test`).

Seeds 50 and then 20,000 locations cheaply — rows in the public schema only (bulk inserts; the dashboard
never reads a location's schema, its per-location figures are in `advisory.LocationFigures`) — with two
visits a year in every state, follow-up actions, quality documents, inspections and figures, and measures
the whole dashboard page for the cooperative admin (request, queries, template) and, separately, the list
behind the "all locations" tile (its second page of 50) and the CSV export, which streams one line per
location and so grows with their number.

Targets for the page: the same number of SQL queries at both sizes, and at 20,000 locations at most 3x the
time (median) at 50. The list and the export: the same number of queries at both sizes (their times are
reported, they have no target). Sizes: BENCH_DASHBOARD_SMALL (50), BENCH_DASHBOARD_LARGE (20,000; 1,000 in
a quick run); samples: BENCH_DASHBOARD_SAMPLES (7). The seeded rows are deleted again afterwards.
"""
import statistics
import time
from datetime import date, timedelta

import pytest

from tests.perf.conftest import record, size

SAMPLES = size("BENCH_DASHBOARD_SAMPLES", 7, 3)
SMALL, LARGE = size("BENCH_DASHBOARD_SMALL", 50, 50), size("BENCH_DASHBOARD_LARGE", 20000, 1000)
SIZES = (SMALL, LARGE)
GROWTH_TARGET = 3.0
PREFIX = "dash-"


def seed(start: int, stop: int, adviser, year: int) -> None:
    from django.utils import timezone

    from accounts.models import AdviserAssignment
    from advisory.models import (
        Checklist,
        FollowUpAction,
        Inspection,
        LocationFigures,
        QualityDocument,
        QualityDocumentType,
        Visit,
    )
    from cooperative.models import Location

    kinds = ["gastouder", "kdv", "bso", "kindercentrum"]
    regions = ["Noord", "Oost", "Zuid", "West", "Midden"]
    locations = Location.objects.bulk_create([
        Location(name=f"Bench location {n:05d}", slug=f"{PREFIX}{n}", schema_name=f"dash_{n}", kind=kinds[n % 4],
                 jurisdiction="NL", region=regions[n % 5], licensed_places=6 + n % 40,
                 opening_date=date(2015, 1, 1), lrk_numbers={kinds[n % 4]: f"{100000000 + n}"})
        for n in range(start, stop)], batch_size=1000)
    AdviserAssignment.objects.bulk_create(
        [AdviserAssignment(adviser=adviser, location=loc) for i, loc in enumerate(locations) if i % 10 == 0])
    checklists = {c.visit_type: c for c in Checklist.objects.filter(version=1)}
    now = timezone.now()
    visits = []
    for i, loc in enumerate(locations):
        state = i % 4  # done, planned, overdue, missing
        if state == 3:
            continue
        for visit_type in ("pedagogical", "business"):
            scheduled = {0: now - timedelta(days=30), 1: now + timedelta(days=30), 2: now - timedelta(days=3)}[state]
            visits.append(Visit(location=loc, year=year, visit_type=visit_type, adviser=adviser,
                                deadline=date(year, 12, 31), scheduled_at=scheduled, checklist=checklists[visit_type],
                                completed_at=now if state == 0 else None))
    Visit.objects.bulk_create(visits, batch_size=2000)
    today = timezone.localdate()
    FollowUpAction.objects.bulk_create([
        FollowUpAction(location=loc, description="Update the policy", owner="entrepreneur",
                       due_date=today + timedelta(days=(i % 7) * 10 - 30)) for i, loc in enumerate(locations)
        for _ in range(i % 3)], batch_size=2000)
    types = list(QualityDocumentType.objects.filter(required=True))
    QualityDocument.objects.bulk_create([
        QualityDocument(location=loc, doc_type=t, version=1, file="advisory/bench.pdf",
                        effective_date=today - timedelta(days=300),
                        review_date=today + timedelta(days=(i % 5) * 60 - 90))
        for i, loc in enumerate(locations) for t in types if i % 6], batch_size=2000)
    Inspection.objects.bulk_create([
        Inspection(location=loc, inspected_on=today - timedelta(days=30 + i % 300), kind="annual",
                   met_requirements=bool(i % 5)) for i, loc in enumerate(locations) if i % 4], batch_size=2000)
    LocationFigures.objects.bulk_create([
        LocationFigures(location=loc, children_under_contract=(i * 7) % (loc.licensed_places + 1))
        for i, loc in enumerate(locations)], batch_size=2000)
    from django.db import connection

    with connection.cursor() as cursor:  # fresh statistics, no dead rows: as autovacuum keeps a live database
        for table in ("cooperative_location", "accounts_adviserassignment", "advisory_visit",
                      "advisory_followupaction", "advisory_qualitydocument", "advisory_inspection",
                      "advisory_locationfigures", "advisory_locationstate"):
            cursor.execute(f"VACUUM ANALYZE {table}")


def measure(client, url: str) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def once():
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200 and body
        return body

    once()  # warm up
    samples = []
    for _ in range(SAMPLES):
        start = time.perf_counter()
        once()
        samples.append(time.perf_counter() - start)
    with CaptureQueriesContext(connection) as captured:
        once()
    return samples, len(captured)


@pytest.fixture(scope="module")
def dashboard_figures(bench_db):
    from django.test import Client
    from django.utils import timezone

    from accounts.models import CooperativeRole, User
    from cooperative.models import Location
    from tests.conftest import give_second_factor

    admin, _ = User.objects.get_or_create(email="bench-admin@coop.test", defaults={"full_name": "Bench Admin"})
    CooperativeRole.objects.get_or_create(user=admin, role="coop_admin")
    give_second_factor(admin)  # a cooperative role opens no page without one (accounts.second_factor)
    adviser, _ = User.objects.get_or_create(email="bench-adviser@coop.test", defaults={"full_name": "Bench Adviser"})
    CooperativeRole.objects.get_or_create(user=adviser, role="adviser")
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    year = timezone.localdate().year
    figures = {}
    seeded = 0
    try:
        for size in SIZES:
            start = time.perf_counter()
            seed(seeded, size, adviser, year)
            seed_s = time.perf_counter() - start
            seeded = size
            page, page_queries = measure(client, "/advisory/")
            export, export_queries = measure(client, "/advisory/export.csv")
            listing, listing_queries = measure(client, "/advisory/list/all/?page=2")
            figures[size] = {"page": statistics.median(page), "page_queries": page_queries,
                             "list": statistics.median(listing), "list_queries": listing_queries,
                             "export": statistics.median(export), "export_queries": export_queries,
                             "seed": seed_s}
            record(f"dashboard_{size}", f"dashboard page, {size} locations",
                   f"median {figures[size]['page']:.3f} s (min {min(page):.3f}, max {max(page):.3f}, n={len(page)}), "
                   f"{page_queries} queries", seconds=figures[size]["page"], queries=page_queries)
            record(f"dashboard_export_{size}", f"dashboard CSV export, {size} locations",
                   f"median {figures[size]['export']:.3f} s, {export_queries} queries",
                   seconds=figures[size]["export"], queries=export_queries)
            record(f"dashboard_list_{size}", f"dashboard list 'all locations', page 2, {size} locations",
                   f"median {figures[size]['list']:.3f} s, {listing_queries} queries",
                   seconds=figures[size]["list"], queries=listing_queries)
            record(f"dashboard_seed_{size}", f"dashboard seed up to {size} locations", f"{seed_s:.2f} s")
        growth = figures[SIZES[1]]["page"] / figures[SIZES[0]]["page"]
        record("dashboard_growth", f"dashboard growth {SIZES[0]} -> {SIZES[1]}", f"{growth:.2f}x", ratio=growth)
        yield figures
    finally:
        Location.objects.filter(slug__startswith=PREFIX).delete()


def test_dashboard_page_at_most_3x_the_time_of_the_small_size(dashboard_figures):
    assert dashboard_figures[LARGE]["page"] <= GROWTH_TARGET * dashboard_figures[SMALL]["page"]


def test_same_number_of_queries_at_both_sizes(dashboard_figures):
    assert dashboard_figures[SMALL]["page_queries"] == dashboard_figures[LARGE]["page_queries"]
    assert dashboard_figures[SMALL]["export_queries"] == dashboard_figures[LARGE]["export_queries"]
    assert dashboard_figures[SMALL]["list_queries"] == dashboard_figures[LARGE]["list_queries"]
