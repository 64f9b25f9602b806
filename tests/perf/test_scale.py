"""Scale benchmark (issue 21, points 6 and 8; `make bench-scale`, not part of `make bench`): BENCH_SCALE_LOCATIONS
(10,000) locations in one database, about 70 tables each (some 700,000 tables).

1. Provisioning stays flat: every location through `provision_location` (a clone of the template by its recipe),
   in order. The fleet is built by BENCH_SCALE_WORKERS (2) processes side by side, each provisioning every second
   location one after another; flatness is measured on each process's own sequential timings: the median of its
   last 10 % at most 1.5x the median of its first 10 %.
2. A release with nothing to do over every schema: the one-query check and `manage.py release` in a fresh process.
   Target: within 30 s.
3. One location's backup (`cooperative.backups.backup_location`, what `manage.py backup_locations` does for each
   location) with the whole fleet in the database. Target: within 2 s.

`make bench-scale` runs it; BENCH_SCALE_LOCATIONS=500 for a short run (BENCH_QUICK: 300). The database is the
harness's own (test_<db>_bench_scale), dropped afterwards.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.perf.conftest import again_when_lock_table_full, record, size

LOCATIONS = size("BENCH_SCALE_LOCATIONS", 10000, 300)
WORKERS = size("BENCH_SCALE_WORKERS", 2, 2)
BACKUP_SAMPLES = size("BENCH_SCALE_BACKUP_SAMPLES", 5, 3)
DRIFT_TARGET = 1.5
RELEASE_TARGET_S = 30.0
BACKUP_TARGET_S = 2.0
ROOT = Path(__file__).resolve().parents[2]
# A process's connection is opened again every this many locations, as a web or task worker's would be: a
# PostgreSQL backend keeps the catalog entries of every table it created until it ends (gigabytes for 700,000).
RECONNECT_EVERY = 200


def slug_for(i: int) -> str:
    return f"scale-{i:05d}"


def provision_share(worker: int, workers: int, count: int) -> tuple[list[float], int]:
    """Provision locations worker, worker + workers, ... below count, one after another; seconds each, and how
    many times a location had to be provisioned again because the server's lock table was full.

    A clone holds about a thousand locks until it commits (every new table, index and sequence); on a server
    shared with other work the lock table (max_locks_per_transaction x max_connections) can run out. The
    location is then rolled back whole and provisioned again; the retries are counted and reported.
    """
    from django.db import connection

    from cooperative.services import provision_location
    from tests.perf.test_bench_provisioning import new_location

    durations, retries, started = [], 0, 0.0

    def provision(slug):
        nonlocal started
        started = time.perf_counter()  # a try after a full lock table counts from its own start
        provision_location(new_location(slug))

    def again():
        nonlocal retries
        retries += 1

    for n, i in enumerate(range(worker, count, workers)):
        if n and n % RECONNECT_EVERY == 0:
            connection.close()
        again_when_lock_table_full(provision, slug_for(i), on_retry=again)
        durations.append(time.perf_counter() - started)
        if (n + 1) % 250 == 0:
            print(f"[scale] process {worker + 1}: {n + 1} locations, last {durations[-1]:.3f} s", flush=True)
    connection.close()
    return durations, retries


def drift(durations: list[float]) -> tuple[float, float, float]:
    """Median of the first and of the last 10 % of sequential timings, and their ratio."""
    tenth = max(len(durations) // 10, 1)
    first, last = statistics.median(durations[:tenth]), statistics.median(durations[-tenth:])
    return first, last, last / first


def _worker_process(worker: int, out: Path, log) -> subprocess.Popen:
    from tests.perf.test_bench_provisioning import database_url

    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_ENV": "test",
           "DJANGO_SETTINGS_MODULE": "config.settings",
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "platform"), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.perf.test_scale", str(worker), str(WORKERS), str(LOCATIONS), str(out)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


@pytest.fixture(scope="session")
def fleet(bench_db):
    """Every location provisioned: this process takes share 0, WORKERS - 1 other processes the others."""
    from cooperative import schemas

    schemas.ensure_template_schema(force_check=True)
    with bench_db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_class WHERE relnamespace = %s::regnamespace AND relkind = 'r'",
                       [schemas.settings.TEMPLATE_SCHEMA])
        tables_each = cursor.fetchone()[0]
    bench_db.close()  # the workers start from the same committed state
    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    started = time.perf_counter()
    others = [(w, folder / f"worker-{w}.json") for w in range(1, WORKERS)]
    logs = [out.with_suffix(".log").open("w") for _w, out in others]
    processes = [(_worker_process(w, out, log), out) for (w, out), log in zip(others, logs, strict=True)]
    results = [provision_share(0, WORKERS, LOCATIONS)]
    for process, out in processes:
        failed = process.wait()
        assert failed == 0, f"provisioning worker failed:\n{out.with_suffix('.log').read_text()[-3000:]}"
        results.append(tuple(json.loads(out.read_text())))
    total = time.perf_counter() - started
    shares = [share for share, _retries in results]
    retries = sum(r for _share, r in results)
    drifts = [drift(share) for share in shares]
    every = [d for share in shares for d in share]
    record("scale_fleet", f"{LOCATIONS} locations provisioned ({WORKERS} processes side by side)",
           f"{total:.0f} s ({LOCATIONS / total:.1f} locations/s), {tables_each} tables each, "
           f"{retries} retried (lock table full)", seconds=total, tables_each=tables_each, retries=retries)
    record("scale_each", "provision_location, per location (all processes)",
           f"median {statistics.median(every):.3f} s, max {max(every):.3f} s")
    for w, (first, last, ratio) in enumerate(drifts):
        record(f"scale_drift_{w}", f"process {w + 1}: first vs last 10 % of its {len(shares[w])} (median)",
               f"{first:.3f} s -> {last:.3f} s ({ratio:.2f}x)", first=first, last=last, ratio=ratio,
               samples=shares[w])
    with bench_db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_class WHERE relkind = 'r'")
        record("scale_tables", "tables in the database", f"{cursor.fetchone()[0]:,}")
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        record("scale_size", "database size", cursor.fetchone()[0])
    return shares, drifts


def test_provisioning_stays_flat(fleet, bench_db):
    shares, drifts = fleet
    assert sum(len(share) for share in shares) == LOCATIONS
    with bench_db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'children_child' "
                       "AND schemaname LIKE 'scale\\_%%'")
        assert cursor.fetchone()[0] == LOCATIONS
    assert all(ratio <= DRIFT_TARGET for _first, _last, ratio in drifts), drifts


def test_a_release_with_nothing_to_do_over_every_schema_within_30_s(fleet):
    from cooperative import release
    from tests.conftest import in_a_thread
    from tests.perf.test_bench_provisioning import manage

    expected = release.expected_migrations()
    started = time.perf_counter()
    late = in_a_thread(release.behind, in_a_thread(release.location_schemas), expected)
    check = time.perf_counter() - started
    command = manage("release")
    record("scale_release_check", f"release, nothing to do: the check over {LOCATIONS} schemas",
           f"{check:.2f} s", seconds=check)
    record("scale_release_command", "release, nothing to do: manage.py release (fresh process)",
           f"{command:.1f} s", seconds=command)
    assert late == []
    assert check < RELEASE_TARGET_S and command < RELEASE_TARGET_S


def test_one_locations_backup_within_2_s(fleet, tmp_path):
    from cooperative import backups
    from cooperative.models import Location

    picks = sorted({round(k * (LOCATIONS - 1) / max(BACKUP_SAMPLES - 1, 1)) for k in range(BACKUP_SAMPLES)})
    seconds = []
    for i in picks:
        location = Location.objects.get(slug=slug_for(i))
        started = time.perf_counter()
        path = backups.backup_location(location, root=tmp_path)
        seconds.append(time.perf_counter() - started)
        assert backups.open_backup(path).manifest["location"] == location.slug
    record("scale_backup", f"one location's backup among {LOCATIONS}",
           f"median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s (n={len(seconds)})",
           samples=seconds)
    assert max(seconds) < BACKUP_TARGET_S


if __name__ == "__main__":  # a provisioning worker, started by the `fleet` fixture
    import django

    django.setup()
    worker, workers, count, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    out.write_text(json.dumps(provision_share(worker, workers, count)))
