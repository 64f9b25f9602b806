"""Benchmark harness: a database per benchmark, committed work, and a table of figures at the end.

The benchmarks create hundreds of PostgreSQL schemas, so each runs against a test database of its own
(`test_<database>_bench_<name>`, from BENCH_NAME, which `make bench` sets per benchmark), never the one `make test`
uses, and pytest-django drops it afterwards: one benchmark's locations never weigh on the next one's figures. The
work is committed (schemas cannot be rolled back cheaply) in session fixtures; the tests check the figures against
the targets. `make bench-quick` sets BENCH_QUICK=1: every size read through `size()` takes its small value.

Results are kept, never overwritten: var/bench/<name>/<time>.json per run, a line per run in
var/bench/history.jsonl, and var/bench/results.json for the last run.
"""
import json
import logging
import os
import platform as pyplatform
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

RESULTS: dict[str, dict] = {}
ROWS: list[tuple[str, str]] = []
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")


def size(variable: str, full: float, quick: float) -> float:
    """A benchmark's size: the environment variable when set, else the small value in a quick run."""
    value = os.environ.get(variable)
    if value is not None:
        return type(full)(value)
    return quick if QUICK else full


def again_when_lock_table_full(function, *args, on_retry=None):
    """`function(*args)`, tried again (up to five times in all) when the server's lock table was full. A clone holds
    thousands of locks until it commits, and max_locks_per_transaction x max_connections is shared by all sessions;
    the clone is rolled back whole, so trying again is safe. `on_retry()` is called before each new try."""
    from django.db import OperationalError

    for attempt in range(5):
        try:
            return function(*args)
        except OperationalError as error:
            if "max_locks_per_transaction" not in str(error) or attempt == 4:
                raise
            if on_retry is not None:
                on_retry()
            time.sleep(1)


def side_by_side(function, items: list, *, workers: int = 2) -> list:
    """`function(item)` for every item, by `workers` threads each on a database connection of its own (committed),
    the results in the order of `items`. For set-ups whose time is the server's (cloning schemas, provisioning):
    one thread keeps one core busy, two keep both. An item stopped by a full lock table is tried again."""
    from django.db import connections

    def share(part):
        try:
            return [again_when_lock_table_full(function, item) for item in part]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        shares = list(pool.map(share, [items[w::workers] for w in range(workers)]))
    return [shares[i % workers][i // workers] for i in range(len(items))]


def record(key: str, label: str, value: str, **data) -> None:
    """Keep one figure for the table and for var/bench/results.json."""
    RESULTS[key] = {"label": label, "value": value, **data}
    ROWS.append((label, value))


@pytest.fixture(scope="session")
def django_db_modify_db_settings():
    """A test database of its own, so a bench never collides with `make test` on the same server."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    name = os.environ.get("BENCH_NAME", "all")
    db.setdefault("TEST", {})["NAME"] = f"test_{db['NAME']}_bench_{name}"


def template_database() -> str | None:
    """A migrated database (the location template schema included) that `make bench` has each benchmark's database
    copied from, instead of migrating every one anew (a minute and a half each, longer than most quick benchmarks).
    Its name carries a digest of the migrations, so a changed migration makes a new one; the first benchmark that
    finds none creates it, and `python -m tests.perf.template_database drop` removes those of other migrations (the
    start of `make bench`) or all of them (`drop --all`)."""
    if os.environ.get("BENCH_TEMPLATE", "") in ("", "0"):
        return None
    from tests.perf.template_database import name

    return name()


def _database_exists(cursor, name: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """The benchmark's own database: copied from the run's template database when there is one, else created and
    migrated as pytest-django does (and then kept as the template for the run's next benchmarks). Dropped after."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    template = template_database()
    with django_db_blocker.unblock():
        with connection._nodb_cursor() as cursor:
            copy = template is not None and _database_exists(cursor, template)
        if copy:
            name = connection.settings_dict["TEST"]["NAME"]
            original = connection.settings_dict["NAME"]
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
                cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            connection.close()
            connection.settings_dict["NAME"] = name
        else:
            config = setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
            if template is not None:
                from cooperative import schemas

                schemas.ensure_template_schema(force_check=True)
                name = connection.settings_dict["NAME"]
                connection.close()
                with connection._nodb_cursor() as cursor:
                    cursor.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
    yield
    with django_db_blocker.unblock():
        if copy:
            connection.close()
            connection.settings_dict["NAME"] = original
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        else:
            try:
                teardown_databases(config, verbosity=0)
            except Exception as exc:  # a server process still on it; the next run's --create-db drops it
                request.node.warn(pytest.PytestWarning(f"Error when trying to teardown test databases: {exc!r}"))


@pytest.fixture(scope="session")
def bench_db(django_db_setup, django_db_blocker):
    """Database access for the whole session, outside any test transaction: everything is committed."""
    logging.getLogger("axes").setLevel(logging.WARNING)  # a line per login would bury the figures
    with django_db_blocker.unblock():
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0]
        settings_dict = connection.settings_dict
        RESULTS["machine"] = {
            "cpus": os.cpu_count(),
            "python": pyplatform.python_version(),
            "postgresql": server_version,
            "database": "DATABASE_URL" if os.environ.get("DATABASE_URL") else "embedded (pgserver)",
            "test_database": settings_dict["NAME"],
            "date": time.strftime("%Y-%m-%d %H:%M %Z"),
            "benchmark": os.environ.get("BENCH_NAME", "all"),
            "quick": QUICK,
        }
        yield connection


def pytest_terminal_summary(terminalreporter):
    if not ROWS:
        return
    machine = RESULTS.get("machine", {})
    width = max(len(label) for label, _ in ROWS)
    write = terminalreporter.write_line
    write("")
    write(f"Benchmarks — {machine.get('cpus')} CPUs, PostgreSQL {machine.get('postgresql')}, "
          f"database {machine.get('database')}, {machine.get('date')}")
    write(f"{'measurement'.ljust(width)}  figure")
    write(f"{'-' * width}  {'-' * 40}")
    for label, value in ROWS:
        write(f"{label.ljust(width)}  {value}")
    folder = Path(__file__).resolve().parents[2] / "var" / "bench"
    run = folder / machine.get("benchmark", "all") / f"{time.strftime('%Y%m%d-%H%M%S')}.json"
    run.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(RESULTS, indent=1, default=str)
    run.write_text(text)
    (folder / "results.json").write_text(text)
    with (folder / "history.jsonl").open("a") as history:
        history.write(json.dumps(RESULTS, default=str) + "\n")
    write(f"(kept in {run.relative_to(Path.cwd()) if run.is_relative_to(Path.cwd()) else run})")
