"""A release over every location schema (uitrol): check all of them at once, bring the ones behind up to date.

`migrate_schemas` starts Django's migration machinery once per schema, about 0.2 s each even with nothing to
do: minutes for thousands of locations at every release. Here the check is one query over the migration
records of every schema, and a schema that is behind gets the SQL of its missing migrations, worked out once
for all schemas that miss the same ones, replayed in its own transaction, with the migration records and
the content types the template got from Django's own run. A migration that cannot be written as SQL (Python
code in it) goes through `migrate_schemas` for that schema. A schema that fails is reported and retried; the
others go on, and running the release again picks up what is still behind.
"""
from __future__ import annotations

import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from cooperative import citus
from cooperative.schemas import _quote, ensure_template_schema

# Schemas checked in one statement: a UNION of one count per schema (plain SQL, no function of our own and no
# server extension; thousands of schemas plan in well under a second a thousand).
CHECK_BATCH = 1000


@dataclass
class Report:
    checked: int = 0
    behind: int = 0
    migrated: list[str] = field(default_factory=list)
    by_migrate_command: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds_check: float = 0.0
    seconds_apply: float = 0.0


def expected_migrations() -> set[str]:
    """Every migration of the project as `app.name`: a location schema records them all (django-tenants runs
    the shared apps' migrations there too, without their operations)."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    return {f"{app}.{name}" for app, name in graph.nodes}


def location_schemas() -> list[str]:
    from cooperative.models import Location

    return list(Location.objects.exclude(status=Location.Status.OFFBOARDED).order_by("pk")
                .values_list("schema_name", flat=True))


def behind(schemas: list[str], expected: set[str]) -> list[str]:
    """The schemas among `schemas` that miss a migration: one query for every thousand schemas."""
    connection.set_schema_to_public()
    names = sorted(expected)
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)", [schemas])
        present = [row[0] for row in cursor.fetchall()]
        for start in range(0, len(present), CHECK_BATCH):
            batch = present[start:start + CHECK_BATCH]
            union = " UNION ALL ".join(
                f"SELECT %s, count(*) FROM {_quote(schema)}.django_migrations WHERE app || '.' || name = ANY(%s)"
                for schema in batch)
            cursor.execute(union, [value for schema in batch for value in (schema, names)])
            counts.update(cursor.fetchall())
    return [schema for schema in schemas if counts.get(schema, 0) < len(expected)]


def _applied(schema: str) -> frozenset[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT app || '.' || name FROM {_quote(schema)}.django_migrations")
        return frozenset(row[0] for row in cursor.fetchall())


def _collected_sql(schema: str) -> tuple[list[str] | None, list[tuple[str, str]]]:
    """The SQL of the migrations `schema` misses, as Django would run them there, and their records; None
    for the SQL when a migration holds code that cannot be written as SQL."""
    connection.set_schema(schema)
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        records = [(migration.app_label, migration.name) for migration, _backwards in plan]
        if any(not operation.reduces_to_sql for migration, _ in plan for operation in migration.operations):
            return None, records
        statements = executor.loader.collect_sql(plan)
    finally:
        connection.set_schema_to_public()
    return [s for s in statements if s.strip() and not s.lstrip().startswith("--")], records


def _replay(schema: str, statements: list[str], records: list[tuple[str, str]]) -> None:
    target, template = _quote(schema), _quote(settings.TEMPLATE_SCHEMA)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL search_path TO {target}, public")
            if citus.is_citus():
                for statement in statements:
                    cursor.execute(statement)
            elif statements:
                cursor.execute("\n".join(statements))
            cursor.executemany(
                f"INSERT INTO {target}.django_migrations (app, name, applied) VALUES (%s, %s, now())", records)
            cursor.execute(
                f"INSERT INTO {target}.django_content_type (app_label, model) SELECT t.app_label, t.model "
                f"FROM {template}.django_content_type t WHERE NOT EXISTS (SELECT 1 FROM "
                f"{target}.django_content_type c WHERE c.app_label = t.app_label AND c.model = t.model)")
    finally:
        connection.set_schema_to_public()


def _migrate_command(schema: str) -> None:
    call_command("migrate_schemas", schema_name=schema, tenant=True, interactive=False, verbosity=0)
    connection.set_schema_to_public()


def _apply(schema: str, plan) -> tuple[str, str | None, bool]:
    """Bring one schema up to date in its own transaction; returns (schema, error or None, by command)."""
    statements, records = plan
    try:
        if statements is None:
            _migrate_command(schema)
        else:
            _replay(schema, statements, records)
        return schema, None, statements is None
    except Exception as error:  # one schema's failure is reported; the others go on
        return schema, f"{type(error).__name__}: {error}", statements is None
    finally:
        connections.close_all()


def release(*, workers: int = 2, shared: bool = True, schemas: list[str] | None = None, log=None) -> Report:
    """Migrate the public schema (unless `shared` is False), the template by Django's own run, then every
    location schema that is behind, `workers` at a time; a failed schema is tried once more at the end."""
    log = log or (lambda message: None)
    report = Report()
    if shared:
        call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    ensure_template_schema(force_check=True)
    started = time.perf_counter()
    expected = expected_migrations()
    schemas = location_schemas() if schemas is None else schemas
    late = behind(schemas, expected)
    report.checked, report.behind = len(schemas), len(late)
    report.seconds_check = time.perf_counter() - started
    log(f"{len(schemas)} location schemas checked in {report.seconds_check:.1f} s; {len(late)} behind")
    if not late:
        return report
    started = time.perf_counter()
    by_missing: dict[frozenset[str], list[str]] = defaultdict(list)
    for schema in late:
        by_missing[frozenset(expected - _applied(schema))].append(schema)
    plans = {missing: _collected_sql(group[0]) for missing, group in by_missing.items()}
    work = [(schema, plans[missing]) for missing, group in by_missing.items() for schema in group]
    failed = _run(work, workers, report)
    for schema, plan in [(schema, plan) for schema, plan in work if schema in failed]:
        report.failed.pop(schema)
        _run([(schema, plan)], 1, report)
    report.seconds_apply = time.perf_counter() - started
    log(f"{len(report.migrated)} brought up to date in {report.seconds_apply:.1f} s"
        + (f"; failed: {', '.join(sorted(report.failed))}" if report.failed else ""))
    return report


def _run(work, workers: int, report: Report) -> set[str]:
    def one(item):
        return _apply(*item)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(one, work))
    failed = set()
    for schema, error, by_command in results:
        if error:
            report.failed[schema] = error
            failed.add(schema)
        else:
            report.migrated.append(schema)
            if by_command:
                report.by_migrate_command.append(schema)
    return failed
