"""Children under contract reach the public reporting table through receivers on the contracts app and
through the rebuild, which reads all schemas with UNION ALL statements, not one query per schema."""
from datetime import date

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advisory import figures
from advisory.models import LocationFigures
from tests.advisory.conftest import bare_location
from tests.tenants.conftest import in_schema


def contract(site, **fields):
    from tenants.contracts.models import Contract

    fields = {"child_id": site.child_id, "care_type": "kdv", "start_date": date(2024, 1, 1), "status": "active",
              **fields}
    with in_schema(site):
        return Contract.objects.create(**fields)


def children(site):
    return LocationFigures.objects.get(location=site.location).children_under_contract


def test_saving_and_deleting_a_contract_updates_the_figure(world):
    signed = contract(world.a)
    assert children(world.a) == 1
    contract(world.a, status="awaiting_signature")  # not signed: not under contract
    assert children(world.a) == 1
    with in_schema(world.a):
        signed.delete()
    assert children(world.a) == 0


def test_rebuild_counts_every_location_in_a_few_statements(world):
    contract(world.a)
    contract(world.a, start_date=date(2099, 1, 1))  # not started yet
    contract(world.b, care_type="gastouder")
    LocationFigures.objects.all().delete()
    for n in range(20):
        bare_location(f"fig-{n}")  # no schema: counted as 0, never queried
    with CaptureQueriesContext(connection) as captured:
        count = figures.rebuild(date(2025, 6, 1))
    assert count >= 22
    assert children(world.a) == 1 and children(world.b) == 1
    assert LocationFigures.objects.get(location__slug="fig-3").children_under_contract == 0
    union = [q for q in captured.captured_queries if "UNION ALL" in q["sql"]]
    assert len(union) == 1 and len(captured) < count  # fewer statements than locations


def test_rebuild_command(world):
    contract(world.b, care_type="gastouder")
    LocationFigures.objects.all().delete()
    call_command("rebuild_advisory_figures", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert children(world.b) == 1


def test_occupancy_on_the_dashboard(client_for, world):
    contract(world.a)
    board = client_for(world.adviser).get("/advisory/list/all/").context["board"]
    row = next(r for r in board.rows if r.slug == world.a.location.slug)
    assert (row.children, row.licensed_places, row.occupancy) == (1, 16, 6)
