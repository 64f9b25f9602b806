"""Where the database lives.

Production, CI and this machine set DATABASE_URL. A laptop without PostgreSQL gets an embedded server
from the `pgserver` package, with its data under var/pgdata and reused between runs. It is always
PostgreSQL: django-tenants needs its schemas.
"""
import logging
import re
from pathlib import Path

EMBEDDED_DATABASE_NAME = "opvangkring"
#: Locks one transaction may hold on average. Loading the demo (and a test that does) creates every location's
#: schema in one transaction: thousands of tables and indexes, each locked until the commit, more than
#: PostgreSQL's default of 64 a connection allows.
MAX_LOCKS_PER_TRANSACTION = 1024


def embedded_database(var_dir: Path) -> dict:
    """Start (or reuse) the embedded PostgreSQL server and return Django connection settings."""
    import pgserver

    logging.getLogger("pgserver").setLevel(logging.WARNING)

    var_dir.mkdir(parents=True, exist_ok=True)
    server = _with_enough_locks(pgserver, var_dir / "pgdata")
    info = server.get_postmaster_info()
    exists = server.psql(
        f"SELECT 1 FROM pg_database WHERE datname = '{EMBEDDED_DATABASE_NAME}';"
    )
    if "1 row" not in exists:
        server.psql(f"CREATE DATABASE {EMBEDDED_DATABASE_NAME};")
    return {
        "NAME": EMBEDDED_DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir) if info.socket_dir else info.hostname,
        "PORT": "" if info.socket_dir else str(info.port),
    }


def _with_enough_locks(pgserver, pgdata: Path):
    """The embedded server, restarted once with MAX_LOCKS_PER_TRANSACTION when it has fewer (a fresh data
    folder: the setting is then kept in it). Other processes starting at the same moment wait on the lock."""
    import fasteners
    from pgserver._commands import pg_ctl
    from pgserver.postgres_server import PostgresServer

    with fasteners.InterProcessLock(str(pgdata.parent / "pgdata.settings.lock")):
        server = pgserver.get_server(pgdata, cleanup_mode=None)
        shown = re.search(r"\b(\d+)\b", server.psql("SHOW max_locks_per_transaction;"))
        if shown and int(shown.group(1)) >= MAX_LOCKS_PER_TRANSACTION:
            return server
        server.psql(f"ALTER SYSTEM SET max_locks_per_transaction = {MAX_LOCKS_PER_TRANSACTION};")
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=server.system_user, timeout=60)
        PostgresServer._instances.pop(pgdata, None)
        return pgserver.get_server(pgdata, cleanup_mode=None)
