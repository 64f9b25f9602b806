"""Scale-out on a Citus cluster with schema-based sharding (infra/citus.md).

On plain PostgreSQL every function here does nothing. On Citus with `citus.enable_schema_based_sharding`
on, each new location schema becomes a distributed schema that lives whole on one worker. Two things need
the product's help:

- the template schema must stay an ordinary schema on the coordinator: it is only read, when a location is
  cloned from it, and a distributed template would put every new location on the template's worker;
- the public tables that location tables refer to (the people, `accounts_user`) must be reference tables,
  copied to every node, or a foreign key from a location's table to them cannot be enforced on its worker.
"""
from contextlib import contextmanager

from django.db import connection, transaction

_citus: dict[str, bool] = {}

# The public tables that the template's tables refer to, through foreign keys.
_REFERENCED_PUBLIC_TABLES = """
SELECT DISTINCT f.relname
FROM pg_constraint c
JOIN pg_class t ON t.oid = c.conrelid
JOIN pg_class f ON f.oid = c.confrelid
WHERE c.contype = 'f' AND f.relnamespace = 'public'::regnamespace AND t.relnamespace = %s::regnamespace
ORDER BY 1
"""


def is_citus() -> bool:
    """Whether the database is a Citus coordinator (the extension is installed here)."""
    key = connection.settings_dict["NAME"]
    if key not in _citus:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'citus'")
            _citus[key] = cursor.fetchone() is not None
    return _citus[key]


@contextmanager
def local_schemas():
    """Schemas created inside stay ordinary schemas on the coordinator, whatever the sharding setting."""
    if not is_citus():
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL citus.enable_schema_based_sharding TO off")
        yield


def reference_tables_for(schema_name: str) -> list[str]:
    """Make every public table that `schema_name`'s tables refer to a reference table (once; later calls
    find them done). Returns the tables it converted."""
    if not is_citus():
        return []
    with connection.cursor() as cursor:
        cursor.execute(_REFERENCED_PUBLIC_TABLES, [schema_name])
        referenced = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT logicalrelid::regclass::text FROM pg_dist_partition WHERE partmethod = 'n' "
                       "AND repmodel = 't'")
        done = {name.removeprefix("public.") for (name,) in cursor.fetchall()}
        converted = []
        for table in referenced:
            if table not in done:
                cursor.execute("SELECT create_reference_table(%s)", [f"public.{table}"])
                converted.append(table)
    return converted


def distributed_schemas() -> dict[str, int]:
    """Each distributed schema and the worker port it lives on (for the scale-out suite and operators)."""
    if not is_citus():
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.schema_name::text, n.nodeport FROM citus_schemas s "
            "JOIN pg_dist_colocation c ON c.colocationid = s.colocation_id "
            "JOIN pg_dist_partition p ON p.colocationid = s.colocation_id "
            "JOIN pg_dist_shard sh ON sh.logicalrelid = p.logicalrelid "
            "JOIN pg_dist_placement pl ON pl.shardid = sh.shardid "
            "JOIN pg_dist_node n ON n.groupid = pl.groupid "
            "GROUP BY 1, 2")
        return dict(cursor.fetchall())
