"""Fault: a location's schema is missing (dropped by hand, a restore half-way, a failed move) while the jobs over
all locations run.

Verdict wanted, for every job in cooperative.jobs.JOBS: the run finishes, the broken location is recorded as
failed (shown on the admin home, rerun with `manage.py rerun_failed`), and the location next to it is done as
usual. The schema is really gone here, not a table mocked away (tests/cooperative/ break one table per job)."""
import pytest
from django.utils.module_loading import import_string

from tests.conftest import in_a_thread
from tests.faults.conftest import drop_location, new_location

BROKEN, INTACT = "fault-gone", "fault-intact"
#: Jobs for which a missing schema is no fault: the intake lists are the cooperative's (no location schema read);
#: the dashboard figures count a location without a schema as one without children, by design (a location row
#: without its schema is how the dashboard benchmark seeds 5,000 locations; tests/advisory/test_figures.py).
SHARED_ONLY = {"intake-offers", "advisory-figures"}
#: Jobs that only visit locations with something set up for them; their broken-location test sets that up.
ELSEWHERE = {"direct-debits": "tests/cooperative/test_collect_direct_debits_survives_a_broken_location.py"}


@pytest.fixture(scope="module")
def locations(django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        intact = new_location(INTACT)
        broken = new_location(BROKEN)

        def drop_schema():
            with connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA "{broken.schema_name}" CASCADE')

        in_a_thread(drop_schema)
    yield intact, broken
    with django_db_blocker.unblock():
        drop_location(BROKEN)
        drop_location(INTACT)


def _run(dotted: str):
    return import_string(dotted)()


def _jobs() -> list[str]:
    from cooperative.jobs import JOBS

    return sorted(set(JOBS) - SHARED_ONLY - set(ELSEWHERE))


@pytest.mark.parametrize("job", _jobs())
def test_the_job_goes_on_past_a_location_without_its_schema(job, locations, settings, tmp_path):
    from cooperative.jobs import JOBS
    from cooperative.models import JobFailure, JobRun

    settings.BACKUP_ROOT = tmp_path / "backups"
    intact, broken = locations
    result = in_a_thread(_run, JOBS[job].run)
    assert broken.slug in result.failed, result.as_dict()
    assert intact.slug in result.done, result.as_dict()
    run = JobRun.objects.get(pk=result.run)
    assert run.finished_at is not None and run.failed >= 1
    assert JobFailure.objects.filter(run=run, location=broken).exists()
