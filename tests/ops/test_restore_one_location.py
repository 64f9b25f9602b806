"""Drill: a location is damaged (rows deleted, a table dropped, its membership gone) and restored from its own
backup into the running database; every table is compared with the backup by checksum, and the other locations'
checksums are the same before and after (issue 21 §4–5, docs/reliability.md)."""
import time
from datetime import date

from django.core.management import call_command
from django.db import connection
from django_tenants.utils import schema_context

from accounts.models import Membership
from cooperative import backups
from tenants.children.services import create_child
from tests.conftest import in_a_thread
from tests.ops.conftest import report


def _add_children(site, names):
    with schema_context(site.location.schema_name):
        for name in names:
            create_child(first_name=name, last_name="Drill", birth_date=date(2023, 3, 1), guardians=[site.parent])


def _damage(site):
    schema = site.location.schema_name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP TABLE "{schema}".children_child_guardians CASCADE')
        drill = f"SELECT id FROM \"{schema}\".children_child WHERE last_name = 'Drill'"
        cursor.execute(f'DELETE FROM "{schema}".children_childchange WHERE child_id IN ({drill})')
        cursor.execute(f'DELETE FROM "{schema}".children_child WHERE id IN ({drill})')
    Membership.objects.filter(location=site.location, user=site.staff).delete()


def _drill_children(site):
    from tenants.children.models import Child

    with schema_context(site.location.schema_name):
        return Child.objects.filter(last_name="Drill").count()


def _after_restore(world):
    """(membership back, the other location's later child kept, children back, guardian back) — read on a
    connection of its own: a lock held by the test's own transaction would stop the restore's swap."""
    from tenants.children.models import Child

    a, b = world.a, world.b
    membership = Membership.objects.filter(location=a.location, user=a.staff, role="staff").exists()
    with schema_context(b.location.schema_name):
        later = Child.objects.filter(first_name="Later").exists()
    with schema_context(a.location.schema_name):
        children = Child.objects.filter(last_name="Drill").count()
        guardian = Child.objects.filter(first_name="Anna").first().guardians.filter(pk=a.parent.pk).exists()
    return membership, later, children, guardian


def _file_of(root, slug):
    return sorted((root / slug).glob("*.backup"))[-1]


def test_a_damaged_location_is_restored_from_its_own_backup_and_no_other_location_changes(world, backup_root,
                                                                                          capsys):
    a, b = world.a, world.b
    in_a_thread(_add_children, a, ["Anna", "Bert", "Cees"])
    in_a_thread(call_command, "backup_locations", "--root", str(backup_root))
    backup = backups.open_backup(_file_of(backup_root, a.location.slug))
    drill_children = in_a_thread(_drill_children, a)
    assert backup.manifest["tables"]["children_child"]["rows"] >= 3
    assert backup.manifest["shared"]["accounts_user"] >= 3

    # After the backup, work goes on at the other location; then the damage at this one.
    in_a_thread(_add_children, b, ["Later"])
    in_a_thread(_damage, a)
    damaged = {item.table for item in in_a_thread(backups.compare, a.location.schema_name, backup) if not item.same}
    assert {"children_child", "children_child_guardians"} <= damaged
    others_before = {schema: in_a_thread(backups.checksums, schema) for schema in (b.location.schema_name,
                                                                                   "location_template")}

    started = time.perf_counter()
    restored = in_a_thread(backups.restore_location, _file_of(backup_root, a.location.slug))
    seconds = time.perf_counter() - started
    assert [item.table for item in restored.comparison if not item.same] == []

    comparison = in_a_thread(backups.compare, a.location.schema_name, backup)
    assert [item.table for item in comparison if not item.same] == []
    assert len(comparison) == len(backup.manifest["tables"])
    assert {schema: in_a_thread(backups.checksums, schema) for schema in others_before} == others_before
    assert in_a_thread(_after_restore, world) == (True, True, drill_children, True)
    report(capsys, f"restore one location ({backup.manifest['location']}: {len(comparison)} tables, "
                   f"{restored.rows} rows): {restored.seconds:.2f} s to restore, "
                   f"{seconds:.2f} s with decrypting and comparing")
