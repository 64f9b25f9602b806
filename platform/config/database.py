"""Where the database lives.

Production, CI and this machine set DATABASE_URL. A laptop without PostgreSQL gets an embedded server
from the `pgserver` package, with its data under var/pgdata and reused between runs. It is always
PostgreSQL: django-tenants needs its schemas.
"""
import logging
from pathlib import Path

EMBEDDED_DATABASE_NAME = "opvangkring"


def embedded_database(var_dir: Path) -> dict:
    """Start (or reuse) the embedded PostgreSQL server and return Django connection settings."""
    import pgserver

    logging.getLogger("pgserver").setLevel(logging.WARNING)

    var_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(var_dir / "pgdata", cleanup_mode=None)
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
