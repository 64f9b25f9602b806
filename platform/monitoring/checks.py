"""Readiness: can this process serve? The database and the cache must answer; the broker is reported but
does not make the process unready (pages answer while it is down and the work is sent once it is back,
docs/outbox.md)."""
from django.core.cache import cache
from django.db import connection


def database() -> None:
    connection.set_schema_to_public()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_server() -> None:
    cache.set("monitoring:ready", "1", 10)
    if cache.get("monitoring:ready") != "1":
        raise RuntimeError("the cache did not return what was stored")


REQUIRED = {"database": database, "cache": cache_server}


def run(checks=REQUIRED) -> dict[str, str]:
    """Each check's outcome: "ok" or the kind of error (never its message: it may hold a connection string)."""
    outcome = {}
    for name, check in checks.items():
        try:
            check()
            outcome[name] = "ok"
        except Exception as error:  # a failing dependency is the answer, not a crash
            outcome[name] = type(error).__name__
            if name == "database":
                connection.close()
    return outcome
