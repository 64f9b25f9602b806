"""A rerun "for the failed ones only" takes the job's open failures — those of the last run and older ones no
later run fixed — runs only there, and a success resolves them; a location failing again stays open. One
location's writes are rolled back when it fails, the others' are kept."""
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cooperative import jobs
from cooperative.models import JobFailure, JobRun
from tests.billing.conftest import at
from tests.cooperative.conftest import open_failures, ours

JOB = "contract-evaluations"


class Broken(Exception):
    """A fault at one location (its message names a child: it must not be recorded)."""


def work_failing_at(*slugs):
    """Work that writes a group in the location's schema, then fails at the given locations."""

    def work(location):
        from tenants.groups.models import Group

        Group.objects.create(name=f"Job group {location.slug}", kind="stamgroep")
        if location.slug in slugs:
            raise Broken("Saartje Verbeek")
        return location.slug

    return work


def groups(site) -> int:
    from tenants.groups.models import Group

    with at(site):
        return Group.objects.filter(name__startswith="Job group").count()


def test_a_failing_location_is_rolled_back_alone_and_recorded_without_its_message(world):
    result = jobs.for_each_location(job=JOB, work=work_failing_at("alpha"))
    assert ours(result.failed) == {"alpha"} and result.done["beta"] == "beta"
    assert result.failed["alpha"] == "tests.cooperative.test_rerun_failed_locations.Broken"
    assert (groups(world.a), groups(world.b)) == (0, 1)
    failure = JobFailure.objects.get(job=JOB, location=world.a.location)
    assert failure.message == "" and failure.run_id == result.run
    run = JobRun.objects.get(pk=result.run)
    assert run.finished_at and run.failed == 1 and run.done == len(result.done)


def test_rerun_takes_only_the_open_failures_and_resolves_them(world):
    jobs.for_each_location(job=JOB, work=work_failing_at("alpha", "beta"))
    jobs.for_each_location(job=JOB, work=work_failing_at("alpha"), locations=jobs.active_locations().filter(
        slug="alpha"))  # a later partial run: beta's failure of the first run is still open
    assert open_failures(JOB).keys() == {"alpha", "beta"}

    again = jobs.for_each_location(job=JOB, work=work_failing_at("alpha"), only_failed=True)
    assert set(again.done) == {"beta"} and set(again.failed) == {"alpha"}
    assert open_failures(JOB).keys() == {"alpha"}  # failed again: open, now with the rerun's failure too
    assert JobFailure.objects.get(job=JOB, location=world.b.location).resolved_by_id == again.run

    last = jobs.for_each_location(job=JOB, work=work_failing_at(), only_failed=True)
    assert set(last.done) == {"alpha"} and open_failures(JOB) == {}
    assert not JobFailure.objects.filter(job=JOB, resolved_at__isnull=True).exists()
    assert jobs.for_each_location(job=JOB, work=work_failing_at(), only_failed=True).done == {}


def test_the_task_argument_and_the_command_rerun_the_failed_ones(world, monkeypatch):
    from tenants.contracts import services, tasks

    calls, broken = [], {"beta"}
    real = services.create_due_evaluations

    def create_due_evaluations(today):
        from django.db import connection

        calls.append(connection.schema_name)
        if connection.schema_name in broken:
            raise Broken("Bram Verbeek")
        return real(today)

    monkeypatch.setattr(services, "create_due_evaluations", create_due_evaluations)
    first = tasks.create_evaluation_tasks.run()
    assert ours(first["failed"]) == {"beta"}
    calls.clear()
    assert ours(tasks.create_evaluation_tasks.run(only_failed=True)["failed"]) == {"beta"}
    assert calls == ["beta"]

    broken.clear()  # repaired
    out = StringIO()
    call_command("rerun_failed", JOB, stdout=out)
    assert calls == ["beta", "beta"] and "done: beta" in out.getvalue()
    out = StringIO()
    call_command("rerun_failed", JOB, stdout=out)
    assert "No failed locations to rerun" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("rerun_failed", "no-such-job")


def test_the_command_says_which_still_fail(world):
    jobs.for_each_location(job=JOB, work=work_failing_at("alpha"))
    with pytest.raises(CommandError, match="Still failing: alpha"), pytest.MonkeyPatch.context() as patch:
        patch.setattr("tenants.contracts.services.create_due_evaluations", lambda today: 1 / 0)
        call_command("rerun_failed", JOB, stdout=StringIO())
    assert "alpha" in open_failures(JOB)


def test_every_job_names_a_runner_that_exists():
    from django.utils.module_loading import import_string

    from config.celery import app

    app.loader.import_default_modules()
    for job in jobs.JOBS.values():
        assert callable(import_string(job.run))
        assert job.task is None or job.task in app.tasks


def test_when_the_workers_time_is_up_the_run_stops_and_says_where(world):
    """Celery's soft time limit ends the whole run (the worker is about to be killed): the location it was
    at is recorded as failed and the run as finished, then the error goes on to Celery."""
    from celery.exceptions import SoftTimeLimitExceeded

    attempted = []

    def work(location):
        attempted.append(location.slug)
        if location.slug == "alpha":
            raise SoftTimeLimitExceeded()

    with pytest.raises(SoftTimeLimitExceeded):
        jobs.for_each_location(job=JOB, work=work, locations=jobs.active_locations().filter(
            slug__in=["alpha", "beta"]))
    assert attempted == ["alpha"]
    run = JobRun.objects.filter(job=JOB).first()
    assert run.finished_at is not None and run.failed == 1
    assert open_failures(JOB) == {"alpha": "billiard.exceptions.SoftTimeLimitExceeded"}
