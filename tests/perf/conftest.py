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
import os
import platform as pyplatform
import time
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


@pytest.fixture(scope="session")
def bench_db(django_db_setup, django_db_blocker):
    """Database access for the whole session, outside any test transaction: everything is committed."""
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
