"""A child's BSN is kept encrypted (billing.filings.crypto, IDENTITY_NUMBER_KEYS) like every identity number:
the column becomes a text column for the Fernet token, every BSN already stored is encrypted in place, and the
change log's BSN values are masked (the log never holds an identity number). Reversible: decrypts again."""
import billing.filings.crypto
from django.db import migrations

TOKEN_PREFIX = "gAAAAA"  # every Fernet token starts so; a value that does is encrypted already
MASK = "•••••••••"


def encrypt_stored(apps, schema_editor):
    from billing.filings.crypto import cipher

    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT id, bsn FROM children_child WHERE bsn <> '' AND bsn NOT LIKE %s", [TOKEN_PREFIX + "%"])
        rows = cursor.fetchall()
        for pk, bsn in rows:
            token = cipher().encrypt(bsn.strip().encode("utf-8")).decode("ascii")
            cursor.execute("UPDATE children_child SET bsn = %s WHERE id = %s", [token, pk])
        cursor.execute("UPDATE children_childchange SET old_value = CASE WHEN old_value = '' THEN '' ELSE %s END, "
                       "new_value = CASE WHEN new_value = '' THEN '' ELSE %s END WHERE field = 'bsn'", [MASK, MASK])


def decrypt_stored(apps, schema_editor):
    from billing.filings.crypto import cipher

    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT id, bsn FROM children_child WHERE bsn LIKE %s", [TOKEN_PREFIX + "%"])
        for pk, token in cursor.fetchall():
            cursor.execute("UPDATE children_child SET bsn = %s WHERE id = %s",
                           [cipher().decrypt(token.encode("ascii")).decode("utf-8")[:9], pk])


class Migration(migrations.Migration):

    dependencies = [
        ('children', '0004_pickup_photo_and_code_word'),
    ]

    operations = [
        migrations.AlterField(
            model_name='child',
            name='bsn',
            field=billing.filings.crypto.EncryptedNumberField(blank=True, default='',
                                                              verbose_name='BSN (citizen service number)'),
        ),
        migrations.RunPython(encrypt_stored, decrypt_stored),
    ]
