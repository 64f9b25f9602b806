"""The beat job's run at a location (run_due) reads what it needs once: the running contracts of both months it
may invoice (a Dutch location: this month's monthly average and flexible, last month's registered hours) in one
read, the calendar in four, and it runs no month that none of the running contracts is billed in — not even a
read for it. The invoices are the same as a run of each month on its own."""
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from billing.tariffs import rules
from tests.billing.conftest import at, closing_weeks, location_of, make_contract
from tests.tenants.conftest import make_child

#: One Dutch location's run, whatever its number of contracts, the job's bookkeeping included (cooperative.jobs):
#: the job run (3), the schema there and back (2), the location's transaction (a savepoint here, 2), the contracts
#: with their versions, guardians and extras (4), their invoices of the month (1), the settings (1), the rate (1),
#: the calendar (4), and the invoices stored together in a savepoint (8) with their e-mails handed on (1).
#: Before the month without contracts was skipped and the calendar read in four, 35.
STATEMENTS = 27


def _selects_from(queries, table: str) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith("SELECT") and f'FROM "{table}"' in q["sql"]]


def _run_everywhere(world, today: date):
    from billing.invoices import services
    from cooperative import jobs

    location = location_of(world.a)
    with CaptureQueriesContext(connection) as queries:
        result = jobs.for_each_location(job="monthly-invoicing", locations=[location],
                                        work=lambda site: services.run_due(site, today))
    return result.done[location.slug], queries.captured_queries


def test_a_month_no_contract_is_billed_in_is_not_run(billing):
    world = billing
    closing_weeks(world.a)
    make_contract(world)
    for name in ("Otto", "Lotte"):
        child = make_child(world.a, first_name=name, guardians=[world.a.parent])
        make_contract(world, child_id=child.pk)
    done, queries = _run_everywhere(world, date(2026, 3, 1))
    assert done["current"]["created"] == 3
    assert done["previous"] == {"created": 0, "existing": 0, "waiting": 0, "problems": []}
    assert len(_selects_from(queries, "contracts_contract")) == 1
    assert not any("2026-02-01" in sql for sql in _selects_from(queries, "invoices_invoice"))  # February not run
    assert len(queries) == STATEMENTS
    again, queries = _run_everywhere(world, date(2026, 3, 2))
    assert again["current"] == {"created": 0, "existing": 3, "waiting": 0, "problems": []}
    assert len(_selects_from(queries, "contracts_contract")) == 1


def test_both_months_from_one_read_of_the_contracts(billing):
    from billing.invoices.models import Invoice
    from billing.tariffs import services as tariffs

    world = billing
    average = make_contract(world)
    otto = make_child(world.a, first_name="Otto", guardians=[world.a.parent])
    registered = make_contract(world, child_id=otto.pk)
    with at(world.a):
        tariffs.set_contract_tariff(registered, model=rules.NL_REGISTERED, paying_parent=world.a.parent)
        row = tariffs.register_hours(registered, day=date(2026, 2, 5), hours="8", user=world.a.entrepreneur)
        tariffs.approve_hours([row], user=world.a.parent)
    done, queries = _run_everywhere(world, date(2026, 3, 1))
    assert done["current"]["created"] == 1 and done["previous"]["created"] == 1
    assert len(_selects_from(queries, "contracts_contract")) == 1
    assert len(_selects_from(queries, "location_calendar_closingperiod")) == 1
    with at(world.a):
        made = dict(Invoice.objects.values_list("contract_id", "period_start"))
        numbers = list(Invoice.objects.order_by("number").values_list("contract_id", flat=True))
    assert made == {average.pk: date(2026, 3, 1), registered.pk: date(2026, 2, 1)}
    assert numbers == [average.pk, registered.pk]  # this month's run first, as before
