"""An export requested while the broker is down is still accepted (202, "queued") and is built later, once, by
the sweep when the broker is back; an export whose building is given up is marked failed, never left "queued"
for ever."""
import json
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from config.celery import app as celery_app
from outbox import rules
from outbox.models import Delivery
from tenants.exports.models import Export
from tests.outbox.helpers import broker_down, deliver_outbox, later
from tests.platform.test_background_task import _reset_celery_connections, committed, wait_until_finished
from tests.tenants.conftest import in_schema

REFUSING_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1: every connection is refused


@pytest.fixture(autouse=True)
def _english():
    """Languages stay as they are: the tests here assert no texts, and the request thread of the worker test
    must be able to log a user in (the folder's language fixture would hold every user's row locked)."""


def test_accepted_while_the_broker_is_down_and_built_once_by_the_sweep(
        world, api, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.EXPORT_ROOT = str(tmp_path)
    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        response = api(world.a.entrepreneur, world.a).post("/api/v1/exports/")
    assert response.status_code == 202 and response.json()["status"] == "queued"
    row = Delivery.objects.get(kind="exports.build", payload__export=response.json()["id"])
    assert (row.status, row.attempts, row.location_id) == ("pending", 0, world.a.location.pk)

    assert deliver_outbox() == {"sent": 1}  # the sweep, the broker back
    assert deliver_outbox(now=later(60)) == {}  # and never again
    with in_schema(world.a):
        export = Export.objects.get(pk=response.json()["id"])
    assert export.status == "done" and export.schema_seen_by_worker == world.a.location.schema_name
    assert [p.name for p in tmp_path.iterdir()] == [export.file_name]  # built once
    assert api(world.a.entrepreneur, world.a).get(f"/api/v1/exports/{export.pk}/").json()["status"] == "done"


def test_an_export_that_cannot_be_built_ends_as_failed(world, api):
    pk = api(world.a.entrepreneur, world.a).post("/api/v1/exports/").json()["id"]
    now = timezone.now()
    with mock.patch("tenants.exports.services.build_export_file", side_effect=OSError("disk full")):
        for attempt in range(1, rules.MAX_ATTEMPTS + 1):
            deliver_outbox(now=now)
            now += rules.retry_delay(attempt)
    assert Delivery.objects.get(kind="exports.build", payload__export=pk).status == "failed"
    assert api(world.a.entrepreneur, world.a).get(f"/api/v1/exports/{pk}/").json()["status"] == "failed"


def test_with_a_real_worker_and_a_broker_that_refuses_connections(world, worker, broker):
    """The request is made with a broker URL nobody listens on; then the broker is back and the sweep runs in a
    real worker process, which builds the export in the location's schema."""
    site = world.a
    client = Client(HTTP_HOST=site.host)
    export_id = None
    saved = celery_app.conf.broker_url
    celery_app.conf.broker_url = REFUSING_BROKER
    _reset_celery_connections()

    def request_export():
        client.force_login(site.entrepreneur)
        return client.post("/api/v1/exports/")

    try:
        response = committed(request_export)
    finally:
        celery_app.conf.broker_url = saved
        _reset_celery_connections()
    assert response.status_code == 202, response.content
    export_id = response.json()["id"]
    try:
        with schema_context(site.location.schema_name):
            assert Export.objects.get(pk=export_id).status == "queued"
        row = Delivery.objects.get(kind="exports.build", payload__export=export_id)
        assert row.status == "pending"

        celery_app.send_task("outbox.sweep")  # what celery beat sends every minute
        export = wait_until_finished(export_id, site.location.schema_name, worker)
        assert export.status == "done", worker.log_path.read_text(errors="replace")[-3000:]
        assert export.schema_seen_by_worker == site.location.schema_name
        data = json.loads((Path(settings.EXPORT_ROOT) / export.file_name).read_text())
        assert data["location"]["slug"] == site.location.slug
        row.refresh_from_db()
        assert (row.status, row.attempts) == ("sent", 1)
    finally:
        def clean_up():
            with schema_context(site.location.schema_name):
                Export.objects.filter(pk=export_id).delete()
            Delivery.objects.filter(kind="exports.build", payload__export=export_id).delete()

        committed(clean_up)
