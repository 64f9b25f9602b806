"""The nightly backup (cooperative.backups, manage.py backup_locations): every location on its own — one that
fails is reported and the others are backed up —, encrypted with the first key of BACKUP_KEYS and readable with any,
and expired backups deleted while the newest of each location stays (docs/backups.md)."""
import io
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection

from cooperative import backups
from cooperative.models import JobFailure
from tests.conftest import in_a_thread


def _hide_schema(schema, hidden):
    with connection.cursor() as cursor:
        cursor.execute(f'ALTER SCHEMA "{schema}" RENAME TO "{hidden}"')


def test_a_location_that_fails_is_reported_and_the_others_are_backed_up(world, backup_root):
    schema = world.b.location.schema_name
    in_a_thread(_hide_schema, schema, "hidden_for_the_drill")
    try:
        with pytest.raises(CommandError, match="1 location"):
            in_a_thread(call_command, "backup_locations", "--root", str(backup_root))
    finally:
        in_a_thread(_hide_schema, "hidden_for_the_drill", schema)
    assert len(list((backup_root / world.a.location.slug).glob("*.backup"))) == 1
    assert not list((backup_root / world.b.location.slug).glob("*.backup"))
    assert in_a_thread(lambda: JobFailure.objects.filter(job="location-backups", location=world.b.location,
                                                         resolved_at__isnull=True).exists())
    # The rerun for the failed ones only backs up the other location now that its schema is back.
    in_a_thread(call_command, "backup_locations", "--root", str(backup_root), "--only-failed")
    assert len(list((backup_root / world.b.location.slug).glob("*.backup"))) == 1


def test_a_backup_is_encrypted_and_any_key_of_the_list_reads_it(world, backup_root, settings):
    path = in_a_thread(lambda: backups.backup_location(world.a.location, root=backup_root))
    content = path.read_bytes()
    assert b"Saartje" not in content and b"children_child" not in content
    assert path.stat().st_mode & 0o077 == 0
    old_key = settings.BACKUP_KEYS[0]
    settings.BACKUP_KEYS = [Fernet.generate_key().decode(), old_key]  # a new key in front: old backups still open
    assert backups.open_backup(path).manifest["location"] == world.a.location.slug
    settings.BACKUP_KEYS = [Fernet.generate_key().decode()]  # the old key removed: its backups no longer open
    with pytest.raises(backups.BackupError, match="BACKUP_KEYS"):
        backups.open_backup(path)


def test_a_backup_of_another_location_is_refused(world, backup_root):
    path = in_a_thread(lambda: backups.backup_location(world.a.location, root=backup_root))
    with pytest.raises(CommandError, match=f"not of {world.b.location.slug}"):
        call_command("restore_location", world.b.location.slug, str(path))


def test_backups_older_than_the_retention_are_deleted_but_the_newest_stays(backup_root):
    now = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)
    folder = backup_root / "kikker"
    folder.mkdir(parents=True)
    for days in (0, 13, 14, 15, 40):  # boundary: exactly 14 days old is kept, older goes
        (folder / f"kikker-{(now - timedelta(days=days)).strftime(backups.STAMP)}.backup").write_bytes(b"x")
    lone = backup_root / "uil"
    lone.mkdir()
    (lone / f"uil-{(now - timedelta(days=90)).strftime(backups.STAMP)}.backup").write_bytes(b"x")

    deleted = backups.prune(root=backup_root, days=14, now=now)

    assert sorted(p.name for p in deleted) == sorted(
        f"kikker-{(now - timedelta(days=d)).strftime(backups.STAMP)}.backup" for d in (15, 40))
    assert len(list(folder.glob("*.backup"))) == 3
    assert len(list(lone.glob("*.backup"))) == 1  # a location's newest backup is never deleted


def _add_child(site, name):
    from datetime import date

    from django_tenants.utils import schema_context

    from tenants.children.services import create_child

    with schema_context(site.location.schema_name):
        create_child(first_name=name, last_name="Vergelijk", birth_date=date(2024, 6, 1), guardians=[site.parent])


def test_comparing_names_the_tables_that_differ_and_changes_nothing(world, backup_root):
    path = in_a_thread(lambda: backups.backup_location(world.a.location, root=backup_root))
    out = io.StringIO()
    in_a_thread(lambda: call_command("restore_location", world.a.location.slug, str(path), "--compare", stdout=out))
    assert "tables the same as the backup" in out.getvalue() and "differs" not in out.getvalue()

    in_a_thread(_add_child, world.a, "Nieuw")
    out = io.StringIO()
    with pytest.raises(CommandError, match="differ from the backup"):
        in_a_thread(lambda: call_command("restore_location", world.a.location.slug, str(path), "--compare",
                                         stdout=out))
    assert "differs: children_child " in out.getvalue()
    backup = backups.open_backup(path)
    now = in_a_thread(backups.checksums, world.a.location.schema_name)
    assert now["children_child"][0] == backup.manifest["tables"]["children_child"]["rows"] + 1  # nothing restored
