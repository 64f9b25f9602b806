"""Trial evaluation after 6 weeks, then yearly, created by the beat job in every active location's schema."""
from datetime import date, timedelta

import pytest

from tenants.contracts import rules, services
from tenants.contracts.models import EvaluationTask
from tests.tenants.contracts.conftest import at, make_contract

# (start, end, today, expected (kind, due) list) with the default lead of 14 days
TABLE = [
    (date(2026, 1, 5), None, date(2026, 1, 20), []),
    (date(2026, 1, 5), None, date(2026, 2, 2), [("trial", date(2026, 2, 16))]),
    (date(2026, 1, 5), None, date(2026, 2, 16), [("trial", date(2026, 2, 16))]),
    (date(2026, 1, 5), None, date(2026, 12, 22), [("trial", date(2026, 2, 16)), ("yearly", date(2027, 1, 5))]),
    (date(2026, 1, 5), None, date(2028, 1, 1), [("trial", date(2026, 2, 16)), ("yearly", date(2027, 1, 5)),
                                                ("yearly", date(2028, 1, 5))]),
    (date(2026, 1, 5), date(2026, 2, 1), date(2026, 3, 1), []),  # ended before the trial evaluation
    (date(2026, 1, 5), date(2026, 12, 31), date(2027, 3, 1), [("trial", date(2026, 2, 16))]),
]


@pytest.mark.parametrize(("start", "end", "today", "expected"), TABLE)
def test_due_evaluations_table(start, end, today, expected):
    assert rules.due_evaluations(start, end, today) == expected


def test_the_job_plans_evaluations_in_every_location_and_only_once(setup):
    a = make_contract(setup, start_date="2026-01-05", end_date="2029-12-31")
    b = make_contract(setup, site=setup.b, care_type="gastouder", start_date="2025-01-06", end_date=None)
    unsigned = make_contract(setup, signed=False, start_date="2030-01-01", end_date=None)
    with at(setup.a):
        today = date.today()
    counts = services.create_evaluations_everywhere().done
    assert counts["alpha"] >= 1 and counts["beta"] >= 1
    assert services.create_evaluations_everywhere().done["alpha"] == 0  # idempotent
    with at(setup.a):
        kinds = list(EvaluationTask.objects.filter(contract=a).values_list("kind", flat=True))
        assert kinds[0] == "trial"
        assert not EvaluationTask.objects.filter(contract=unsigned).exists()
        assert len(kinds) == len(rules.due_evaluations(date(2026, 1, 5), date(2029, 12, 31), today))
    with at(setup.b):
        assert EvaluationTask.objects.filter(contract=b, kind="yearly", due_date=date(2026, 1, 6)).exists()


def test_the_celery_task_runs_the_same_job(setup):
    from tenants.contracts.tasks import create_evaluation_tasks

    make_contract(setup, start_date=(date.today() - timedelta(weeks=7)).isoformat(), end_date=None)
    assert create_evaluation_tasks.run()["done"]["alpha"] == 1


def test_the_job_is_on_the_beat_schedule():
    from config.celery import app

    entry = app.conf.beat_schedule["contracts-evaluation-tasks"]
    assert entry["task"] == "tenants.contracts.tasks.create_evaluation_tasks"
    assert entry["task"] in app.tasks


def test_entrepreneur_sees_and_completes_evaluations(setup, client_for):
    make_contract(setup, start_date="2026-01-05", end_date=None)
    services.create_evaluations_everywhere()
    c = client_for(setup.a.entrepreneur, setup.a)
    tasks = c.get("/api/v1/contract-evaluations/?open=1").json()["results"]
    assert tasks and tasks[0]["kind"] == "trial"
    done = c.post(f"/api/v1/contract-evaluations/{tasks[0]['id']}/done/", {"notes": "Goed gewend"})
    assert done.status_code == 200 and done.json()["done_at"]
    assert c.post(f"/api/v1/contract-evaluations/{tasks[0]['id']}/done/").status_code == 400
    assert c.get("/contracts/evaluations/").status_code == 200
    for user in (setup.a.staff, setup.a.parent, setup.b.entrepreneur):
        assert client_for(user, setup.a).get("/api/v1/contract-evaluations/").status_code == 403
        assert client_for(user, setup.a).get("/contracts/evaluations/").status_code == 403


def test_evaluation_page_marks_done(setup, client_for):
    make_contract(setup, start_date="2026-01-05", end_date=None)
    services.create_evaluations_everywhere()
    with at(setup.a):
        task = EvaluationTask.objects.first()
    c = client_for(setup.a.entrepreneur, setup.a)
    assert c.post(f"/contracts/evaluations/{task.pk}/done/", {"notes": "ok"}).status_code == 302
    with at(setup.a):
        task.refresh_from_db()
    assert task.done_at is not None and task.notes == "ok"
