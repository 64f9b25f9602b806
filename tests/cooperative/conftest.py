"""Fixtures for the jobs that loop over the locations.

A location's schema is broken on purpose inside the test's own transaction: PostgreSQL DDL is
transactional, so the rollback after each test undoes the damage even when a test fails before its repair.
Sentry is pointed at a local endpoint that keeps every envelope (tests/platform/test_error_reports.py).
"""
import pytest
from django.db import connection, transaction
from django_tenants.utils import schema_context

from cooperative.models import JobFailure, JobRun
from tests.billing.conftest import billing  # noqa: F401 (fixture re-exported)
from tests.payments.stripe_fake import recorded_stripe  # noqa: F401 (fixture re-exported)
from tests.platform.test_error_reports import events, sentry_endpoint  # noqa: F401 (fixture re-exported)


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks, monkeypatch):
    """`with after_commit():` runs the on-commit work (e-mails) of the block when it ends, each piece in the
    schema it was registered in — as each location's own commit does in production, inside the job's
    schema switch. (The test's transaction never commits, so Django's capture runs them at the end.)"""
    register = transaction.on_commit

    def on_commit(func, using=None, robust=False):
        schema = connection.schema_name

        def in_schema():
            with schema_context(schema):
                func()

        register(in_schema, using=using, robust=robust)

    monkeypatch.setattr(transaction, "on_commit", on_commit)
    return lambda: django_capture_on_commit_callbacks(execute=True)


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
