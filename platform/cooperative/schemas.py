"""Location schemas in PostgreSQL: the migrated template, cloning it, and dropping a schema.

Running every migration for each new location takes seconds and grows with the product; cloning a
migrated, empty template schema (tables, indexes, constraints and its django_migrations rows) takes a
fraction of that. `migrate_schemas` only knows the schemas of existing locations, so the template is
brought up to date here, whenever a process first provisions a location.
"""
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django_tenants.clone import CloneSchema
from django_tenants.utils import schema_context, schema_exists

from cooperative import citus

_template_checked = False


def template_is_current() -> bool:
    with schema_context(settings.TEMPLATE_SCHEMA):
        executor = MigrationExecutor(connection)
        return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def ensure_template_schema(force_check: bool = False) -> None:
    """Create or migrate the template schema when it is missing or behind the migrations."""
    global _template_checked
    if _template_checked and not force_check:
        return
    name = settings.TEMPLATE_SCHEMA
    if not schema_exists(name):
        with citus.local_schemas(), connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{name}"')
    if not template_is_current():
        call_command("migrate_schemas", schema_name=name, tenant=True, interactive=False, verbosity=0)
        _recipes.clear()
    connection.set_schema_to_public()
    citus.reference_tables_for(name)
    _template_checked = True


def clone_template(schema_name: str) -> None:
    """Create `schema_name` as a copy of the template schema (works inside a transaction).

    The template's structure is read from the catalogs once per process (`_clone_recipe`) and replayed
    for each new schema in one round trip. django-tenants' CloneSchema (pg-clone-schema) does the same
    work generically, but reinstalls its functions and scans the catalogs on every call: 0.1 s a
    schema on an empty database, 0.9 s with 150 schemas (docs/benchmarks.md). It remains the path
    for templates with objects the recipe does not cover (views, functions, ...).
    """
    ensure_template_schema()
    connection.set_schema_to_public()
    recipe = _clone_recipe()
    if recipe is None:
        CloneSchema().clone_schema(settings.TEMPLATE_SCHEMA, schema_name, "DATA", set_connection=True)
    else:
        if schema_exists(schema_name, case_sensitive=False):
            raise ValidationError("New schema name already exists")
        with transaction.atomic(), connection.cursor() as cursor:
            statements = [statement.replace(_TARGET, _quote(schema_name)) for statement in recipe]
            if citus.is_citus():
                # Citus hands a DDL statement's whole query text to the worker, which refuses several
                # commands in one; the statements go one by one (in one transaction).
                for statement in statements:
                    cursor.execute(statement)
            else:
                cursor.execute(";\n".join(statements))
    connection.set_schema_to_public()  # the recipe changed the search_path; have django-tenants reset it


_TARGET = "\x00target\x00"  # stands for the new schema's quoted name; NUL never occurs in SQL text
_recipes: dict[str, list[str] | None] = {}


# Objects in the template that the recipe cannot copy faithfully.
_UNSUPPORTED_OBJECTS = """
SELECT
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = %(schema)s::regnamespace
     AND (c.relkind NOT IN ('r', 'i', 'S') OR c.relrowsecurity
          OR (c.relkind = 'S' AND NOT EXISTS (
              SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
              AND d.deptype = 'i'))))
  + (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = %(schema)s::regnamespace AND a.attnum > 0 AND a.attgenerated <> '')
  + (SELECT count(*) FROM pg_attrdef ad JOIN pg_class c ON c.oid = ad.adrelid
     WHERE c.relnamespace = %(schema)s::regnamespace AND pg_get_expr(ad.adbin, ad.adrelid) LIKE '%%nextval(%%')
  + (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = %(schema)s::regnamespace)
  + (SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = %(schema)s::regnamespace AND NOT t.tgisinternal)
  + (SELECT count(*) FROM pg_type t
     WHERE t.typnamespace = %(schema)s::regnamespace AND t.typtype IN ('d', 'e', 'r', 'm'))
  + (SELECT count(*) FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
     WHERE c.relnamespace = %(schema)s::regnamespace)
  + (SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE c.relnamespace = %(schema)s::regnamespace)
"""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _clone_recipe() -> list[str] | None:
    """The SQL statements that create schema `_TARGET` as a copy of the template, or None when it needs CloneSchema.

    Covered: tables (columns, defaults, identity columns, NOT NULL, check, primary key, unique and
    foreign key constraints, other indexes, all under their original names) and their rows -- what
    Django migrations produce. Anything else in the template (views, sequences that are not identity
    columns, functions, triggers, types, row-level security) sends cloning to CloneSchema.
    """
    key = connection.settings_dict["NAME"]
    if key in _recipes:
        return _recipes[key]
    template = settings.TEMPLATE_SCHEMA
    with transaction.atomic(), connection.cursor() as cursor:
        # Definitions are read with the template first on the search_path, so they come out unqualified
        # and resolve to the new schema when replayed with that schema first on the search_path.
        cursor.execute("SELECT set_config('search_path', %s, true)", [f"{_quote(template)}, public"])
        cursor.execute(_UNSUPPORTED_OBJECTS, {"schema": template})
        unsupported = cursor.fetchone()[0]
        cursor.execute(
            "SELECT c.oid, c.relname FROM pg_class c WHERE c.relnamespace = %s::regnamespace "
            "AND c.relkind = 'r' ORDER BY c.relname", [template]
        )
        tables = cursor.fetchall()
        cursor.execute(
            "SELECT con.conrelid, con.conname, pg_get_constraintdef(con.oid), con.contype FROM pg_constraint con "
            "WHERE con.connamespace = %s::regnamespace AND con.contype IN ('p', 'u', 'c', 'x', 'f') "
            "ORDER BY con.contype = 'f', con.conrelid, con.conname", [template]
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relnamespace = %s::regnamespace AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))"
            " ORDER BY c.relname", [template]
        )
        index_definitions = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT quote_ident(%s)", [template])
        qualifier = cursor.fetchone()[0] + "."
        cursor.execute(
            "SELECT c.relname, a.attname, pg_get_serial_sequence(c.oid::regclass::text, a.attname) "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relnamespace = %s::regnamespace AND c.relkind = 'r' AND a.attidentity <> '' "
            "ORDER BY c.relname", [template]
        )
        identities = cursor.fetchall()
    connection.set_schema_to_public()  # undo the set_config above for django-tenants' bookkeeping
    if unsupported:
        _recipes[key] = None
        return None

    # pg_get_indexdef() always names the table with its schema; drop it so the index lands on the copy.
    indexes = [re.sub(rf" ON (ONLY )?{re.escape(qualifier)}", r" ON \1", d, count=1) for d in index_definitions]
    if any(qualifier in d.split(" USING ")[0] for d in indexes):
        _recipes[key] = None
        return None

    names = {oid: name for oid, name in tables}
    src = _quote(template)
    sql = [f"CREATE SCHEMA {_TARGET}", f"SET LOCAL search_path TO {_TARGET}, public"]
    for _oid, name in tables:
        sql.append(
            f"CREATE TABLE {_TARGET}.{_quote(name)} (LIKE {src}.{_quote(name)} INCLUDING DEFAULTS "
            "INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS INCLUDING COMPRESSION)"
        )
    for oid, conname, definition, contype in constraints:
        if contype != "f":
            sql.append(f"ALTER TABLE {_TARGET}.{_quote(names[oid])} ADD CONSTRAINT {_quote(conname)} {definition}")
    sql.extend(indexes)
    for _oid, name in tables:
        sql.append(
            f"INSERT INTO {_TARGET}.{_quote(name)} OVERRIDING SYSTEM VALUE SELECT * FROM {src}.{_quote(name)}"
        )
    for table, column, template_sequence in identities:
        sql.append(
            f"SELECT setval(pg_get_serial_sequence('{_TARGET}.{_quote(table)}', '{column}'), last_value, "
            f"is_called) FROM {template_sequence}"
        )
    for oid, conname, definition, contype in constraints:
        if contype == "f":
            sql.append(f"ALTER TABLE {_TARGET}.{_quote(names[oid])} ADD CONSTRAINT {_quote(conname)} {definition}")
    _recipes[key] = sql
    return sql


def migrate_new_schema(schema_name: str) -> None:
    """The slow path, kept for comparison in the benchmark: create a schema and run every migration."""
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE SCHEMA "{schema_name}"')
    call_command("migrate_schemas", schema_name=schema_name, tenant=True, interactive=False, verbosity=0)
    connection.set_schema_to_public()


def drop_schema(schema_name: str) -> None:
    if schema_name in ("public", settings.TEMPLATE_SCHEMA):
        raise ValueError(f"Refusing to drop schema {schema_name}")
    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{schema_name}" CASCADE')
