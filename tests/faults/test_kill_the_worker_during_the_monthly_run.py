"""Fault: the Celery worker running the monthly invoicing is killed (SIGKILL, as the kernel's OOM killer or a node
going away does) in the middle of a location's run; then the run is started again.

Verdict wanted: nothing of the killed run half-stored (a location's run is one transaction, cooperative.jobs: the
kill leaves no invoice of it, and the run stays recorded as interrupted), then every contract invoiced exactly once
for the month, invoice numbers without gaps or doubles, no invoice without its lines, one invoice e-mail per invoice
in the outbox, and a third run that adds nothing. What makes it hold: the invoices, their numbers and their e-mails
are written in the location's transaction (billing.invoices.services, the outbox row in the same commit), a run
skips what is invoiced, and the database refuses a second invoice per contract and month."""
from datetime import date
from datetime import time as clock
from decimal import Decimal

import pytest
from django_tenants.utils import schema_context

from tests.conftest import in_a_thread
from tests.faults.conftest import Poller, drop_location, new_location, wait_for

CHILDREN = 200
SLUG = "fault-invoicing"
SCHEDULE = [[{"weekday": d, "start": "08:00", "end": "17:30"} for d in range(5)]]


def _fill(location) -> None:
    from django.utils import timezone

    from accounts.models import User
    from billing.tariffs.models import Rate, TariffYear
    from tenants.calendar import services as calendar
    from tenants.calendar.selectors import location_today
    from tenants.children.models import Child
    from tenants.contracts.models import Contract, ContractVersion
    from tenants.groups.models import Group

    User.objects.bulk_create([User(email=f"p{i}@{SLUG}.fault", full_name=f"Ouder {i}", password="!")
                              for i in range(CHILDREN)], ignore_conflicts=True)
    parents = [User.objects.get(email=f"p{i}@{SLUG}.fault") for i in range(CHILDREN)]
    today = location_today(location)
    start = date(today.year, 1, 1)
    with schema_context(location.schema_name):
        calendar.set_week_hours({d: (clock(7, 30), clock(18, 30)) for d in range(5)})
        TariffYear.objects.create(year=today.year)
        Rate.objects.create(tariff_year=TariffYear.objects.get(year=today.year), care_type="kdv",
                            hourly_rate=Decimal("10.25"))
        group = Group.objects.create(name="Rups", kind="stamgroep")
        children = Child.objects.bulk_create([Child(first_name=f"Kind{i}", last_name="Storing",
                                                    birth_date=date(today.year - 2, 1, 1), group=group)
                                              for i in range(CHILDREN)])
        for child, parent in zip(children, parents, strict=True):
            child.guardians.add(parent)
        contracts = Contract.objects.bulk_create([
            Contract(child=c, care_type="kdv", start_date=start, status=Contract.Status.ACTIVE) for c in children])
        ContractVersion.objects.bulk_create([
            ContractVersion(contract=c, number=1, effective_from=start, group=group, start_date=start,
                            schedule_type="weekly", schedule=SCHEDULE, requested_on=start, document=b"",
                            document_sha256="", signed_at=timezone.now(), signed_name="Ouder")
            for c in contracts])


@pytest.fixture
def location():
    location = new_location(SLUG, fill=_fill)
    yield location
    drop_location(SLUG)


def _read_invoices(location) -> list[dict]:
    from billing.invoices.models import Invoice

    with schema_context(location.schema_name):
        rows = list(Invoice.objects.filter(kind=Invoice.Kind.MONTHLY).values("pk", "contract_id", "number",
                                                                             "period_start", "total"))
        without_lines = Invoice.objects.filter(kind=Invoice.Kind.MONTHLY, lines__isnull=True).count()
    return [{**row, "without_lines": without_lines} for row in rows]


def _invoices(location) -> list[dict]:
    """Read on a connection of its own: the test's transaction keeps no lock on the location's tables (the
    location is dropped at the end)."""
    return in_a_thread(_read_invoices, location)


def test_a_killed_run_then_run_again_invoices_each_contract_once(location, workers, broker):
    from django.utils import timezone

    from billing.invoices import deliveries
    from billing.invoices.tasks import monthly_run
    from cooperative.models import JobRun
    from outbox.models import Delivery

    started = timezone.now()
    # A location's run is one transaction (cooperative.jobs), and it stores the location's invoices together at
    # its end: the invoices in one insert, then their numbers from the location's counter (services._store_block).
    # The case holds that counter row (as a run at the same location would), so the worker waits there with the
    # invoices inserted and its transaction open, and is killed in the middle of writing them.
    counter = f'"{location.schema_name}".invoices_invoicecounter'
    holder = Poller()
    holder.db.execute(f"INSERT INTO {counter} (series, last_number) VALUES ('invoice', 0) "
                      "ON CONFLICT (series) DO NOTHING")
    holder.db.autocommit = False
    holder.db.execute(f"SELECT last_number FROM {counter} WHERE series = 'invoice' FOR UPDATE")
    first = workers.start()
    monthly_run.apply_async(kwargs={"location_ids": [location.pk]}, queue=broker.queue)
    poller = Poller()
    waiting = ("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
               "AND wait_event_type = 'Lock' AND query ILIKE %s")
    invoices = f'SELECT count(*) FROM "{location.schema_name}".invoices_invoice'
    try:
        wait_for(lambda: poller.count(waiting, ["%invoices_invoicecounter%"]), seconds=180,
                 what="the run writing invoices", interval=0.01, log=workers.log)
        first.kill()
        first.wait(timeout=10)
        at_the_kill = poller.count(invoices)
    finally:
        holder.db.rollback()
        holder.close()
        poller.close()
    assert at_the_kill == 0, "a location's run committed part of its invoices"
    assert JobRun.objects.filter(job="monthly-invoicing", started_at__gte=started,
                                 finished_at__isnull=True).exists(), "the run finished before the kill"

    workers.start()
    monthly_run.apply_async(kwargs={"location_ids": [location.pk]}, queue=broker.queue)
    wait_for(lambda: len(_invoices(location)) >= CHILDREN, seconds=180, what="the run to complete",
             log=workers.log)
    monthly_run.apply_async(kwargs={"location_ids": [location.pk]}, queue=broker.queue)  # and once more
    wait_for(lambda: JobRun.objects.filter(job="monthly-invoicing", started_at__gte=started,
                                           finished_at__isnull=False).count() >= 2,
             seconds=120, what="the third run to finish", log=workers.log)

    invoices = _invoices(location)
    assert len(invoices) == CHILDREN
    assert len({i["contract_id"] for i in invoices}) == CHILDREN, "a contract was invoiced twice"
    assert len({i["period_start"] for i in invoices}) == 1
    numbers = sorted(i["number"] for i in invoices)
    assert numbers == list(range(numbers[0], numbers[0] + CHILDREN)), f"gaps or doubles: {numbers}"
    assert all(i["total"] > 0 for i in invoices), "an invoice was half-written"
    assert invoices[0]["without_lines"] == 0, "an invoice without its lines"
    refs = list(Delivery.objects.filter(location=location, kind=deliveries.INVOICE).values_list("ref", flat=True))
    assert sorted(refs) == sorted(deliveries.invoice_ref(i["pk"]) for i in invoices), "an e-mail lost or doubled"
