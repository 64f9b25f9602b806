"""Monthly invoicing of the fleet with one location's schema broken on purpose: every other location is
invoiced, the broken one is reported (in the job's result, as a JobFailure row and as a Sentry event tagged
with the location and the job, without personal data), and a rerun for the failed ones only, after the
repair, invoices that location — and no contract anywhere twice."""
from datetime import date
from unittest import mock

import pytest
from django.core import mail

from config.sentry import REDACTED
from cooperative.models import JobFailure, JobRun
from tests.billing.conftest import at, make_contract
from tests.cooperative.conftest import break_table, last_run, open_failures, ours, sentry_events

MONTH = date(2026, 6, 1)
JOB = "monthly-invoicing"


@pytest.fixture
def fleet(billing):
    """A signed contract at each location (A: Saartje; B: Bram, and Noor of the same parent)."""
    from tenants.children.services import create_child

    world = billing
    make_contract(world)
    make_contract(world, site=world.b)
    with at(world.b):
        noor = create_child(first_name="Noor", last_name="Bakker", birth_date=date(2024, 2, 2),
                            guardians=[world.b.parent])
    make_contract(world, site=world.b, child_id=noor.pk)
    return world


def run(**arguments) -> dict:
    """The beat task, on the 1st of the month at every location, with the e-mails sent after the commits."""
    from billing.invoices import tasks

    with mock.patch("tenants.calendar.selectors.location_today", return_value=MONTH):
        return tasks.monthly_run.run(**arguments)


def invoices(site) -> list[tuple[int, int]]:
    """(contract, number) of the site's monthly invoices for MONTH."""
    from billing.invoices.models import Invoice

    with at(site):
        return sorted(Invoice.objects.filter(kind="monthly", period_start=MONTH).values_list("contract_id", "number"))


def counter(site) -> int:
    from billing.invoices.models import InvoiceCounter

    with at(site):
        return InvoiceCounter.objects.filter(series="invoice").values_list("last_number", flat=True).first() or 0


def mails_to(site) -> int:
    return sum(1 for message in mail.outbox if site.parent.email in message.to)


def test_a_broken_location_is_reported_and_rerun_alone_after_the_repair(
        fleet, sentry_endpoint, after_commit):
    repair = break_table(fleet.b, "invoices_invoiceline")
    mail.outbox.clear()
    with after_commit():
        result = run()

    assert ours(result["failed"]) == {"beta"}
    assert result["failed"]["beta"] == ('django.db.utils.ProgrammingError: SQLSTATE 42P01: relation '
                                        '"invoices_invoiceline" does not exist')
    assert result["done"]["alpha"]["current"]["created"] == 1
    assert len(invoices(fleet.a)) == 1 and mails_to(fleet.a) == 1
    assert invoices(fleet.b) == [] and mails_to(fleet.b) == 0  # B's part rolled back: nothing half-made
    assert open_failures(JOB) == {"beta": "django.db.utils.ProgrammingError"}
    first = last_run(JOB)
    assert first.finished_at is not None and first.failed == 1 and first.done >= 1 and not first.only_failed

    reported = [event for event in sentry_events(sentry_endpoint) if event["tags"].get("job") == JOB]
    assert len(reported) == 1
    assert reported[0]["tags"]["location"] == "beta"
    exception = reported[0]["exception"]["values"][-1]
    assert exception["type"] == "ProgrammingError" and exception["value"] == REDACTED
    everything = b"".join(headers + body for headers, body in sentry_endpoint.captured).lower()
    for secret in ("Bram", "Noor", "Saartje", "Verbeek", "Bakker", fleet.b.parent.email, fleet.b.parent.full_name):
        assert secret.lower().encode() not in everything, f"{secret!r} was sent to Sentry"

    repair()
    alpha_before = invoices(fleet.a)
    mail.outbox.clear()
    with after_commit():
        again = run(only_failed=True)

    assert set(again["done"]) == {"beta"} and again["failed"] == {}
    assert again["done"]["beta"]["current"]["created"] == 2
    assert len(invoices(fleet.b)) == 2 and mails_to(fleet.b) == 2
    assert invoices(fleet.a) == alpha_before and mails_to(fleet.a) == 0  # alpha not run again
    failure = JobFailure.objects.get(job=JOB, location=fleet.b.location)
    rerun = JobRun.objects.get(pk=again["run"])
    assert failure.resolved_at is not None and failure.resolved_by == rerun
    assert rerun.only_failed and (rerun.done, rerun.failed) == (1, 0)
    assert open_failures(JOB) == {}


def test_a_location_failing_half_way_is_rolled_back_and_invoiced_once_on_the_rerun(
        fleet, sentry_endpoint, after_commit):
    """B's second invoice fails after its first was numbered and rendered: B's whole part is rolled back (no
    invoice, no number used, no e-mail); the rerun numbers B's invoices without a gap; the nightly repeat of
    the whole run afterwards makes nothing twice. The trigger's message names the child: it is kept out."""
    schema = fleet.b.location.schema_name
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f'''
            CREATE FUNCTION "{schema}".refuse_second_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM "{schema}".invoices_invoice) THEN
                RAISE EXCEPTION 'cannot invoice %', NEW.child_name;
              END IF;
              RETURN NEW;
            END $$''')
        cursor.execute(f'CREATE TRIGGER refuse_second_invoice BEFORE INSERT ON "{schema}".invoices_invoice '
                       f'FOR EACH ROW EXECUTE FUNCTION "{schema}".refuse_second_invoice()')
    numbered = counter(fleet.b)
    mail.outbox.clear()
    with after_commit():
        result = run()

    assert ours(result["failed"]) == {"beta"}
    assert result["failed"]["beta"] == "django.db.utils.ProgrammingError: SQLSTATE P0001"
    assert invoices(fleet.b) == [] and counter(fleet.b) == numbered and mails_to(fleet.b) == 0
    assert len(invoices(fleet.a)) == 1
    failure = JobFailure.objects.get(job=JOB, location=fleet.b.location)
    assert (failure.error_class, failure.message) == ("django.db.utils.ProgrammingError", "SQLSTATE P0001")
    everything = b"".join(headers + body for headers, body in sentry_endpoint.captured).lower()
    assert b"noor" not in everything and b"bram" not in everything

    with connection.cursor() as cursor:
        cursor.execute(f'DROP TRIGGER refuse_second_invoice ON "{schema}".invoices_invoice')
    with after_commit():
        again = run(only_failed=True)
    assert set(again["done"]) == {"beta"}
    assert [number for _contract, number in invoices(fleet.b)] == [numbered + 1, numbered + 2]
    assert mails_to(fleet.b) == 2

    alpha, beta = invoices(fleet.a), invoices(fleet.b)
    with after_commit():
        nightly = run()
    assert nightly["failed"] == {} or not ours(nightly["failed"])
    assert nightly["done"]["alpha"]["current"]["created"] == 0
    assert nightly["done"]["beta"]["current"]["created"] == 0
    assert (invoices(fleet.a), invoices(fleet.b)) == (alpha, beta)
    assert mails_to(fleet.a) == 1 and mails_to(fleet.b) == 2
