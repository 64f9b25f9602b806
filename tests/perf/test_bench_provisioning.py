"""Provisioning benchmarks (run by `make bench`, not by `make test`).

1. One location by cloning the template schema versus by migrating a fresh schema: the bare schema step
   and the whole `provision_location`. Target: cloning at most 1 s (median) and at least 10x faster.
2. 200 locations provisioned in one run, without an error.
3. `migrate_schemas` over those 200 schemas (multiprocessing executor) with nothing to do — the figure of a
   release before `manage.py release` (tests/perf/test_bench_release.py measures that one, and a release with a
   new migration). BENCH_MIGRATE_PENDING=1 adds a run with one pending migration per schema (rolled back first,
   then re-applied), BENCH_MIGRATE_EXECUTORS="multiprocessing standard" the standard executor's runs.

Sizes can be changed for a quick run: BENCH_LOCATIONS (200), BENCH_CLONE_SAMPLES (15), BENCH_MIGRATE_SAMPLES (3;
each migration of a fresh schema takes some 18 s). A quick run (`make bench-quick`) migrates one schema only,
without a warm-up — for the check that a clone equals a migrated schema and the speed-up of the schema step — and
leaves the whole provision by migrating to the full run.
"""
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import pytest

from tests.perf.conftest import QUICK, record, size

LOCATIONS = size("BENCH_LOCATIONS", 200, 20)
CLONE_SAMPLES = size("BENCH_CLONE_SAMPLES", 15, 3)
MIGRATE_SAMPLES = size("BENCH_MIGRATE_SAMPLES", 3, 1)
CLONE_TARGET_S = 1.0
SPEEDUP_TARGET = 10.0
MIGRATE_EXECUTORS = tuple(os.environ.get("BENCH_MIGRATE_EXECUTORS", "multiprocessing").split())
MIGRATE_PENDING = os.environ.get("BENCH_MIGRATE_PENDING", "") not in ("", "0")
ROOT = Path(__file__).resolve().parents[2]


def timed(fn, *args, **kwargs) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def summary(samples: list[float]) -> str:
    return (f"median {statistics.median(samples):.3f} s  (min {min(samples):.3f}, max {max(samples):.3f}, "
            f"n={len(samples)})")


def new_location(slug: str):
    from cooperative.services import NewLocation

    return NewLocation(
        name=f"Bench {slug}", slug=slug, kind="kdv", jurisdiction="NL",
        entrepreneur_email=f"owner@{slug}.bench", entrepreneur_name=f"Owner {slug}",
        lrk_numbers={"kdv": "123456789"}, licensed_places=16, city="Utrecht", region="Bench",
    )


def discard_location(slug: str) -> None:
    """Drop a comparison location again, so that exactly the 200 bench locations remain.

    The entrepreneur's account stays: deleting a user would look for location tables in the public schema.
    """
    from cooperative import schemas
    from cooperative.models import Location

    location = Location.objects.get(slug=slug)
    schemas.drop_schema(location.schema_name)
    location.delete()


def database_url() -> str:
    """DATABASE_URL of the bench's test database, for the `manage.py` subprocesses."""
    from django.db import connection

    s = connection.settings_dict
    auth = quote(s["USER"] or "postgres") + (f":{quote(s['PASSWORD'])}" if s.get("PASSWORD") else "")
    host = s.get("HOST") or ""
    if host.startswith("/"):  # the embedded server listens on a Unix socket
        return f"postgres://{auth}@/{s['NAME']}?host={quote(host)}"
    port = f":{s['PORT']}" if s.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{s['NAME']}"


def manage(*args: str) -> float:
    """Run `manage.py` in a fresh process (as an operator would) against the bench database; seconds."""
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_ENV": "test"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "platform" / "manage.py"), *args],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return elapsed


def schema_signature(cursor, schema: str) -> dict:
    """What a location schema consists of, with its own name taken out, for comparing two schemas."""
    queries = {
        "columns": "SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, "
                   "identity_generation FROM information_schema.columns WHERE table_schema = %(s)s ORDER BY 1, 2",
        "constraints": "SELECT c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid) "
                       "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
                       "WHERE con.connamespace = %(s)s::regnamespace ORDER BY 1, 2",
        "indexes": "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_class c "
                   "WHERE c.relnamespace = %(s)s::regnamespace AND c.relkind = 'i' ORDER BY 1",
        "sequences": "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = %(s)s ORDER BY 1",
        "migrations": 'SELECT app, name FROM "{schema}".django_migrations ORDER BY 1, 2',
        "content_types": 'SELECT id, app_label, model FROM "{schema}".django_content_type ORDER BY 1',
    }
    signature = {}
    for key, sql in queries.items():
        cursor.execute(sql.format(schema=schema), {"s": schema})
        signature[key] = [
            tuple(str(v).replace(f"{schema}.", "<schema>.") if v is not None else None for v in row)
            for row in cursor.fetchall()
        ]
    # PostgreSQL prints a partial index's predicate and a check constraint's condition differently once it has
    # re-parsed its own output (casts and brackets move: `(ARRAY['a'::varchar])::text[]` becomes
    # `ARRAY[('a'::varchar)::text]`); compare them without casts and brackets.
    signature["indexes"] = [(name, normalized_sql(sql)) for name, sql in signature["indexes"]]
    signature["constraints"] = [(*row[:3], normalized_sql(row[3])) for row in signature["constraints"]]
    return signature


def normalized_sql(sql: str) -> str:
    return re.sub(r"[()\s]", "", re.sub(r"::[a-z ]+(\[\])?", "", sql))


def interleaved(clone, migrate, *, warm_up_migrate: bool = True) -> tuple[list[float], list[float]]:
    """Time clone(i) and migrate(i) alternately, so load from other work on the machine hits both alike.

    Sample 0 of each is a warm-up (imports, caches, the process's first template check) and not counted. Without
    `warm_up_migrate` (a quick run: a fresh schema's migration takes close to a minute) the first migration
    counts, its imports included (a second or two of it), which makes the speed-up a little larger than it is.
    """
    clone_times, migrate_times = [], []
    first_migrate = 0 if warm_up_migrate else 1
    for i in range(max(CLONE_SAMPLES, MIGRATE_SAMPLES) + 1):
        if i <= CLONE_SAMPLES:
            clone_times.append(timed(clone, i))
        if first_migrate <= i <= MIGRATE_SAMPLES:
            migrate_times.append(timed(migrate, i))
    return clone_times[1:], migrate_times[1 - first_migrate:]


@pytest.fixture(scope="session")
def template(bench_db):
    from cooperative import schemas

    seconds = timed(schemas.ensure_template_schema, force_check=True)
    record("template", "template schema prepared (once per deploy)", f"{seconds:.3f} s", seconds=seconds)
    # A second check with the template already current: the price of a process's first provisioning.
    seconds = timed(schemas.ensure_template_schema, force_check=True)
    record("template_check", "template up-to-date check (first provision per process)", f"{seconds:.3f} s",
           seconds=seconds)


@pytest.fixture(scope="session")
def schema_step(template, bench_db):
    """The bare schema step: clone_template versus CREATE SCHEMA + migrate_schemas."""
    from django.conf import settings

    from cooperative import schemas

    clone, migrate = interleaved(
        lambda i: schemas.clone_template(f"bench_clone_{i}"),
        lambda i: schemas.migrate_new_schema(f"bench_migrate_{i}"),
        warm_up_migrate=not QUICK,
    )
    migrated = "bench_migrate_1" if QUICK else "bench_migrate_0"
    with bench_db.cursor() as cursor:
        # A clone must be what migrating gives: same tables, columns, constraints, indexes and rows.
        signatures = {
            name: schema_signature(cursor, name) for name in (settings.TEMPLATE_SCHEMA, "bench_clone_0", migrated)
        }
    signatures["migrated"] = signatures.pop(migrated)
    for name in [f"bench_clone_{i}" for i in range(CLONE_SAMPLES + 1)] + [
        f"bench_migrate_{i}" for i in range(0 if not QUICK else 1, MIGRATE_SAMPLES + 1)
    ]:
        schemas.drop_schema(name)
    speedup = statistics.median(migrate) / statistics.median(clone)
    record("schema_clone", "schema step: clone template", summary(clone), samples=clone)
    record("schema_migrate", "schema step: create + migrate", summary(migrate), samples=migrate)
    record("schema_speedup", "schema step: clone speed-up", f"{speedup:.1f}x", speedup=speedup)
    return clone, migrate, speedup, signatures


@pytest.fixture(scope="session")
def provision_step(template):
    """The whole provision_location (location, schema, domain, account, membership, invitation)."""
    from cooperative import schemas
    from cooperative.services import provision_location

    def by_migrating(i):
        with mock.patch.object(schemas, "clone_template", schemas.migrate_new_schema):
            provision_location(new_location(f"bench-pm-{i}"))

    def by_cloning(i):
        provision_location(new_location(f"bench-pc-{i}"))

    if QUICK:
        clone, migrate = [timed(by_cloning, i) for i in range(CLONE_SAMPLES + 1)][1:], []
    else:
        clone, migrate = interleaved(by_cloning, by_migrating)
    for slug in [f"bench-pc-{i}" for i in range(CLONE_SAMPLES + 1)] + [
        f"bench-pm-{i}" for i in range(MIGRATE_SAMPLES + 1) if migrate
    ]:
        discard_location(slug)
    record("provision_clone", "provision_location: cloning", summary(clone), samples=clone)
    if not migrate:
        record("provision_migrate", "provision_location: migrating", "not run in a quick run")
        return clone, migrate, None
    speedup = statistics.median(migrate) / statistics.median(clone)
    record("provision_migrate", "provision_location: migrating", summary(migrate), samples=migrate)
    record("provision_speedup", "provision_location: clone speed-up", f"{speedup:.1f}x", speedup=speedup)
    return clone, migrate, speedup


@pytest.fixture(scope="session")
def many_locations(template):
    """LOCATIONS locations provisioned one after another in this process, counting failures."""
    from cooperative.services import provision_location

    durations, failures = [], []
    start = time.perf_counter()
    for i in range(LOCATIONS):
        slug = f"loc-{i:03d}"
        try:
            durations.append(timed(provision_location, new_location(slug)))
        except Exception as exc:  # counted and reported; the test fails on any
            failures.append(f"{slug}: {exc!r}")
    total = time.perf_counter() - start
    quantiles = statistics.quantiles(durations, n=20, method="inclusive") if len(durations) > 1 else durations * 19
    first, last = durations[: len(durations) // 10 or 1], durations[-(len(durations) // 10 or 1):]
    record("many_total", f"{LOCATIONS} locations provisioned: total",
           f"{total:.1f} s, {len(failures)} errors", seconds=total, failures=failures)
    record("many_each", f"{LOCATIONS} locations: per location",
           f"median {statistics.median(durations):.3f} s, p95 {quantiles[18]:.3f} s, "
           f"max {max(durations):.3f} s", samples=durations)
    record("many_drift", f"{LOCATIONS} locations: first vs last 10 % (median)",
           f"{statistics.median(first):.3f} s -> {statistics.median(last):.3f} s")
    return durations, failures


@pytest.fixture(scope="session")
def migrate_runs(many_locations):
    """`manage.py migrate_schemas` over every location schema, in a fresh process each time."""
    runs = {}
    for executor in MIGRATE_EXECUTORS:
        seconds = manage("migrate_schemas", f"--executor={executor}", "--noinput", "-v", "0")
        runs[f"noop_{executor}"] = seconds
        record(f"migrate_noop_{executor}", f"migrate_schemas --executor={executor}, nothing to apply",
               f"{seconds:.1f} s", seconds=seconds)
    for executor in MIGRATE_EXECUTORS if MIGRATE_PENDING else ():
        # One real pending migration in every location schema: roll `exports` back, then time the run.
        manage("migrate_schemas", "--tenant", "--executor=multiprocessing", "--noinput", "-v", "0",
               "exports", "zero")
        seconds = manage("migrate_schemas", f"--executor={executor}", "--noinput", "-v", "0")
        runs[f"pending_{executor}"] = seconds
        record(f"migrate_pending_{executor}",
               f"migrate_schemas --executor={executor}, 1 migration per schema", f"{seconds:.1f} s",
               seconds=seconds)
    return runs


def test_clone_schema_step_is_fast_and_10x(schema_step):
    clone, migrate, speedup, _signatures = schema_step
    assert statistics.median(clone) <= CLONE_TARGET_S
    assert speedup >= SPEEDUP_TARGET


def test_clone_equals_template_and_migrated_schema(schema_step):
    from django.conf import settings

    signatures = schema_step[3]
    template = signatures[settings.TEMPLATE_SCHEMA]
    assert template["migrations"] and template["content_types"]
    assert signatures["bench_clone_0"] == template
    assert signatures["migrated"] == template


def test_clone_provision_location_is_fast_and_10x(provision_step):
    clone, migrate, speedup = provision_step
    assert statistics.median(clone) <= CLONE_TARGET_S
    assert QUICK or speedup >= SPEEDUP_TARGET  # a quick run has the schema step's speed-up only


def test_many_locations_without_error(many_locations, bench_db):
    durations, failures = many_locations
    assert not failures, failures[:5]
    assert len(durations) == LOCATIONS
    with bench_db.cursor() as cursor:
        # Every location schema exists and holds the location tables (checked in SQL).
        cursor.execute(
            "SELECT count(DISTINCT table_schema) FROM information_schema.tables "
            "WHERE table_schema LIKE 'loc\\_%%' AND table_name = 'children_child'"
        )
        assert cursor.fetchone()[0] == LOCATIONS


def test_migrate_schemas_over_all_locations(migrate_runs, bench_db):
    expected = {f"noop_{e}" for e in MIGRATE_EXECUTORS} | {f"pending_{e}" for e in MIGRATE_EXECUTORS if MIGRATE_PENDING}
    assert set(migrate_runs) == expected
    with bench_db.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema LIKE 'loc\\_%%' AND table_name = 'exports_export'"
        )
        assert cursor.fetchone()[0] == LOCATIONS
