"""Helpers of the scale-out suite (make test-citus): where a location's schema lives on the cluster."""
from django.db import connection

from cooperative import citus


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
