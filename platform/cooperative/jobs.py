"""Jobs that loop over the locations: each location's fault stays its own.

`for_each_location` runs a job's work for one location after another, each in the location's schema and
(by default) inside a transaction of its own. When a location fails, its part is rolled back, the error goes
to Sentry tagged with the location and the job, a `JobFailure` row records the error's class and a message
without personal data (rules.error_summary), and the loop goes on with the next location. Every run is a
`JobRun` row; the cooperative admin sees the last run of each job and its open failures on the home page and
in the API (/api/v1/jobs/).

A rerun "for the failed ones only" (`only_failed=True`: the task argument, `manage.py rerun_failed <job>`
or the button on the home page) takes the job's open failures — those of the last run, and older ones no
later run has fixed — and a success there resolves them. Each job keeps its own idempotency, so running it
again for a location that did succeed changes nothing either.

JOBS names every such job: the function that runs it (accepting `only_failed`) and the Celery task that
the rerun button queues. The strings keep this module free of imports from the location apps.
"""
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import sentry_sdk
from celery.exceptions import SoftTimeLimitExceeded
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_tenants.utils import tenant_context

from cooperative import rules
from cooperative.models import JobFailure, JobRun, Location

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    label: Any
    run: str  # dotted path of the function that runs the job: run(only_failed=False) -> JobResult
    task: str | None = None  # name of the Celery task that accepts only_failed=True

    @property
    def command(self) -> str:
        return f"manage.py rerun_failed {self.name}"


JOBS: dict[str, Job] = {job.name: job for job in (
    Job("monthly-invoicing", _("Monthly invoicing"), "billing.invoices.services.run_everywhere",
        "billing.invoices.tasks.monthly_run"),
    Job("daily-billing", _("Daily billing (hours, reminders, annual statements)"),
        "billing.invoices.services.daily_everywhere", "billing.invoices.tasks.daily_billing"),
    Job("direct-debits", _("Direct-debit collection"), "billing.payments.services.collect_everywhere",
        "billing.payments.tasks.collect_direct_debits"),
    Job("complaint-reminders", _("Complaint deadline reminders"),
        "tenants.complaints.services.send_reminders_everywhere", "tenants.complaints.tasks.send_complaint_reminders"),
    Job("contract-evaluations", _("Contract evaluations"), "tenants.contracts.services.create_evaluations_everywhere",
        "tenants.contracts.tasks.create_evaluation_tasks"),
    Job("advisory-figures", _("Figures for the dashboards"), "advisory.figures.rebuild_everywhere",
        "advisory.tasks.rebuild_figures"),
    Job("complaint-figures", _("Complaint figures (rebuild)"), "complaint_reports.services.rebuild_everywhere"),
    Job("filing-reminders", _("Filing reminders"), "billing.filings.services.remind_everywhere",
        "billing.filings.tasks.send_filing_reminders"),
    Job("intake-offers", _("Offers not answered in time"), "intake.tasks.lapse_everywhere",
        "intake.tasks.lapse_offers"),
    Job("webcam-recordings", _("Security recordings past their retention"),
        "tenants.webcams.services.delete_expired_everywhere", "tenants.webcams.tasks.delete_expired_recordings"),
    Job("location-backups", _("Backups per location"), "cooperative.backups.backup_everywhere"),
)}

#: Errors that stop the whole run (the worker's time is up): recorded for the location, then raised.
FATAL = (SoftTimeLimitExceeded,)


@dataclass
class JobResult:
    """What a run did: the work's own result per location done, and per failed location its error."""

    job: str
    run: int
    done: dict[str, Any] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"job": self.job, "run": self.run, "done": self.done, "failed": self.failed}


def active_locations():
    return Location.objects.filter(status=Location.Status.ACTIVE).order_by("pk")


def open_failures_everywhere():
    """Failures no later run of their job has resolved, at locations that are not offboarded."""
    return JobFailure.objects.filter(resolved_at__isnull=True).exclude(location__status=Location.Status.OFFBOARDED)


def open_failures(job: str):
    return open_failures_everywhere().filter(job=job)


class Run:
    """One recorded run of a job. `attempt` isolates one location; `finish` closes the record."""

    def __init__(self, job: str, *, only_failed: bool = False):
        if job not in JOBS:
            raise ValueError(f"unknown job {job!r}")
        self.job = job
        self.record = JobRun.objects.create(job=job, only_failed=only_failed)
        self.open = set(open_failures(job).values_list("location_id", flat=True))
        self.result = JobResult(job=job, run=self.record.pk)

    def retry_only(self, locations: Iterable[Location]) -> list[Location]:
        """The given locations that have an open failure of this job."""
        return [location for location in locations if location.pk in self.open]

    def attempt(self, location: Location, work: Callable[[Location], Any], *, atomic: bool = True) -> bool:
        """Run work(location) in the location's schema; False (and recorded) when it fails."""
        try:
            with tenant_context(location):
                if atomic or connection.in_atomic_block:  # inside a caller's transaction: a savepoint
                    with transaction.atomic():
                        value = work(location)
                else:
                    value = work(location)
        except FATAL as error:
            self.failed(location, error)
            self.finish()
            raise
        except Exception as error:  # noqa: BLE001 - any fault of one location is recorded, the next goes on
            self.failed(location, error)
            return False
        self.succeeded(location, value)
        return True

    def succeeded(self, location: Location, value: Any = None) -> None:
        self.result.done[location.slug] = value
        if location.pk in self.open:
            JobFailure.objects.filter(job=self.job, location=location, resolved_at__isnull=True).update(
                resolved_at=timezone.now(), resolved_by=self.record)
            self.open.discard(location.pk)

    def succeeded_many(self, locations: Iterable[Location]) -> None:
        """Locations a set-based job (one statement for many schemas) has done."""
        locations = list(locations)
        for location in locations:
            self.result.done[location.slug] = None
        fixed = [location.pk for location in locations if location.pk in self.open]
        if fixed:
            JobFailure.objects.filter(job=self.job, location_id__in=fixed, resolved_at__isnull=True).update(
                resolved_at=timezone.now(), resolved_by=self.record)
            self.open.difference_update(fixed)

    def failed(self, location: Location, error: BaseException) -> None:
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()  # a lost connection: the next statement reconnects
        error_class, message = rules.error_class_name(error), rules.error_summary(error)
        if sentry_sdk.get_client().is_active():  # without a client the SDK would still render frame variables
            with sentry_sdk.new_scope() as scope:
                scope.set_tag("location", location.slug)
                scope.set_tag("job", self.job)
                scope.capture_exception(error)
        logger.warning("job %s failed at location %s: %s", self.job, location.slug, error_class)
        JobFailure.objects.create(run=self.record, job=self.job, location=location, error_class=error_class,
                                  message=message)
        self.result.failed[location.slug] = f"{error_class}: {message}" if message else error_class

    def finish(self) -> JobResult:
        JobRun.objects.filter(pk=self.record.pk).update(
            finished_at=timezone.now(), done=len(self.result.done), failed=len(self.result.failed))
        return self.result


def for_each_location(*, job: str, work: Callable[[Location], Any], locations: Iterable[Location] | None = None,
                      only_failed: bool = False, atomic: bool = True) -> JobResult:
    """Run work(location) for every location (default: the active ones), each isolated; see the module.

    `atomic=False` is for work that calls outside services item by item (Stripe): each item is saved as it
    happens, because rolling back a location's part could not undo what the outside service did.
    """
    run = Run(job, only_failed=only_failed)
    locations = active_locations() if locations is None else locations
    if only_failed:
        locations = run.retry_only(locations)
    for location in locations:
        run.attempt(location, work, atomic=atomic)
    return run.finish()


def rerun(job: str) -> JobResult:
    """Run `job` here and now for its open failures only (the command; the button queues the task)."""
    return import_string(JOBS[job].run)(only_failed=True)


def queue_rerun(job: str) -> None:
    """Queue the job's task for its open failures only; raises when the broker cannot take it."""
    from config.celery import app

    app.send_task(JOBS[job].task, kwargs={"only_failed": True})
