"""Location schemas in PostgreSQL: the migrated template, cloning it, and dropping a schema.

Running every migration for each new location takes seconds and grows with the product; cloning a
migrated, empty template schema (tables, indexes, constraints and its django_migrations rows) takes a
fraction of that. `migrate_schemas` only knows the schemas of existing locations, so the template is
brought up to date here, whenever a process first provisions a location.
"""
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_tenants.clone import CloneSchema
from django_tenants.utils import schema_context, schema_exists

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
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{name}"')
    if not template_is_current():
        call_command("migrate_schemas", schema_name=name, tenant=True, interactive=False, verbosity=0)
    connection.set_schema_to_public()
    _template_checked = True


def clone_template(schema_name: str) -> None:
    """Create `schema_name` as a copy of the template schema (works inside a transaction)."""
    ensure_template_schema()
    CloneSchema().clone_schema(settings.TEMPLATE_SCHEMA, schema_name, "DATA", set_connection=True)
    connection.set_schema_to_public()


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
