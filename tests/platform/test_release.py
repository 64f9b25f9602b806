"""A release over every location schema (issue 21, point 6): one query finds the schemas that are behind,
each of those gets the SQL of its missing migrations in its own transaction, a schema that fails is reported
while the others go on, and running the release again completes it. Nothing to do is found in one query.

The release works on committed schemas from connections of its own, as in production, so these tests work
outside the test's transaction (`in_a_thread`) and leave every schema up to date again."""
from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.db.migrations.operations import CreateModel

from cooperative import release
from tests.conftest import in_a_thread

TABLE = "groups_backupperson"
LAST = ("groups", "0004_backup_person")


def _take_back(schemas):
    for schema in schemas:
        call_command("migrate_schemas", "groups", "0003", schema_name=schema, tenant=True, interactive=False,
                     verbosity=0)
    connection.set_schema_to_public()


def _has(schema: str) -> tuple[bool, bool, bool]:
    """Whether `schema` has the table, the migration record and the new model's content type."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [f'"{schema}".{TABLE}'])
        table = cursor.fetchone()[0]
        cursor.execute(f'SELECT count(*) FROM "{schema}".django_migrations WHERE app = %s AND name = %s', LAST)
        record = cursor.fetchone()[0] == 1
        cursor.execute(f'SELECT count(*) FROM "{schema}".django_content_type WHERE app_label = %s AND model = %s',
                       ["groups", "backupperson"])
        content_type = cursor.fetchone()[0] == 1
    return table, record, content_type


def _release(**kwargs):
    return release.release(shared=False, **kwargs)


def test_nothing_to_do_is_found_with_one_query(world, django_db_blocker, django_assert_max_num_queries):
    with django_db_blocker.unblock():
        expected = release.expected_migrations()
        schemas = [world.a.location.schema_name, world.b.location.schema_name]
        with django_assert_max_num_queries(3) as queries:  # the search_path, which schemas exist, the check
            assert release.behind(schemas, expected) == []
        assert len([q for q in queries.captured_queries if "django_migrations" in q["sql"]]) == 1


def test_the_schemas_behind_get_their_missing_migration(world, django_db_blocker):
    schemas = [world.a.location.schema_name, world.b.location.schema_name]
    with django_db_blocker.unblock():
        in_a_thread(_take_back, schemas)
        assert [in_a_thread(_has, schema)[:2] for schema in schemas] == [(False, False)] * 2
        report = in_a_thread(_release)
        assert report.behind == 2 and sorted(report.migrated) == sorted(schemas)
        assert not report.failed and not report.by_migrate_command
        assert [in_a_thread(_has, schema) for schema in schemas] == [(True, True, True)] * 2
        again = in_a_thread(_release)
        assert again.behind == 0 and not again.migrated


def test_a_failing_schema_is_reported_and_the_others_go_on(world, django_db_blocker):
    """Location B's schema has a stray table of the same name, so its migration fails; A is migrated, B is
    reported (after one more try) and stays as it was; once the stray table is gone a second run does B."""
    a, b = world.a.location.schema_name, world.b.location.schema_name

    def stray(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)

    with django_db_blocker.unblock():
        in_a_thread(_take_back, [a, b])
        in_a_thread(stray, f'CREATE TABLE "{b}".{TABLE} (id int)')
        try:
            report = in_a_thread(_release)
            assert report.migrated == [a]
            assert list(report.failed) == [b] and "already exists" in report.failed[b]
            assert in_a_thread(_has, a) == (True, True, True)
            assert in_a_thread(_has, b)[1] is False, "no record of a migration that failed"
        finally:
            in_a_thread(stray, f'DROP TABLE IF EXISTS "{b}".{TABLE}')
            done = in_a_thread(_release)
        assert done.migrated == [b] and not done.failed
        assert in_a_thread(_has, b) == (True, True, True)


def test_a_migration_with_code_goes_through_django_for_that_schema(world, django_db_blocker):
    """A migration that cannot be written as SQL (Python code) is run by migrate_schemas, schema by schema."""
    schemas = [world.a.location.schema_name, world.b.location.schema_name]
    with django_db_blocker.unblock():
        in_a_thread(_take_back, schemas)
        with mock.patch.object(CreateModel, "reduces_to_sql", False):
            report = in_a_thread(_release)
        assert sorted(report.by_migrate_command) == sorted(schemas) and not report.failed
        assert [in_a_thread(_has, schema) for schema in schemas] == [(True, True, True)] * 2


def test_the_release_command_reports_a_failure_with_an_error(world, django_db_blocker, capsys):
    import pytest
    from django.core.management.base import CommandError

    b = world.b.location.schema_name

    def run():
        call_command("release", workers=2)

    def stray(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)

    with django_db_blocker.unblock():
        in_a_thread(_take_back, [b])
        in_a_thread(stray, f'CREATE TABLE "{b}".{TABLE} (id int)')
        try:
            with pytest.raises(CommandError, match="1 location schema"):
                in_a_thread(run)
        finally:
            in_a_thread(stray, f'DROP TABLE IF EXISTS "{b}".{TABLE}')
            in_a_thread(run)
        assert in_a_thread(_has, b) == (True, True, True)
