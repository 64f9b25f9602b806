"""Benchmark harness: its own test database, committed work, and a table of figures at the end.

The benchmarks create hundreds of PostgreSQL schemas, so they run against a test database of their own
(`test_<database>_perf`), never the one `make test` uses, and the work is committed (schemas cannot be
rolled back cheaply) in session fixtures; the tests only check the figures against the targets.
"""
import json
import os
import platform as pyplatform
import time
from pathlib import Path

import pytest

RESULTS: dict[str, dict] = {}
ROWS: list[tuple[str, str]] = []


def record(key: str, label: str, value: str, **data) -> None:
    """Keep one figure for the table and for var/bench/results.json."""
    RESULTS[key] = {"label": label, "value": value, **data}
    ROWS.append((label, value))


@pytest.fixture(scope="session")
def django_db_modify_db_settings():
    """A test database of its own, so a bench never collides with `make test` on the same server."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    db.setdefault("TEST", {})["NAME"] = f"test_{db['NAME']}_perf"


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
    out = Path(__file__).resolve().parents[2] / "var" / "bench" / "results.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(RESULTS, indent=1, default=str))
    write(f"(also written to {out.relative_to(Path.cwd()) if out.is_relative_to(Path.cwd()) else out})")
