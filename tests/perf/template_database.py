"""The template database `make bench` copies each benchmark's database from (tests/perf/conftest.py).

`python -m tests.perf.template_database drop`: remove the templates made from other migrations than today's (the
start of `make bench`); `drop --all`: remove every one."""
import hashlib
import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("platform", "tenants", "billing", "frontend")


def digest() -> str:
    """Of every migration file's path and text: the template is valid for exactly these migrations."""
    sha = hashlib.sha256()
    for path in sorted(p for folder in SOURCES for p in (ROOT / folder).rglob("migrations/*.py")):
        sha.update(str(path.relative_to(ROOT)).encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:12]


def prefix() -> str:
    from django.conf import settings

    return f"test_{settings.DATABASES['default']['NAME']}_bench_template_"


def name() -> str:
    return prefix() + digest()


def drop(*, keep_current: bool) -> list[str]:
    from django.db import connection

    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix()])
        names = [row[0] for row in cursor.fetchall() if not (keep_current and row[0] == name())]
        for old in names:
            cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')
    return names


if __name__ == "__main__":
    sys.path[:0] = [str(ROOT), str(ROOT / "platform")]  # as pytest's pythonpath setting does
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    if sys.argv[1:] not in (["drop"], ["drop", "--all"]):
        sys.exit("usage: python -m tests.perf.template_database drop [--all]")
    for dropped in drop(keep_current=sys.argv[2:] != ["--all"]):
        print(f"dropped the benchmark template {dropped}")
