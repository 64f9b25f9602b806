"""Drill: the whole database restored to a point in time before a bad release, with pgBackRest (a full backup, WAL
archived continuously, `restore --type=time`): the good work done before that time is back, the release's damage is
gone (issue 21 §4–5, docs/backups.md, docs/reliability.md). Runs on the throwaway cluster of make test-ops, whose
script (infra/pgbackrest/drill-cluster.sh) is OPS_CLUSTER; it restarts that cluster, so it runs last."""
import json
import os
import subprocess
import time
from datetime import date

import pytest
from django.db import connection, connections
from django_tenants.utils import schema_context

from accounts.models import Membership
from tenants.children.services import create_child
from tests.ops.conftest import report


def cluster(*args: str) -> str:
    script = os.environ.get("OPS_CLUSTER")
    if not script:
        pytest.fail("run the drills with `make test-ops` (it starts the throwaway cluster and sets OPS_CLUSTER)")
    done = subprocess.run([script, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(args)}: {done.stderr or done.stdout}"
    return done.stdout


def scalar(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_the_whole_database_is_restored_to_a_point_in_time_before_a_bad_release(world, capsys):
    a, b = world.a, world.b
    started = time.perf_counter()
    cluster("backrest", "backup", "--type=full")
    backup_seconds = time.perf_counter() - started
    time.sleep(1.5)  # the backup's stop time is kept in whole seconds; the target must come after it

    # Work after the full backup, only in the archived WAL: it must survive the restore.
    with schema_context(a.location.schema_name):
        create_child(first_name="Goedele", last_name="NaDeBackup", birth_date=date(2024, 2, 2), guardians=[a.parent])
    target = scalar("SELECT clock_timestamp()::text")
    lsn = scalar("SELECT pg_current_wal_lsn()::text")
    time.sleep(1)

    # The bad release: a location's table dropped, every child's name overwritten, a membership deleted.
    with connection.cursor() as cursor:
        cursor.execute(f'DROP TABLE "{b.location.schema_name}".children_child_guardians CASCADE')
        for site in (a, b):
            cursor.execute(f"UPDATE \"{site.location.schema_name}\".children_child SET first_name = 'KAPOT'")
    Membership.objects.filter(location=a.location, user=a.staff).delete()
    assert scalar(f'SELECT count(*) FROM "{a.location.schema_name}".children_child WHERE first_name = %s',
                  ["Goedele"]) == 0
    cluster("backrest", "check")  # switches to a new WAL segment and waits until the last one is archived

    connections.close_all()
    cluster("server-stop")
    started = time.perf_counter()
    try:
        cluster("backrest", "restore", "--delta", "--type=time", f"--target={target}", "--target-action=promote")
    finally:
        cluster("server-start")
    while scalar("SELECT pg_is_in_recovery()"):
        connections.close_all()
        time.sleep(0.2)
    restore_seconds = time.perf_counter() - started

    assert scalar(f'SELECT count(*) FROM "{a.location.schema_name}".children_child WHERE first_name = %s',
                  ["Goedele"]) == 1
    for site in (a, b):
        assert scalar(f"SELECT count(*) FROM \"{site.location.schema_name}\".children_child "
                      "WHERE first_name = 'KAPOT'") == 0
    assert scalar(f"SELECT to_regclass('\"{b.location.schema_name}\".children_child_guardians') IS NOT NULL")
    assert Membership.objects.filter(location=a.location, user=a.staff).exists()
    full = json.loads(cluster("backrest", "info", "--output=json"))[0]["backup"][0]["info"]
    report(capsys, f"pgBackRest full backup of {full['size'] / 2**20:.0f} MB ({full['repository']['size'] / 2**20:.0f} "
                   f"MB in the encrypted repository): {backup_seconds:.1f} s; restore to {target} (just before LSN "
                   f"{lsn}) and recovery until the server takes writes: {restore_seconds:.1f} s")
