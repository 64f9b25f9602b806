"""A child's BSN is kept encrypted like every identity number (billing.filings.crypto): the database column
holds a Fernet token, never the nine digits; the file, the API and the filings read it as before; the change log
masks it; the migration encrypts the BSNs stored before in place."""
import importlib
from types import SimpleNamespace

from django.db import connection

from tests.billing.conftest import at

BSN, OTHER = "111222333", "123456782"  # both pass the eleven-test


def _column(child_id) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT bsn FROM children_child WHERE id = %s", [child_id])
        return cursor.fetchone()[0]


def test_the_column_holds_no_plaintext_bsn(world):
    from billing.filings.formats.common import child_bsn
    from tenants.children import services
    from tenants.children.models import Child, ChildChange

    with at(world.a):
        child = Child.objects.get(pk=world.a.child_id)
        services.update_child(child, actor=world.a.entrepreneur, bsn=BSN)
        stored = _column(child.pk)
        assert BSN not in stored and stored.startswith("gAAAAA")
        assert Child.objects.get(pk=child.pk).bsn == BSN  # read back as plain text
        assert child_bsn(Child.objects.get(pk=child.pk), {}) == BSN  # the monthly data's fallback reads it
        services.update_child(Child.objects.get(pk=child.pk), actor=world.a.entrepreneur, bsn=OTHER)
        logged = list(ChildChange.objects.filter(child_id=child.pk, field="bsn").values_list("old_value",
                                                                                           "new_value"))
        assert logged and not any(BSN in old or OTHER in new for old, new in logged)


def test_the_migration_encrypts_what_was_stored_in_plain_text(world):
    from tenants.children.models import Child

    migration = importlib.import_module("tenants.children.migrations.0005_bsn_encrypted")
    with at(world.a):
        with connection.cursor() as cursor:
            cursor.execute("UPDATE children_child SET bsn = %s WHERE id = %s", [BSN, world.a.child_id])
        migration.encrypt_stored(None, SimpleNamespace(connection=connection))
        assert _column(world.a.child_id).startswith("gAAAAA")
        assert Child.objects.get(pk=world.a.child_id).bsn == BSN
        migration.encrypt_stored(None, SimpleNamespace(connection=connection))  # twice: encrypted once
        assert Child.objects.get(pk=world.a.child_id).bsn == BSN
        migration.decrypt_stored(None, SimpleNamespace(connection=connection))  # and back
        assert _column(world.a.child_id) == BSN
        Child.objects.filter(pk=world.a.child_id).update(bsn="")
