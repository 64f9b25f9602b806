"""Provisioning on the cluster (issue 21, point 1): a new location's schema is a distributed schema that
lives whole on a worker; the template it is cloned from stays an ordinary schema on the coordinator."""
from django.conf import settings
from django.db import connection

from cooperative import citus
from cooperative.services import NewLocation, provision_location
from tests.citus.conftest import shards_on, worker_of, worker_ports


def test_a_new_location_lives_on_a_worker_and_the_template_on_the_coordinator(world, db):
    location = provision_location(NewLocation(
        name="Cluster Kim", slug="cluster-kim", kind="kdv", jurisdiction="NL",
        entrepreneur_email="owner@cluster-kim.test", entrepreneur_name="Owner Kim",
        lrk_numbers={"kdv": "123456780"}), send_invitation=False)
    assert worker_of(location.schema_name) in worker_ports()
    assert settings.TEMPLATE_SCHEMA not in citus.distributed_schemas()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(DISTINCT p.logicalrelid), array_agg(DISTINCT n.nodeport) FROM pg_dist_partition p "
            "JOIN pg_dist_shard s USING (logicalrelid) JOIN pg_dist_placement pl USING (shardid) "
            "JOIN pg_dist_node n USING (groupid) WHERE p.logicalrelid::regclass::text LIKE %s",
            [f"{location.schema_name}.%"])
        tables, ports = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s", [settings.TEMPLATE_SCHEMA])
        assert tables == cursor.fetchone()[0]
    assert ports == [worker_of(location.schema_name)]


def test_a_locations_rows_are_on_its_worker_only(world):
    schema = world.a.location.schema_name
    port = worker_of(schema)
    assert {"children_child", "contracts_contract", "django_migrations"} <= shards_on(port, schema)
    assert not shards_on(next(p for p in worker_ports() if p != port), schema)


def test_the_session_locations_are_spread_over_the_workers(world):
    """tests/citus/cluster_database.py puts A and B on different workers for every test of the suite."""
    schemas = (world.a.location.schema_name, world.b.location.schema_name)
    assert {worker_of(schema) for schema in schemas} == set(worker_ports())
