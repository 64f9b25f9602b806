"""The test database of the scale-out suite (make test-citus sets SCALE_OUT=citus; tests/conftest.py then
uses this `django_db_setup`).

`infra/citus/cluster.sh fresh` gives an empty database on a coordinator and two workers, with
`citus.enable_schema_based_sharding` on, and DATABASE_URL names it on the coordinator. That database is the
test database: the cluster's nodes and extension are set up outside Django, so the suite migrates it in
place instead of letting pytest-django create a copy (a database created by Django would exist on the
coordinator only). Each test still runs in a transaction that is rolled back, across the workers.
"""
import pytest

from cooperative import citus


@pytest.fixture(scope="session")
def django_db_setup(django_db_blocker):
    from django.core.management import call_command

    with django_db_blocker.unblock():
        assert citus.is_citus(), "DATABASE_URL must name a Citus coordinator (infra/citus/cluster.sh url)"
        call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
        call_command("prepare_template")
        call_command("migrate_schemas", tenant=True, interactive=False, verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def locations_on_two_workers(world, django_db_blocker):
    """Locations A and B on different workers, so every test that reads both (a parent with children at
    each, the cooperative's figures) reads across the cluster."""
    from tests.citus.conftest import move, worker_of, worker_ports

    with django_db_blocker.unblock():
        a, b = world.a.location.schema_name, world.b.location.schema_name
        if worker_of(a) == worker_of(b):
            move(b, next(port for port in worker_ports() if port != worker_of(a)))
        assert worker_of(a) and worker_of(b) and worker_of(a) != worker_of(b)
    return world
