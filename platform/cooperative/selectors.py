"""Reads of locations that respect who is asking, and of the runs of the jobs over the locations."""
from dataclasses import dataclass

from django.db.models import Prefetch

from accounts.models import Membership
from accounts.roles import ADVISER, COOP_ADMIN, STAFF
from cooperative import jobs
from cooperative.models import JobFailure, JobRun, Location


def locations_visible_to(user):
    """Cooperative admin and lead advisers: every location; an adviser: her assigned ones."""
    roles = user.coop_roles()
    qs = Location.objects.prefetch_related("memberships__user")
    if COOP_ADMIN in roles or user.is_lead_adviser:
        return qs
    if ADVISER in roles:
        return qs.filter(adviser_assignments__adviser=user)
    return Location.objects.none()


def entrepreneurs_of(location):
    return [m.user for m in location.memberships.all() if m.role == "entrepreneur" and m.is_active]


def locations_of_member(user, roles):
    """Locations where `user` holds one of `roles` in an active membership.

    One filter() call, so the role condition applies to the user's own membership row.
    """
    return Location.objects.filter(
        memberships__user=user, memberships__role__in=roles, memberships__is_active=True,
    ).exclude(status=Location.Status.OFFBOARDED).distinct().order_by("name")


def staff_of(location):
    return [m.user for m in Membership.objects.filter(location=location, role=STAFF, is_active=True)
            .select_related("user").order_by("user__full_name")]


def locations_by_kind(locations) -> list[tuple[str, int]]:
    """(kind label, number of locations not offboarded) for each kind, in the order of the kinds."""
    counts = {kind: 0 for kind in Location.Kind.values}
    for location in locations:
        if location.status != Location.Status.OFFBOARDED and location.kind in counts:
            counts[location.kind] += 1
    return [(Location.Kind(kind).label, count) for kind, count in counts.items()]


@dataclass
class JobStatus:
    """A job that loops over the locations, its last run and its open failures (the newest per location)."""

    job: jobs.Job
    last_run: JobRun | None
    failures: list[JobFailure]


def job_statuses() -> list[JobStatus]:
    """Every job of cooperative.jobs.JOBS, in that order, in two queries."""
    last = {run.job: run for run in JobRun.objects.order_by("job", "-started_at", "-pk").distinct("job")}
    failures: dict[str, dict[int, JobFailure]] = {}
    for failure in jobs.open_failures_everywhere().select_related("location").order_by(
            "job", "location__name", "location_id", "-failed_at", "-pk"):
        failures.setdefault(failure.job, {}).setdefault(failure.location_id, failure)
    return [JobStatus(job, last.get(name), list(failures.get(name, {}).values())) for name, job in jobs.JOBS.items()]


def recent_runs(job: str | None = None):
    """Runs newest first with their failures, for the API."""
    runs = JobRun.objects.prefetch_related(Prefetch("failures", JobFailure.objects.select_related("location")))
    return runs.filter(job=job) if job else runs
