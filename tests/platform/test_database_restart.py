"""After a database restart, a web worker with persistent connections (CONN_MAX_AGE above 0) answers its next
request normally: with connection health checks on, the dead connection is noticed and replaced before the
first query. Without them that request fails, which the last test shows so the first one means something.

A restart is played by ending the worker's own server process (pg_terminate_backend) from another connection
between two requests. The requests go through Django's WSGI handler itself (the test client would skip the
connection housekeeping at the start and end of each request), in a thread with a connection of its own.
"""
import threading

import psycopg
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from django.test import RequestFactory


def terminate(pid: int, settings_dict: dict) -> None:
    """What a database restart does to one connection: its server process ends."""
    with psycopg.connect(dbname=settings_dict["NAME"], user=settings_dict["USER"] or None,
                         password=settings_dict["PASSWORD"] or None, host=settings_dict["HOST"] or None,
                         port=settings_dict["PORT"] or None, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
        other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid])


def two_requests_around_a_restart(host: str, health_checks: bool) -> tuple[int, int, int, int | None]:
    """(status before, status after, pid before, pid after) of a page at `host`, from a worker thread whose
    connection lives on between requests."""
    outcome = {}

    def worker():
        connection = connections["default"]
        try:
            connection.settings_dict = {**connection.settings_dict, "CONN_MAX_AGE": 600,
                                        "CONN_HEALTH_CHECKS": health_checks}
            handler = WSGIHandler()

            def request() -> int:
                environ = RequestFactory().get("/accounts/login/", HTTP_HOST=host).environ
                response = handler(environ, lambda status, headers, exc_info=None: None)
                response.close()  # as the WSGI server does: the request_finished housekeeping runs here
                return response.status_code

            outcome["before"] = request()
            outcome["pid_before"] = connection.connection.info.backend_pid  # still open: CONN_MAX_AGE
            terminate(outcome["pid_before"], connection.settings_dict)
            outcome["after"] = request()
            outcome["pid_after"] = connection.connection.info.backend_pid if connection.connection else None
        except BaseException as exc:
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["before"], outcome["after"], outcome["pid_before"], outcome["pid_after"]


def test_health_checks_are_on_in_the_settings():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_the_first_request_after_a_restart_succeeds_with_health_checks(world):
    before, after, pid_before, pid_after = two_requests_around_a_restart(world.a.host, health_checks=True)
    assert before in (200, 302) and after == before  # the login page (or the way to it), both times
    assert pid_after is not None and pid_after != pid_before  # a new connection, at the location's schema


def test_without_health_checks_that_request_would_fail(world):
    before, after, _pid_before, _pid_after = two_requests_around_a_restart(world.a.host, health_checks=False)
    assert before in (200, 302) and after == 500
