"""Backups per location (back-up per vestiging): one encrypted file per location and night, restored on its own.

A backup holds the location's schema table by table (COPY, all in one snapshot) and its rows in the shared tables:
the location, its domains, memberships and adviser assignments, and the accounts these and the schema's tables
refer to. A manifest lists the tables with their columns, row counts and checksums, the identity sequences and
the migrations the schema had. The whole is compressed and encrypted with the first key of BACKUP_KEYS (Fernet,
AES-128-CBC with HMAC-SHA256); any key of the list decrypts, so a new key goes in front and the old ones stay until
their backups have expired (docs/backups.md).

Restoring puts one location back without touching any other: a temporary schema is cloned from the template, filled
from the backup and checked against the manifest's checksums; the shared rows are upserted (an account only when it
is missing: accounts are shared with other locations); then, in the same transaction, the damaged schema is renamed
away and the restored one takes its name. `compare` checks a location's tables against a backup, table by table.

The tables are read with COPY rather than pg_dump: a pg_dump archive restores only under the schema name it was
taken from, and the restore must go into a temporary schema first.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction

from cooperative import schemas
from cooperative.models import Domain, Location

FORMAT = 1
SUFFIX = ".backup"
STAMP = "%Y%m%dT%H%M%SZ"
_STAMP_IN_NAME = re.compile(r"-(\d{8}T\d{6}Z)\.backup$")


class BackupError(Exception):
    """A backup that cannot be read or restored here (wrong key, other migrations, checksums that differ)."""


@dataclass
class Backup:
    manifest: dict
    shared: dict[str, list[dict]]
    tables: dict[str, bytes]


@dataclass(frozen=True)
class TableComparison:
    table: str
    rows_backup: int | None
    rows_now: int | None
    checksum_backup: str | None
    checksum_now: str | None

    @property
    def same(self) -> bool:
        return self.rows_backup == self.rows_now and self.checksum_backup == self.checksum_now


@dataclass
class RestoreReport:
    location: str
    schema: str
    tables: int = 0
    rows: int = 0
    seconds: float = 0.0
    replaced_by: str = ""
    kept_as: str = ""
    comparison: list[TableComparison] = field(default_factory=list)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- Keys -----------------------------------------------------------------------------------------------------

def _keys() -> MultiFernet:
    keys = [key for key in settings.BACKUP_KEYS if key]
    if not keys:
        raise ImproperlyConfigured("Set BACKUP_KEYS (Fernet keys, newest first) to write or read backups.")
    return MultiFernet([Fernet(key) for key in keys])


def generate_key() -> str:
    return Fernet.generate_key().decode()


# --- Reading a schema -----------------------------------------------------------------------------------------

#: The relations of one schema (`%s`: its name) found through pg_depend, whose index starts at the schema: pg_class
#: has no index on the schema alone, so a filter on relnamespace reads the whole catalog (about 1.1 million rows
#: with 10,000 locations, 0.55 s a backup at 1,500 locations and growing with the fleet; docs/benchmarks.md).
_IN_SCHEMA = ("pg_depend d JOIN pg_class c ON c.oid = d.objid "
              "AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_namespace'::regclass "
              "AND d.refobjid = %s::regnamespace ")


def _tables(cursor, schema: str) -> dict[str, list[str]]:
    """The schema's tables, each with its columns in name order (the order COPY and the checksums use)."""
    cursor.execute(
        "SELECT c.relname, array_agg(a.attname::text ORDER BY a.attname) FROM " + _IN_SCHEMA +
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE c.relkind = 'r' GROUP BY c.relname ORDER BY c.relname",
        [schema])
    return {name: list(columns) for name, columns in cursor.fetchall()}


def _checksum_sql(schema: str, table: str, columns: list[str]) -> str:
    row = ", ".join(_q(column) for column in columns)
    return (f"SELECT %s::text, count(*), md5(coalesce(string_agg(h, '' ORDER BY h), '')) "
            f"FROM (SELECT md5(ROW({row})::text) AS h FROM {_q(schema)}.{_q(table)}) AS rows")


def _checksums(cursor, schema: str, tables: dict[str, list[str]]) -> dict[str, tuple[int, str]]:
    """Per table its row count and a checksum of its rows, independent of their order and of the columns' physical
    order; all tables in one statement (one round trip instead of one per table)."""
    if not tables:
        return {}
    cursor.execute(" UNION ALL ".join(_checksum_sql(schema, table, columns) for table, columns in tables.items()),
                   list(tables))
    return {table: (count, checksum) for table, count, checksum in cursor.fetchall()}


def _sequences(cursor, schema: str) -> list[tuple[str, str, int, bool]]:
    """(table, column, last value, is_called) of every identity or serial column of the schema."""
    cursor.execute(
        "SELECT c.relname, a.attname, pg_get_serial_sequence(format('%%I.%%I', %s::text, c.relname), a.attname) "
        "FROM " + _IN_SCHEMA + "JOIN pg_attribute a ON a.attrelid = c.oid "
        "WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attname",
        [schema, schema])
    found = [(table, column, sequence) for table, column, sequence in cursor.fetchall() if sequence]
    if not found:
        return []
    cursor.execute(" UNION ALL ".join(f"SELECT %s::text, %s::text, last_value, is_called FROM {sequence}"
                                      for _table, _column, sequence in found),
                   [value for table, column, _sequence in found for value in (table, column)])
    return [tuple(row) for row in cursor.fetchall()]


def user_columns() -> list[tuple[str, str]]:
    """(table, column) of every reference to an account in a location's tables (they carry no foreign key
    constraint: the accounts live in the public schema)."""
    tenant_apps = set(settings.TENANT_APPS) - set(settings.SHARED_APPS)
    user = get_user_model()
    found = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_config.name not in tenant_apps:
            continue
        for model_field in model._meta.local_fields:
            if model_field.is_relation and model_field.related_model is user:
                found.add((model._meta.db_table, model_field.column))
    return sorted(found)


def _shared_sources():
    """The shared tables a location's backup holds rows of, in the order a restore writes them, with the column
    naming the location; accounts come first (the others refer to them)."""
    from accounts.models import AdviserAssignment, Membership

    return [
        (Location._meta.db_table, "id"),
        (Domain._meta.db_table, "tenant_id"),
        (Membership._meta.db_table, "location_id"),
        (AdviserAssignment._meta.db_table, "location_id"),
    ]


def _connect() -> psycopg.Connection:
    """A connection of its own, for a backup's snapshot (Django's connection may be inside a transaction)."""
    settings_dict = connection.settings_dict
    params = {"dbname": settings_dict["NAME"], "user": settings_dict["USER"] or None,
              "password": settings_dict["PASSWORD"] or None, "host": settings_dict["HOST"] or None,
              "port": settings_dict["PORT"] or None, **settings_dict.get("OPTIONS", {})}
    params = {key: value for key, value in params.items() if value is not None and key in (
        "dbname", "user", "password", "host", "port", "sslmode", "sslrootcert", "sslcert", "sslkey", "options")}
    return psycopg.connect(**params)


# --- Backing up -----------------------------------------------------------------------------------------------

def take(location: Location) -> Backup:
    """Read one location's schema and shared rows in one snapshot (REPEATABLE READ, read only)."""
    schema = location.schema_name
    with _connect() as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.transaction(), conn.cursor() as cursor:
            tables = _tables(cursor, schema)
            if not tables:
                raise BackupError(f"location {location.slug}: schema {schema} has no tables")
            manifest = {
                "format": FORMAT, "location": location.slug, "location_id": location.pk, "schema": schema,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "server_version": conn.info.server_version, "tables": {}, "shared": {},
            }
            data = {}
            sums = _checksums(cursor, schema, tables)
            for table, columns in tables.items():
                count, checksum = sums[table]
                buffer = io.BytesIO()
                column_list = ", ".join(_q(column) for column in columns)
                with cursor.copy(f"COPY {_q(schema)}.{_q(table)} ({column_list}) TO STDOUT") as copy:
                    for block in copy:
                        buffer.write(block)
                data[table] = buffer.getvalue()
                manifest["tables"][table] = {"columns": columns, "rows": count, "checksum": checksum,
                                             "sha256": hashlib.sha256(data[table]).hexdigest()}
            manifest["sequences"] = [list(value) for value in _sequences(cursor, schema)]
            cursor.execute(f"SELECT app || '.' || name FROM {_q(schema)}.django_migrations ORDER BY 1")
            manifest["migrations"] = [row[0] for row in cursor.fetchall()]

            shared: dict[str, list[dict]] = {}
            user_ids: set[int] = set()
            for table, column in _shared_sources():
                cursor.execute(f"SELECT coalesce(json_agg(t ORDER BY t.id), '[]') FROM public.{_q(table)} t "
                               f"WHERE t.{_q(column)} = %s", [location.pk])
                shared[table] = cursor.fetchone()[0]
                for row in shared[table]:
                    user_ids.update(row[key] for key in ("user_id", "adviser_id") if row.get(key))
            for table, column in user_columns():
                if table in tables:
                    cursor.execute(f"SELECT DISTINCT {_q(column)} FROM {_q(schema)}.{_q(table)} "
                                   f"WHERE {_q(column)} IS NOT NULL")
                    user_ids.update(row[0] for row in cursor.fetchall())
            users = get_user_model()._meta.db_table
            cursor.execute(f"SELECT coalesce(json_agg(t ORDER BY t.id), '[]') FROM public.{_q(users)} t "
                           "WHERE t.id = ANY(%s)", [sorted(user_ids)])
            shared = {users: cursor.fetchone()[0], **shared}
            manifest["shared"] = {table: len(rows) for table, rows in shared.items()}
    return Backup(manifest, shared, data)


def seal(backup: Backup) -> bytes:
    """The backup as one encrypted file: a gzipped tar of manifest.json, shared.json and tables/<table>.copy."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=6) as archive:
        def add(name: str, content: bytes):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))

        add("manifest.json", json.dumps(backup.manifest, indent=1, sort_keys=True).encode())
        add("shared.json", json.dumps(backup.shared, sort_keys=True).encode())
        for table, content in backup.tables.items():
            add(f"tables/{table}.copy", content)
    return _keys().encrypt(buffer.getvalue())


def open_backup(source: Path | str | bytes) -> Backup:
    """Decrypt and read a backup file (or its bytes); BackupError when no key fits or a table is altered."""
    token = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        plain = _keys().decrypt(token)
    except InvalidToken as error:
        raise BackupError("the backup cannot be decrypted with any key of BACKUP_KEYS (or it was altered)") from error
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:gz") as archive:
        def read(name: str) -> bytes:
            return archive.extractfile(name).read()

        manifest = json.loads(read("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"backup format {manifest.get('format')} is not {FORMAT}")
        shared = json.loads(read("shared.json"))
        tables = {table: read(f"tables/{table}.copy") for table in manifest["tables"]}
    for table, content in tables.items():
        if hashlib.sha256(content).hexdigest() != manifest["tables"][table]["sha256"]:
            raise BackupError(f"table {table}: its data does not match the manifest")
    return Backup(manifest, shared, tables)


def backup_location(location: Location, *, root: Path | None = None, now: datetime | None = None) -> Path:
    """Write one location's encrypted backup to <root>/<slug>/<slug>-<UTC time>.backup and return its path."""
    root = Path(root or settings.BACKUP_ROOT)
    now = now or datetime.now(UTC)
    folder = root / location.slug
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{location.slug}-{now.strftime(STAMP)}{SUFFIX}"
    partial = target.with_suffix(".partial")
    partial.write_bytes(seal(take(location)))
    partial.chmod(0o600)
    partial.replace(target)
    return target


def backed_up_at(path: Path) -> datetime | None:
    found = _STAMP_IN_NAME.search(path.name)
    return datetime.strptime(found.group(1), STAMP).replace(tzinfo=UTC) if found else None


def prune(*, root: Path | None = None, days: int | None = None, now: datetime | None = None) -> list[Path]:
    """Delete the backups older than `days` (BACKUP_RETENTION_DAYS); the newest of each location always stays."""
    root = Path(root or settings.BACKUP_ROOT)
    days = settings.BACKUP_RETENTION_DAYS if days is None else days
    limit = (now or datetime.now(UTC)) - timedelta(days=days)
    deleted = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()) if root.exists() else []:
        dated = sorted((backed_up_at(p), p) for p in folder.glob(f"*{SUFFIX}") if backed_up_at(p))
        for when, path in dated[:-1]:
            if when < limit:
                path.unlink()
                deleted.append(path)
    return deleted


def backup_everywhere(*, only_failed: bool = False, root: Path | None = None, days: int | None = None):
    """The nightly job: every location that has a schema (active or suspended), each on its own (a failure is
    recorded and the others go on), then the expired backups deleted."""
    from cooperative import jobs

    locations = Location.objects.exclude(status=Location.Status.OFFBOARDED).order_by("pk")
    result = jobs.for_each_location(
        job="location-backups", locations=locations, only_failed=only_failed, atomic=False,
        work=lambda location: str(backup_location(location, root=root)))
    prune(root=root, days=days)
    return result


# --- Comparing ------------------------------------------------------------------------------------------------

def checksums(schema: str) -> dict[str, tuple[int, str]]:
    """Row count and checksum of every table of `schema` as it is now."""
    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        return _checksums(cursor, schema, _tables(cursor, schema))


def compare(schema: str, backup: Backup) -> list[TableComparison]:
    """Each table of `schema` now against the backup: row counts and checksums (a missing table has None)."""
    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        present = _tables(cursor, schema)
        now = _checksums(cursor, schema, present)
        result = []
        for table in sorted(set(present) | set(backup.manifest["tables"])):
            expected = backup.manifest["tables"].get(table)
            rows_now, checksum_now = now.get(table, (None, None))
            result.append(TableComparison(table, expected and expected["rows"], rows_now,
                                          expected and expected["checksum"], checksum_now))
    return result


# --- Restoring ------------------------------------------------------------------------------------------------

def _template_migrations(cursor) -> list[str]:
    cursor.execute(f"SELECT app || '.' || name FROM {_q(settings.TEMPLATE_SCHEMA)}.django_migrations ORDER BY 1")
    return [row[0] for row in cursor.fetchall()]


def _upsert_shared(cursor, shared: dict[str, list[dict]]) -> None:
    """The backup's shared rows: inserted when missing; the location's own rows (location, domains, memberships,
    adviser assignments) also set back to the backup's values. Accounts are only inserted when missing: another
    location may see the same person, and that location keeps what it sees now."""
    users = get_user_model()._meta.db_table
    own = [table for table, _column in _shared_sources()]
    for table in [users, *own]:
        rows = shared.get(table) or []
        if not rows:
            continue
        payload = json.dumps(rows)
        target = f"public.{_q(table)}"
        cursor.execute(f"INSERT INTO {target} SELECT * FROM json_populate_recordset(NULL::{target}, %s) "
                       "ON CONFLICT DO NOTHING", [payload])
        if table in own:
            columns = [column for column in rows[0] if column != "id"]
            assignments = ", ".join(f"{_q(column)} = r.{_q(column)}" for column in columns)
            cursor.execute(f"UPDATE {target} AS t SET {assignments} FROM json_populate_recordset(NULL::{target}, "
                           "%s) AS r WHERE t.id = r.id", [payload])


def restore_location(source: Path | str | Backup, *, keep_replaced: bool = False) -> RestoreReport:
    """Put the location of a backup back into the running database, touching no other location (see module)."""
    backup = source if isinstance(source, Backup) else open_backup(source)
    manifest = backup.manifest
    schema = manifest["schema"]
    started = time.perf_counter()
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    temporary = f"restore_{hashlib.md5(schema.encode()).hexdigest()[:8]}_{stamp}"
    replaced = f"{schema[:30]}_replaced_{stamp}"
    report = RestoreReport(location=manifest["location"], schema=schema, replaced_by=temporary)
    schemas.ensure_template_schema()
    connection.set_schema_to_public()
    with transaction.atomic():
        with connection.cursor() as cursor:
            if _template_migrations(cursor) != manifest["migrations"]:
                raise BackupError(
                    "the backup was taken at other migrations than this release's; restore it into a database "
                    "at that release (docs/backups.md)")
            cursor.execute(f"DROP SCHEMA IF EXISTS {_q(temporary)} CASCADE")
        schemas.clone_template(temporary)
        with connection.cursor() as cursor:
            present = _tables(cursor, temporary)
            if set(present) != set(manifest["tables"]):
                raise BackupError("the backup's tables differ from the template's: "
                                  + ", ".join(sorted(set(present) ^ set(manifest["tables"]))))
            # The clone holds the template's rows (migration records, content types): emptied with DELETE, which
            # costs nothing on an empty table, where TRUNCATE would create new files for every table and index.
            cursor.execute(";\n".join(f"DELETE FROM {_q(temporary)}.{_q(table)}" for table in present))
            for table, info in manifest["tables"].items():
                if present[table] != info["columns"]:
                    raise BackupError(f"table {table}: its columns differ from the template's")
                if not info["rows"]:
                    continue
                column_list = ", ".join(_q(column) for column in info["columns"])
                with cursor.copy(f"COPY {_q(temporary)}.{_q(table)} ({column_list}) FROM STDIN") as copy:
                    copy.write(backup.tables[table])
                report.rows += info["rows"]
            if manifest["sequences"]:
                tables_, columns_, values_, called_ = zip(*manifest["sequences"], strict=True)
                cursor.execute(
                    "SELECT count(setval(pg_get_serial_sequence(format('%%I.%%I', %s::text, t), c), v, called)) "
                    "FROM unnest(%s::text[], %s::text[], %s::bigint[], %s::boolean[]) AS s(t, c, v, called)",
                    [temporary, list(tables_), list(columns_), list(values_), list(called_)])
            restored = _checksums(cursor, temporary,
                                  {table: info["columns"] for table, info in manifest["tables"].items()})
            differing = [table for table, info in manifest["tables"].items()
                         if restored[table] != (info["rows"], info["checksum"])]
            if differing:
                raise BackupError("restored tables differ from the backup: " + ", ".join(differing))
            _upsert_shared(cursor, backup.shared)
            cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema])
            if cursor.fetchone():
                cursor.execute(f"ALTER SCHEMA {_q(schema)} RENAME TO {_q(replaced)}")
                report.kept_as = replaced
            cursor.execute(f"ALTER SCHEMA {_q(temporary)} RENAME TO {_q(schema)}")
    # Dropped after the swap's commit, in a transaction of its own: the swap then locks only the new tables
    # (a transaction over two schemas' tables and indexes needs twice the server's lock table).
    if report.kept_as and not keep_replaced:
        schemas.drop_schema(report.kept_as)
        report.kept_as = ""
    connection.set_schema_to_public()
    report.tables = len(manifest["tables"])
    report.seconds = time.perf_counter() - started
    report.comparison = compare(schema, backup)
    return report
