"""A release on the cluster (issue 21, point 1): `migrate_schemas` runs from the coordinator as on one
server; a location migration reaches every location's schema on its worker, and `prepare_template` (as
`make migrate` runs it) the template on the coordinator. Here the newest migration of the groups app (the
childminder's backup person) is taken back and applied again, committed, as a release would."""
from django.conf import settings
from django.core.management import call_command

from tests.citus.conftest import in_a_thread, shards_on, worker_of

TABLE = "groups_backupperson"


def _migrate(*target):
    call_command("migrate_schemas", *target, tenant=True, interactive=False, verbosity=0)


def _release():
    """What `make migrate` does: every location schema, then the template."""
    _migrate()
    call_command("prepare_template")


def _template_tables() -> set[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [settings.TEMPLATE_SCHEMA])
        return {row[0] for row in cursor.fetchall()}


def test_a_location_migration_reaches_every_worker_and_the_template(world, django_db_blocker):
    schemas = [world.a.location.schema_name, world.b.location.schema_name]
    with django_db_blocker.unblock():
        ports = {schema: in_a_thread(worker_of, schema) for schema in schemas}
        try:
            in_a_thread(_migrate, "groups", "0003")
            assert all(TABLE not in shards_on(ports[schema], schema) for schema in schemas)
        finally:
            in_a_thread(_release)
        assert all(TABLE in shards_on(ports[schema], schema) for schema in schemas)
        assert TABLE in in_a_thread(_template_tables)
        assert {schema: in_a_thread(worker_of, schema) for schema in schemas} == ports
