"""Planning the contract evaluations goes on past a location whose schema is broken; the rerun for the
failed ones only plans that location's evaluations, once."""
from tenants.contracts import tasks
from tests.billing.conftest import at, make_contract
from tests.cooperative.conftest import break_table, open_failures, ours


def evaluations(site) -> int:
    from tenants.contracts.models import EvaluationTask

    with at(site):
        return EvaluationTask.objects.count()


def test_evaluations_are_planned_past_a_broken_location(billing):
    make_contract(billing, start="2025-01-06")
    make_contract(billing, site=billing.b, start="2025-01-06")
    repair = break_table(billing.a, "contracts_evaluationtask")

    result = tasks.create_evaluation_tasks.run()
    assert ours(result["failed"]) == {"alpha"} and result["done"]["beta"] >= 1
    planned_at_b = evaluations(billing.b)
    assert open_failures("contract-evaluations") == {"alpha": "django.db.utils.ProgrammingError"}

    repair()
    again = tasks.create_evaluation_tasks.run(only_failed=True)
    assert set(again["done"]) == {"alpha"} and again["done"]["alpha"] >= 1
    assert evaluations(billing.a) == again["done"]["alpha"] and evaluations(billing.b) == planned_at_b
    assert open_failures("contract-evaluations") == {}
