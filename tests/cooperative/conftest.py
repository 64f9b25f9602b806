"""Fixtures for the jobs that loop over the locations.

A location's schema is broken on purpose inside the test's own transaction: PostgreSQL DDL is
transactional, so the rollback after each test undoes the damage even when a test fails before its repair.
Sentry is pointed at a local endpoint that keeps every envelope (tests/platform/test_error_reports.py).
"""
from contextlib import contextmanager

import pytest
from django.db import connection

from cooperative.models import JobFailure, JobRun
from tests.billing.conftest import billing  # noqa: F401 (fixture re-exported)
from tests.outbox.helpers import deliver_outbox
from tests.payments.stripe_fake import recorded_stripe  # noqa: F401 (fixture re-exported)
from tests.platform.test_error_reports import events, sentry_endpoint  # noqa: F401 (fixture re-exported)


@pytest.fixture
def after_commit():
    """`with after_commit():` delivers the e-mails the block wrote to the outbox when it ends, each in its
    location's schema, as the worker does after each location's own commit. What a location's rolled-back part
    wrote was rolled back with it, so it is never sent."""

    @contextmanager
    def block():
        yield
        deliver_outbox()

    return block


def _execute(*statements: str) -> None:
    with connection.cursor() as cursor:
        # Fire the deferred foreign-key checks now, as a commit would: PostgreSQL refuses to alter a table
        # with pending trigger events.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in statements:
            cursor.execute(statement)


def break_table(site, table: str):
    """Rename `table` in the site's schema away, as a failed migration might leave it; returns the repair."""
    schema = site.location.schema_name
    _execute(f'ALTER TABLE "{schema}"."{table}" RENAME TO "{table}_broken"')
    return lambda: _execute(f'ALTER TABLE "{schema}"."{table}_broken" RENAME TO "{table}"')


def break_column(site, table: str, column: str):
    """Rename a column of `table` in the site's schema away; returns the repair."""
    schema = site.location.schema_name
    _execute(f'ALTER TABLE "{schema}"."{table}" RENAME COLUMN "{column}" TO "{column}_broken"')
    return lambda: _execute(f'ALTER TABLE "{schema}"."{table}" RENAME COLUMN "{column}_broken" TO "{column}"')


def open_failures(job: str) -> dict[str, str]:
    """{location slug: error class} of the job's unresolved failures."""
    return dict(JobFailure.objects.filter(job=job, resolved_at__isnull=True)
                .values_list("location__slug", "error_class"))


def last_run(job: str) -> JobRun:
    return JobRun.objects.filter(job=job).first()


def sentry_events(server) -> list[dict]:
    """The error events the SDK sent, after flushing it."""
    import sentry_sdk

    sentry_sdk.flush(timeout=10)
    return [event for event in events(server) if event.get("exception")]


def ours(slugs) -> set[str]:
    """Of these slugs, the session's two locations (other tests' committed locations do not count)."""
    return set(slugs) & {"alpha", "beta"}
