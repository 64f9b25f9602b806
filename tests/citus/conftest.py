"""Helpers of the scale-out suite (make test-citus): where a location's schema lives on the cluster."""
import psycopg
from django.db import connection

from cooperative import citus
from tests.conftest import in_a_thread  # noqa: F401 (the suite imports it from here)


def worker_of(schema_name: str) -> int | None:
    """The port of the worker that holds a location's schema (None: not distributed)."""
    return citus.distributed_schemas().get(schema_name)


def worker_ports() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nodeport FROM pg_dist_node WHERE shouldhaveshards ORDER BY nodeport")
        return [row[0] for row in cursor.fetchall()]


def move(schema_name: str, port: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT citus_schema_move(%s::regnamespace, '127.0.0.1', %s, 'force_logical')",
                       [schema_name, port])


def shards_on(port: int, schema_name: str) -> set[str]:
    """The tables whose rows a node holds for a schema: their shards, named after the table and a shard id
    (every node also has an empty shell of each table for its metadata; the shards are hidden unless asked)."""
    params = connection.get_connection_params()
    with psycopg.connect(host="127.0.0.1", port=port, dbname=params["dbname"], user=params["user"],
                         autocommit=True) as conn:
        conn.execute("SET citus.override_table_visibility TO off")
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s AND tablename ~ '_[0-9]+$'",
                            [schema_name]).fetchall()
    return {name.rsplit("_", 1)[0] for (name,) in rows}
