"""Invoicing benchmark (run by `make bench`): the monthly run for BENCH_INVOICE_LOCATIONS locations (1,000)
with BENCH_INVOICE_CHILDREN children each (12) — one signed contract per child, so 12,000 invoices — by
BENCH_INVOICE_WORKERS worker processes (2), each running its share of the locations in their own schemas, as
the Celery workers do. Target: at most 10 minutes, and at least 4x the invoices a second of the run that still
rendered every PDF (BENCH_INVOICE_BEFORE: that run's invoices a second on the same machine, for the ratio;
without it the ratio is to 221/s, the figure of the run with PDFs on a quiet machine). Then the same month
again: no second invoice. Then the first view of BENCH_INVOICE_VIEWS invoices' PDFs (200; each renders and
stores its PDF through the page a parent downloads it from): p95 at most 300 ms.
Smaller sizes for a quick run: BENCH_INVOICE_LOCATIONS=20, BENCH_INVOICE_VIEWS=50. The workers fork after the URL
configuration is loaded, as a Celery worker's do (BENCH_INVOICE_COLD=1: as before this, each worker loads it)."""
import multiprocessing
import os
import time
from datetime import date
from datetime import time as clock
from decimal import Decimal

import pytest

from tests.perf.conftest import record, side_by_side, size

LOCATIONS = size("BENCH_INVOICE_LOCATIONS", 1000, 20)
CHILDREN = size("BENCH_INVOICE_CHILDREN", 12, 12)
WORKERS = size("BENCH_INVOICE_WORKERS", 2, 2)
VIEWS = size("BENCH_INVOICE_VIEWS", 200, 50)
TARGET_S = 600.0
BEFORE_PER_SECOND = float(os.environ.get("BENCH_INVOICE_BEFORE") or 221.0)
TARGET_RATIO = 4.0
FIRST_VIEW_P95_S = 0.300
MONTH = date(2026, 3, 1)
SCHEDULE = [[{"weekday": 0, "start": "08:00", "end": "17:30"}, {"weekday": 2, "start": "08:00", "end": "17:30"},
             {"weekday": 3, "start": "08:00", "end": "13:00"}]]


def _fill(location, index: int) -> None:
    from django.utils import timezone
    from django_tenants.utils import schema_context

    from accounts.models import User
    from billing.tariffs.models import Rate, TariffYear
    from tenants.calendar import services as calendar
    from tenants.children.models import Child
    from tenants.contracts.models import Contract, ContractVersion
    from tenants.groups.models import Group

    parents = User.objects.bulk_create([
        User(email=f"p{index}-{i}@bench.test", full_name=f"Parent {index}-{i}", password="!")
        for i in range(CHILDREN)], ignore_conflicts=True)
    parents = list(User.objects.filter(email__in=[p.email for p in parents]).order_by("email"))
    with schema_context(location.schema_name):
        calendar.set_week_hours({d: (clock(7, 30), clock(18, 30)) for d in range(5)})
        calendar.set_closing_weeks(year=2026, weeks=[30, 31, 32, 52])
        year = TariffYear.objects.create(year=2026)
        Rate.objects.create(tariff_year=year, care_type="kdv", hourly_rate=Decimal("10.25"))
        group = Group.objects.create(name="Bench", kind="stamgroep")
        children = Child.objects.bulk_create([Child(first_name=f"Kind{i}", last_name="Bench",
                                                    birth_date=date(2024, 1, 1), group=group)
                                              for i in range(CHILDREN)])
        for child, parent in zip(children, parents, strict=False):
            child.guardians.add(parent)
        contracts = Contract.objects.bulk_create([
            Contract(child=c, care_type="kdv", start_date=date(2026, 1, 1), status=Contract.Status.ACTIVE)
            for c in children])
        now = timezone.now()
        ContractVersion.objects.bulk_create([
            ContractVersion(contract=c, number=1, effective_from=c.start_date, group=group, start_date=c.start_date,
                            schedule_type="weekly", schedule=SCHEDULE, requested_on=c.start_date, document=b"",
                            document_sha256="", signed_at=now, signed_name="Bench")
            for c in contracts])


@pytest.fixture(scope="session")
def bench_locations(bench_db):
    from cooperative import schemas
    from cooperative.models import Location
    from cooperative.services import NewLocation, provision_location

    def one(i: int) -> int:
        slug = f"inv{i:04d}"
        location = Location.objects.filter(slug=slug).first()
        if location is None:
            location = provision_location(NewLocation(
                name=f"Invoice bench {i}", slug=slug, kind="kdv", jurisdiction="NL",
                entrepreneur_email=f"owner@{slug}.bench", entrepreneur_name=f"Owner {slug}",
                lrk_numbers={"kdv": "123456789"}, licensed_places=16, city="Utrecht", region="Bench",
            ), send_invitation=False)
            _fill(location, i)
        return location.pk

    start = time.perf_counter()
    schemas.ensure_template_schema(force_check=True)
    ids = side_by_side(one, list(range(LOCATIONS)))
    seconds = time.perf_counter() - start
    record("invoice_setup", f"set-up: {LOCATIONS} locations × {CHILDREN} contracts", f"{seconds:.1f} s",
           seconds=seconds)
    return ids


def _worker(location_ids, queue):
    from django.db import connections

    connections.close_all()
    from billing.invoices import services

    created = existing = problems = 0
    for result in services.run_everywhere(today=MONTH, location_ids=location_ids).done.values():
        created += result["current"]["created"]
        existing += result["current"]["existing"]
        problems += len(result["current"]["problems"])
    queue.put((created, existing, problems))


def run_in_workers(ids) -> tuple[float, int, int, int]:
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    shares = [ids[w::WORKERS] for w in range(WORKERS)]
    start = time.perf_counter()
    processes = [context.Process(target=_worker, args=(share, queue)) for share in shares]
    for p in processes:
        p.start()
    results = [queue.get() for _p in processes]
    for p in processes:
        p.join()
    seconds = time.perf_counter() - start
    assert all(p.exitcode == 0 for p in processes)
    return seconds, *map(sum, zip(*results, strict=False))


def start_like_a_celery_worker() -> None:
    """What a Celery worker has done before it forks its processes: its Django fixup runs the system checks
    (celery.fixups.django, unless CELERY_SKIP_CHECKS), which load the URL configuration and with it every view
    module. Without this each bench worker loaded them at its first invoice (the push message's link), about a
    second that a real worker pays once in its life. BENCH_INVOICE_COLD=1 leaves it to the workers, as before."""
    if os.environ.get("BENCH_INVOICE_COLD", "") not in ("", "0"):
        record("invoice_start", "URL configuration before the fork", "not loaded (BENCH_INVOICE_COLD)")
        return
    from django.urls import get_resolver

    start = time.perf_counter()
    get_resolver().url_patterns  # noqa: B018 - loading it is the point
    seconds = time.perf_counter() - start
    record("invoice_start", "URL configuration loaded before the fork (as a Celery worker's checks do)",
           f"{seconds:.2f} s", seconds=seconds)


@pytest.fixture(scope="session")
def invoice_runs(bench_locations):
    """Both runs happen here, outside any test transaction (the worker processes need committed data and
    connections of their own)."""
    start_like_a_celery_worker()
    return run_in_workers(bench_locations), run_in_workers(bench_locations)


def test_monthly_run(bench_locations, invoice_runs):
    from django.db import connection
    from django_tenants.utils import schema_context

    from cooperative.models import Location

    (seconds, created, existing, problems), rerun = invoice_runs
    expected = LOCATIONS * CHILDREN
    rate = created / seconds if seconds else 0
    ratio = rate / BEFORE_PER_SECOND
    record("invoice_run", f"monthly run, {WORKERS} workers: {created} invoices (PDFs on first open)",
           f"{seconds:.1f} s, {rate:.1f} invoices/s (target ≤ {TARGET_S:.0f} s for 12,000)",
           seconds=seconds, invoices=created, per_second=rate)
    record("invoice_ratio", "invoices a second vs the run with PDFs",
           f"{ratio:.2f}x ({rate:.1f} vs {BEFORE_PER_SECOND:.1f}/s; target ≥ {TARGET_RATIO:.0f}x)",
           ratio=ratio, before_per_second=BEFORE_PER_SECOND)
    assert problems == 0
    assert created + existing == expected
    again, created_again, existing_again, _p = rerun
    record("invoice_rerun", "the same month again (idempotent)",
           f"{again:.1f} s, {created_again} new invoices, {existing_again} existing", seconds=again)
    assert created_again == 0 and existing_again == expected
    connection.set_schema_to_public()
    location = Location.objects.get(pk=bench_locations[0])
    with schema_context(location.schema_name):
        from billing.invoices.models import Invoice

        assert not Invoice.objects.filter(period_start=MONTH, pdf__isnull=False).exists()  # none rendered by the run
        numbers = sorted(Invoice.objects.values_list("number", flat=True))
        assert numbers == list(range(1, len(numbers) + 1))
    if LOCATIONS * CHILDREN >= 12000:
        assert seconds <= TARGET_S


def test_first_view_of_a_pdf(bench_locations, invoice_runs):
    """Open VIEWS invoices' PDFs for the first time through the parent's download page (the test client on the
    location's host, logged in as the paying parent): each renders and stores its PDF."""
    from django.db import connection
    from django.test import Client
    from django_tenants.utils import schema_context

    from accounts.models import Membership, User
    from cooperative.models import Location

    timings = []
    per_location = max(1, min(CHILDREN, -(-VIEWS // len(bench_locations))))
    for location_id in bench_locations:
        if len(timings) >= VIEWS:
            break
        connection.set_schema_to_public()
        location = Location.objects.get(pk=location_id)
        host = location.get_primary_domain().domain
        with schema_context(location.schema_name):
            from billing.invoices.models import Invoice

            invoices = list(Invoice.objects.filter(period_start=MONTH, pdf__isnull=True)
                            .order_by("number").values_list("pk", "parent_id")[:per_location])
        # The parents log in as parents of the location (the set-up made them guardians only).
        Membership.objects.bulk_create([Membership(user_id=parent_id, location=location, role="parent")
                                        for _pk, parent_id in invoices], ignore_conflicts=True)
        invoices = invoices[:VIEWS - len(timings)]
        for pk, parent_id in invoices:
            connection.set_schema_to_public()
            client = Client(HTTP_HOST=host)
            client.force_login(User.objects.get(pk=parent_id))
            start = time.perf_counter()
            response = client.get(f"/billing/invoices/{pk}/pdf/")
            timings.append(time.perf_counter() - start)
            assert response.status_code == 200 and response.content.startswith(b"%PDF")
        connection.set_schema_to_public()
        with schema_context(location.schema_name):
            from billing.invoices.models import Invoice

            opened = [pk for pk, _p in invoices]
            assert Invoice.objects.filter(pk__in=opened, pdf__isnull=True).count() == 0
    connection.set_schema_to_public()
    timings.sort()
    p50 = timings[len(timings) // 2]
    p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
    record("invoice_first_view", f"first view of a PDF ({len(timings)} invoices, download page)",
           f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms "
           f"(target p95 ≤ {FIRST_VIEW_P95_S * 1000:.0f} ms)", p50=p50, p95=p95, max=timings[-1], n=len(timings))
    assert p95 <= FIRST_VIEW_P95_S
