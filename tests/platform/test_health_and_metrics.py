"""Health, readiness and metrics for the orchestrator and Prometheus, and the context of log lines
(issue 21, point 9): a probe is answered on any host without login or redirect; readiness says which
dependency fails; the metrics carry no label per location or person; every log line of a request carries
its id and the location's slug, and no personal data."""
import json
import logging
from unittest import mock

from django.db import connection
from django.test import Client
from monitoring import checks
from monitoring.metrics import REGISTRY


def _metrics(client=None, **headers) -> str:
    response = (client or Client()).get("/metrics", **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_liveness_answers_on_any_host_without_a_database(world):
    with mock.patch.object(connection, "cursor", side_effect=AssertionError("no database for liveness")):
        response = Client(HTTP_HOST="10.0.0.7:8000").get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_readiness_is_200_when_the_database_and_cache_answer(world):
    response = Client(HTTP_HOST="10.0.0.7:8000").get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True, "checks": {"database": "ok", "cache": "ok"}}


def test_readiness_is_503_naming_the_dependency_that_fails(world):
    def down():
        raise ConnectionError("could not connect to server: password=secret")

    with mock.patch.dict(checks.REQUIRED, {"database": down}):
        response = Client().get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body == {"ready": False, "checks": {"database": "ConnectionError", "cache": "ok"}}
    assert "secret" not in response.content.decode()


def test_request_latency_by_route_without_location_or_person(world, client_for):
    client = client_for(world.a.parent, world.a)
    assert client.get("/").status_code == 200
    text = _metrics()
    assert 'opvangkring_request_seconds_count{method="GET",route="home",status="2xx"}' in text
    for private in (world.a.location.slug, world.a.parent.email, str(world.a.parent.pk) + '"'):
        assert private not in text


def test_task_durations_and_failures_from_celery_signals(world):
    from celery.signals import task_failure, task_postrun, task_prerun

    task = mock.Mock()
    task.name = "billing.invoices.tasks.monthly_run"
    task_prerun.send(sender=task, task_id="t1", task=task)
    task_postrun.send(sender=task, task_id="t1", task=task, state="SUCCESS")
    task_prerun.send(sender=task, task_id="t2", task=task)
    task_failure.send(sender=task, task_id="t2", exception=RuntimeError("x"))
    task_postrun.send(sender=task, task_id="t2", task=task, state="FAILURE")
    text = _metrics()
    assert 'opvangkring_task_seconds_count{outcome="success",task="billing.invoices.tasks.monthly_run"}' in text
    assert 'opvangkring_task_seconds_count{outcome="failure",task="billing.invoices.tasks.monthly_run"}' in text
    assert REGISTRY.get_sample_value("opvangkring_task_failures_total",
                                     {"task": "billing.invoices.tasks.monthly_run"}) >= 1


def test_queue_length_and_the_outbox_are_read_when_scraped(world):
    text = _metrics()
    assert "opvangkring_queue_length{queue=" in text
    assert 'opvangkring_outbox_waiting{state="failed"}' in text


def test_a_broker_that_is_down_is_a_figure_not_a_failed_scrape(world):
    with mock.patch("config.celery.app.connection_for_read", side_effect=OSError("broker down")):
        text = _metrics()
    assert 'opvangkring_queue_length{queue="opvangkring"} -1.0' in text


def test_metrics_need_the_token_when_one_is_set(world, settings):
    settings.METRICS_TOKEN = "scrape-token-123"
    assert Client().get("/metrics").status_code == 401
    assert Client().get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    assert "opvangkring_request_seconds" in _metrics(HTTP_AUTHORIZATION="Bearer scrape-token-123")


def test_each_log_line_of_a_request_carries_its_id_and_the_location(world, client_for, caplog):
    from monitoring.context import ContextFilter

    client = client_for(world.a.parent, world.a)
    logger = logging.getLogger("opvangkring.request")
    context = ContextFilter()
    with caplog.at_level(logging.INFO, logger="opvangkring.request"):
        caplog.handler.addFilter(context)
        response = client.get("/", HTTP_X_REQUEST_ID="req-abc-12345")
        caplog.handler.removeFilter(context)
    assert response["X-Request-ID"] == "req-abc-12345"
    [line] = [r for r in caplog.records if r.name == logger.name]
    assert (line.request_id, line.location, line.route, line.status) == ("req-abc-12345", world.a.location.slug,
                                                                         "home", 200)
    assert world.a.parent.email not in line.getMessage()


def test_a_request_id_that_does_not_look_like_one_is_replaced(world):
    response = Client().get("/accounts/login/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert response["X-Request-ID"] != "<script>alert(1)</script>" and len(response["X-Request-ID"]) == 32


def test_the_json_log_format_is_one_object_per_line_with_the_context(settings):
    """The production format, configured as settings.LOGGING configures it."""
    from django.conf import settings
    from monitoring import context
    from pythonjsonlogger.json import JsonFormatter

    spec = dict(settings.LOGGING["formatters"]["json"])
    spec.pop("()")
    formatter = JsonFormatter(**spec)
    token = context.request_id.set("req-1"), context.location.set("kikker")
    try:
        record = logging.LogRecord("opvangkring.request", logging.INFO, __file__, 1, "GET home 200", None, None)
        context.ContextFilter().filter(record)
        line = json.loads(formatter.format(record))
    finally:
        context.request_id.reset(token[0])
        context.location.reset(token[1])
        logging.config.dictConfig(settings.LOGGING)
    assert line["request_id"] == "req-1" and line["location"] == "kikker" and line["level"] == "INFO"
    assert line["message"] == "GET home 200" and line["logger"] == "opvangkring.request"
