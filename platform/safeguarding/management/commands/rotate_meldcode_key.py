"""Re-encrypt every encrypted meldcode value with the first key of MELDCODE_KEYS.

Rotation: generate a key (`--generate` prints one), put it in front of MELDCODE_KEYS (keep the old ones after
it), restart, run this command, then remove the old keys. The values are re-encrypted in the database without
ever being shown; each rotated case gets an audit entry.
"""
from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django_tenants.utils import schema_context

from safeguarding import crypto
from safeguarding.models import Case, CaseAuditEntry, CaseStep
from safeguarding.services import audit

ENCRYPTED = [
    (Case, ["child_names", "observed_place", "description", "subject_name", "subject_relation", "outcome_notes"]),
    (CaseStep, ["who", "notes"]),
]


def rotate_all() -> int:
    """Re-encrypt every value with the first key; returns the number of rows changed."""
    changed = 0
    case_ids = set()
    with schema_context("public"), transaction.atomic(), connection.cursor() as cursor:
        for model, fields in ENCRYPTED:
            table = connection.ops.quote_name(model._meta.db_table)
            columns = ", ".join(connection.ops.quote_name(field) for field in fields)
            case_column = "id" if model is Case else "case_id"
            cursor.execute(f"SELECT id, {case_column}, {columns} FROM {table} ORDER BY id FOR UPDATE")
            for row in cursor.fetchall():
                pk, case_id, values = row[0], row[1], row[2:]
                rotated = [crypto.rotate(value) if value is not None else None for value in values]
                assignments = ", ".join(f"{connection.ops.quote_name(field)} = %s" for field in fields)
                cursor.execute(f"UPDATE {table} SET {assignments} WHERE id = %s", [*rotated, pk])
                changed += 1
                case_ids.add(case_id)
        audit(list(Case.objects.filter(pk__in=case_ids).only("id")), None, "system",
              CaseAuditEntry.Action.ROTATED)
    return changed


class Command(BaseCommand):
    help = "Re-encrypt all meldcode case text with the first key of MELDCODE_KEYS."

    def add_arguments(self, parser):
        parser.add_argument("--generate", action="store_true", help="Only print a new key to put in front.")

    def handle(self, *args, **options):
        if options["generate"]:
            self.stdout.write(Fernet.generate_key().decode())
            return
        crypto.cipher()  # fail early without keys
        changed = rotate_all()
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {changed} rows with the first key."))
