"""A schema's version is replaced when a transaction that wrote there commits (changes.versions) — the signal
every kept start page relies on (frontend.kept_pages). Writes are committed on connections of their own, as a
staff member's request or a Celery task commits them (tests/conftest.in_a_thread)."""
import logging

import pytest
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.test import Client
from django_tenants.utils import schema_context

from changes import versions
from tests.conftest import PASSWORD, in_a_thread

pytestmark = pytest.mark.usefixtures("kept_pages_on")


def now(world) -> dict[str, str]:
    return versions.versions(["public", world.a.location.schema_name, world.b.location.schema_name])


def changed_between(before: dict, after: dict) -> set[str]:
    return {schema for schema in before if before[schema] != after[schema]}


def names(world, *schemas) -> set[str]:
    return {{"a": world.a.location.schema_name, "b": world.b.location.schema_name}.get(s, s) for s in schemas}


def write_at(site, name: str):
    from tenants.groups.models import Group

    with schema_context(site.location.schema_name):
        return Group.objects.create(name=name, kind="stamgroep", max_age=4).pk


def delete_at(site, pk):
    from tenants.groups.models import Group

    with schema_context(site.location.schema_name):
        Group.objects.filter(pk=pk).delete()


def test_a_write_at_a_location_replaces_that_locations_version_only(world):
    before = now(world)
    pk = in_a_thread(write_at, world.a, "Vlinders")
    try:
        assert changed_between(before, now(world)) == names(world, "a")
    finally:
        in_a_thread(delete_at, world.a, pk)


def test_a_shared_table_written_from_a_locations_schema_replaces_the_public_version(world):
    """A membership is a shared row even when the entrepreneur's request is in the location's schema."""
    from accounts.models import Membership

    def invite():
        with schema_context(world.a.location.schema_name):
            return Membership.objects.create(user=world.b.parent, location=world.a.location, role="parent").pk

    before = now(world)
    pk = in_a_thread(invite)
    try:
        assert changed_between(before, now(world)) == {"public"}
    finally:
        in_a_thread(lambda: Membership.objects.filter(pk=pk).delete())


def test_in_a_transaction_the_versions_change_at_the_commit(world):
    seen = {}

    def write():
        with transaction.atomic():
            pk = write_at(world.a, "Rupsen")
            seen["inside"] = now(world)
        seen["after"] = now(world)
        return pk

    before = now(world)
    pk = in_a_thread(write)
    try:
        assert seen["inside"] == before, "not before the commit: a page read then would not see the write"
        assert changed_between(before, seen["after"]) == names(world, "a")
    finally:
        in_a_thread(delete_at, world.a, pk)


def test_a_rolled_back_savepoint_changes_nothing_of_its_own(world):
    made = {}

    def write():
        with transaction.atomic():
            try:
                with transaction.atomic():
                    write_at(world.a, "Kikkers")
                    raise RuntimeError("rolled back")
            except RuntimeError:
                pass
            made["b"] = write_at(world.b, "Kikkers")

    before = now(world)
    in_a_thread(write)
    try:
        assert changed_between(before, now(world)) == names(world, "b")
    finally:
        in_a_thread(delete_at, world.b, made["b"])


def test_a_rolled_back_transaction_changes_nothing(world):
    def write():
        try:
            with transaction.atomic():
                write_at(world.a, "Egels")
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass

    before = now(world)
    in_a_thread(write)
    assert now(world) == before


def test_a_statement_that_cannot_be_placed_replaces_its_schemas_and_the_public_version(world):
    def ddl():
        with schema_context(world.b.location.schema_name), connection.cursor() as cursor:
            cursor.execute("CREATE TEMPORARY TABLE kept_pages_probe (id int)")

    before = now(world)
    in_a_thread(ddl)
    assert changed_between(before, now(world)) == names(world, "b", "public")


def test_logging_in_and_opening_pages_change_no_version(world):
    """Logging in writes the session, the last login, the login's bookkeeping; a parent's pages write nothing
    that a page shows. Were these counted, every login would drop every kept page."""
    def visit():
        client = Client(HTTP_HOST="localhost")
        response = client.post("/accounts/login/", {"login": world.two_location_parent.email,
                                                    "password": PASSWORD})
        assert response.status_code == 302, response.content[:500]
        for _ in range(2):
            assert client.get("/").status_code == 200
        return client.session.session_key

    from django.contrib.sessions.models import Session

    from accounts.models import HostSession

    earlier = set(HostSession.objects.values_list("pk", flat=True))
    try:
        in_a_thread(visit)  # once first: rows made once, on first use (the cooperative's own row), are made here
        before = now(world)
        assert in_a_thread(visit)
        assert now(world) == before
    finally:  # the logins were committed: their sessions go, for the tests that count them
        def log_out():
            left = HostSession.objects.exclude(pk__in=earlier)
            Session.objects.filter(session_key__in=left.values("session_key")).delete()
            left.delete()

        in_a_thread(log_out)


def test_an_unreachable_cache_does_not_undo_the_write(world, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(type(caches["default"]), "set_many", broken)  # each thread has its own cache object
    with caplog.at_level(logging.ERROR, logger="changes.versions"):
        pk = in_a_thread(write_at, world.a, "Mieren")
    monkeypatch.undo()
    try:
        assert in_a_thread(lambda: _exists(world.a, pk))
        assert "could not give schemas" in caplog.text
    finally:
        in_a_thread(delete_at, world.a, pk)


def _exists(site, pk) -> bool:
    from tenants.groups.models import Group

    with schema_context(site.location.schema_name):
        return Group.objects.filter(pk=pk).exists()


def test_a_version_that_was_gone_is_never_one_seen_before(world):
    schema = world.a.location.schema_name
    first = versions.versions([schema])[schema]
    cache.delete(versions.version_key(schema))
    assert versions.versions([schema])[schema] != first
    assert not versions.unchanged({schema: first})
