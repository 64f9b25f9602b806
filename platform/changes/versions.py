"""A version per schema in the shared cache, replaced when a transaction that wrote there commits.

Every statement run through Django's connection (the ORM, raw cursors, web requests, Celery tasks, management
commands) passes `note_writes`, which reads what it writes (changes.statements) and where: a location's table
named without its schema is in the schema the connection is in; a shared table is in the public schema. At the
commit (or at once outside a transaction) the versions of those schemas are replaced by new random ones; a write
that cannot be placed replaces the versions of the schema the connection is in and of the public schema.

A page kept for a person (frontend.kept_pages) notes the versions of the schemas it was made from, read before
their data; it is served again only while they are all unchanged. A version never comes back (random, not a
counter): a version missing from the cache (evicted, the cache restarted) is set anew and no kept page matches it.

Shared tables that no kept page shows and that change on every login or request (IGNORED: sessions, login
attempts, the outgoing messages, the scheduler's bookkeeping, the time of the last login) replace nothing: every
kept page depends on the public schema's version, so counting them would make every login drop every page.
Writes that do not pass Django's `execute` (psql by hand, psycopg's `COPY` on its own) replace nothing: what
makes them calls `changed()`.
"""
import logging
import secrets
from functools import cache

from django.conf import settings
from django.core.cache import cache as shared_cache
from django_tenants.utils import get_public_schema_name

from changes.statements import ANYTHING, written

logger = logging.getLogger(__name__)

#: Shared tables whose writes replace no version: model label -> the columns that may change unnoticed (None:
#: any). Only tables that no kept page reads belong here.
IGNORED = {
    "sessions.Session": None,
    "axes.AccessAttempt": None,
    "axes.AccessLog": None,
    "axes.AccessFailureLog": None,
    "accounts.HostSession": None,
    "accounts.HandoffToken": None,
    "outbox.Delivery": None,
    "django_celery_beat.PeriodicTask": None,
    "django_celery_beat.PeriodicTasks": None,
    "accounts.User": frozenset({"last_login"}),
    "mfa.Authenticator": frozenset({"last_used_at"}),
}
KEY_PREFIX = "changes:version:"


def version_key(schema: str) -> str:
    return KEY_PREFIX + schema


def versions(schemas) -> dict[str, str]:
    """The current version of each schema; a schema without one is given one."""
    keys = {version_key(schema): schema for schema in schemas}
    found = shared_cache.get_many(list(keys))
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            shared_cache.add(key, secrets.token_hex(8), timeout=None)
        found.update(shared_cache.get_many(missing))  # another process may have set it first
    return {keys[key]: value for key, value in found.items()}


def unchanged(noted: dict[str, str]) -> bool:
    """Whether every schema still has the version noted (one round trip to the cache)."""
    found = shared_cache.get_many([version_key(schema) for schema in noted])
    return all(found.get(version_key(schema)) == version for schema, version in noted.items())


def changed(schemas) -> None:
    """Give these schemas new versions. Never raises: a write has already committed; a kept page that the
    failure leaves valid ends with its time in the cache (frontend.kept_pages.KEEP_SECONDS)."""
    try:
        shared_cache.set_many({version_key(schema): secrets.token_hex(8) for schema in schemas}, timeout=None)
    except Exception:
        logger.exception("could not give schemas %s new versions", sorted(schemas))


@cache
def _tables() -> tuple[frozenset[str], dict[str, frozenset[str] | None]]:
    """The tables of the location schemas, and the ignored shared tables with the columns that may change."""
    from django.apps import apps

    location_apps = {app for app in settings.TENANT_APPS if app not in settings.SHARED_APPS}
    location_tables = frozenset(model._meta.db_table for model in apps.get_models(include_auto_created=True)
                                if model._meta.app_config.name in location_apps)
    ignored = {}
    for label, columns in IGNORED.items():
        try:
            ignored[apps.get_model(label)._meta.db_table] = columns
        except LookupError:
            continue
    return location_tables, ignored


def schemas_written(sql: str, current_schema: str | None) -> set[str]:
    """The schemas a statement run in `current_schema` writes to (see the module's docstring)."""
    public = get_public_schema_name()
    current = current_schema or public
    what = written(sql)
    if what is None:
        return set()
    if what == ANYTHING:
        return {current, public}
    location_tables, ignored = _tables()
    if what.schema is None:
        schema = current if what.table in location_tables and current != public else public
    else:
        schema = what.schema
    if schema == public and what.table in ignored:
        may_change = ignored[what.table]
        if may_change is None or (what.columns is not None and what.columns <= may_change):
            return set()
    return {schema}


class _Replace:
    """An on-commit callback giving the schemas written in one transaction (or savepoint) new versions."""

    __slots__ = ("schemas",)

    def __init__(self, schemas: set[str]):
        self.schemas = schemas

    def __call__(self):
        changed(self.schemas)


def note_writes(execute, sql, params, many, context):
    """Django execute wrapper: run the statement, then note the schemas it wrote to (where pages are kept)."""
    result = execute(sql, params, many, context)
    if not settings.KEPT_PAGES:
        return result
    connection = context["connection"]
    try:
        if not isinstance(sql, str):
            sql = sql.as_string(context["cursor"].cursor)  # psycopg's composed SQL
        schemas = schemas_written(sql, connection.schema_name)
    except Exception:  # never in the way of the write: count it as one anywhere
        logger.exception("could not read what a statement writes")
        schemas = {connection.schema_name or get_public_schema_name(), get_public_schema_name()}
    if schemas:
        _note(connection, schemas)
    return result


def _note(connection, schemas: set[str]) -> None:
    if not connection.in_atomic_block:
        changed(schemas)  # committed already (or under manual transaction control, where no hook exists)
        return
    savepoints = set(connection.savepoint_ids)
    for noted_in, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _Replace) and noted_in == savepoints:
            callback.schemas |= schemas  # rolled back together with it, if at all
            return
    connection.on_commit(_Replace(set(schemas)), robust=True)


def watch_connection(sender, connection, **kwargs):
    """connection_created: put note_writes on the connection, once, where pages are kept (elsewhere a connection
    runs without it, exactly as before)."""
    if settings.KEPT_PAGES and note_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(note_writes)
