"""Release benchmark (issue 21, point 6; run by `make bench`): a release over BENCH_RELEASE_LOCATIONS location
schemas (200 in `make bench`, 20 in a quick run), on this machine's two cores.

1. Nothing to do: the one-query check of every schema (`cooperative.release.behind`), and `manage.py release`
   as an operator runs it (a fresh process: shared schema, template and the check). Target: seconds.
2. One new location migration (the newest of the groups app, taken back first in every schema): the release
   brings every schema up to date. Target: 2,000 schemas within 2 minutes, no schema failed — at another size,
   the same pace (2,000 / 120 s, 16.7 schemas a second), so a 200-schema run has 12 seconds (a quick run too).

The schemas are clones of the template with a bare location row each (what a release looks at), made for the
benchmark and dropped after it. At 2,000 the cloning alone takes some 20 minutes on two cores, more than the
whole `make bench` may; the full size is its own run: `BENCH_RELEASE_LOCATIONS=2000 make bench NAME=release`
(docs/benchmarks.md has its figures; the one-query check at 10,000 schemas is in `make bench-scale`).
"""
import time

import pytest
from django.db import connection

from tests.conftest import in_a_thread
from tests.perf.conftest import record, side_by_side, size
from tests.perf.test_bench_provisioning import manage

LOCATIONS = size("BENCH_RELEASE_LOCATIONS", 200, 20)
NOOP_TARGET_S = 10.0
# The pace of 2,000 schemas in 2 minutes; below 200 schemas (a quick run) the allowance for 200, since there the two
# workers' start-up, not the pace, is what a run measures.
ONE_MIGRATION_TARGET_S = 120.0 * max(LOCATIONS, 200) / 2000
TABLE = "groups_backupperson"


def _make_fleet(names):
    from cooperative import schemas
    from cooperative.models import Location

    schemas.ensure_template_schema(force_check=True)
    side_by_side(schemas.clone_template, names)
    Location.objects.bulk_create([
        Location(name=f"Bench {name}", slug=name.replace("_", "-"), schema_name=name, kind="kdv",
                 jurisdiction="NL") for name in names])


def _drop_fleet(names):
    from cooperative import schemas
    from cooperative.models import Location

    Location.objects.filter(schema_name__in=names).delete()
    for name in names:
        schemas.drop_schema(name)


def _take_back(names):
    """The newest migration of the groups app undone in every schema, committed schema by schema."""
    for name in names:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP TABLE "{name}".{TABLE}')
            cursor.execute(f'DELETE FROM "{name}".django_migrations WHERE app = %s AND name = %s',
                           ["groups", "0004_backup_person"])


@pytest.fixture(scope="module")
def fleet(bench_db, django_db_blocker):
    """The schemas, committed from a connection of their own (each clone in its own transaction)."""
    names = [f"bench_release_{i}" for i in range(LOCATIONS)]
    started = time.perf_counter()
    with django_db_blocker.unblock():
        in_a_thread(_make_fleet, names)
    record("release_fleet", f"{LOCATIONS} location schemas cloned for the release bench",
           f"{time.perf_counter() - started:.0f} s")
    yield names
    with django_db_blocker.unblock():
        in_a_thread(_drop_fleet, names)


def test_a_release_with_nothing_to_do_checks_every_schema_in_seconds(fleet):
    from cooperative import release

    expected = release.expected_migrations()
    started = time.perf_counter()
    late = in_a_thread(release.behind, in_a_thread(release.location_schemas), expected)
    check = time.perf_counter() - started
    assert late == []
    command = manage("release")
    record("release_noop_check", f"release, nothing to do: the check over {len(fleet)} schemas",
           f"{check:.2f} s", seconds=check)
    record("release_noop_command", "release, nothing to do: manage.py release (fresh process)",
           f"{command:.1f} s", seconds=command)
    assert check < NOOP_TARGET_S and command < NOOP_TARGET_S + 20


def test_a_release_with_one_migration_reaches_every_schema_at_the_pace_of_2000_in_two_minutes(fleet):
    from cooperative import release

    in_a_thread(_take_back, fleet)
    started = time.perf_counter()
    report = in_a_thread(lambda: release.release(shared=False, workers=2))
    seconds = time.perf_counter() - started
    record("release_one_migration", f"release, one new migration over {len(fleet)} schemas (2 workers)",
           f"{seconds:.1f} s ({len(fleet) / seconds:.0f} schemas/s; "
           f"2,000 at this pace: {2000 * seconds / len(fleet):.0f} s)", seconds=seconds)
    assert not report.failed
    assert report.behind == len(fleet) and len(report.migrated) == len(fleet)
    assert in_a_thread(_count_tables, fleet) == len(fleet)
    assert seconds < ONE_MIGRATION_TARGET_S


def _count_tables(names) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE tablename = %s AND schemaname = ANY(%s)",
                       [TABLE, names])
        return cursor.fetchone()[0]
