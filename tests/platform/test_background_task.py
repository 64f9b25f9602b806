"""Background work: a task queued by a web request at a location runs in a real Celery worker process,
in that location's schema.

Nothing here runs eagerly. The worker is a separate `celery worker` process on the test database and on
the same broker as the test (Redis when REDIS_URL is set, otherwise kombu's filesystem transport in a
temporary folder), listening on a queue of its own so that no other worker can take the task.

The worker only sees committed rows, while every test here runs inside a transaction that is rolled
back. So the request is made from a helper thread, which has its own database connection in
autocommit mode; what it creates is removed again at the end of the test.
"""
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import kombu.pools
import pytest
from axes.models import AccessLog
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from accounts.models import User
from config.celery import app as celery_app
from outbox.models import Delivery
from tenants.exports.models import Export

BASE_DIR = Path(settings.BASE_DIR)
WORKER_TIMEOUT = 90  # seconds: worker start-up plus the task


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL that django-environ reads back into the test database's connection settings."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}" if password else user
    host = str(settings_dict.get("HOST") or "")
    port = str(settings_dict.get("PORT") or "")
    name = quote(settings_dict["NAME"], safe="")
    if host.startswith("/"):  # a Unix socket folder (the embedded PostgreSQL)
        query = f"?host={quote(host, safe='/')}" + (f"&port={port}" if port else "")
        return f"postgres://{credentials}@/{name}{query}"
    return f"postgres://{credentials}@{host}{':' + port if port else ''}/{name}"


def filesystem_broker_options(broker_dir: Path) -> dict:
    """The transport options settings.py derives from BROKER_DIR."""
    return {
        "data_folder_in": str(broker_dir / "queue"),
        "data_folder_out": str(broker_dir / "queue"),
        "processed_folder": str(broker_dir / "processed"),
        "control_folder": str(broker_dir / "control"),
        "store_processed": False,
    }


def committed(fn, *args):
    """Run `fn` in a thread of its own: a separate connection in autocommit, so its writes are committed."""
    outcome = {}

    def run():
        try:
            outcome["value"] = fn(*args)
        except BaseException as exc:  # handed back to the test below
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "the request thread did not finish"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _reset_celery_connections():
    """Make the Celery app pick up changed configuration: new routing (queues) and new connections."""
    # The app's pool is kombu's process-wide pool for the broker URL: close and forget them all, or the next
    # lookup of the same URL would hand back the closed pool.
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.__dict__.pop("amqp", None)


@pytest.fixture
def broker(tmp_path):
    """A queue of our own (and, without Redis, a broker folder of our own) for the test and its worker.

    Returns the environment variables that give a worker process the same broker and queue.
    """
    queue = f"test-background-{uuid.uuid4().hex[:12]}"
    env = {"CELERY_QUEUE": queue}
    saved = {key: celery_app.conf[key] for key in ("task_default_queue", "broker_transport_options")}
    celery_app.conf.task_default_queue = queue
    if settings.REDIS_URL:
        env["REDIS_URL"] = settings.REDIS_URL
    else:
        broker_dir = tmp_path / "broker"
        for folder in ("queue", "processed", "control"):
            (broker_dir / folder).mkdir(parents=True)
        env["BROKER_DIR"] = str(broker_dir)
        celery_app.conf.broker_transport_options = filesystem_broker_options(broker_dir)
    _reset_celery_connections()
    yield env
    celery_app.conf.update(saved)
    _reset_celery_connections()


def start_worker(broker: dict, log_path: Path, name: str, **extra) -> subprocess.Popen:
    """A real `celery worker` process on the test database and `broker`'s queue (solo pool: the task runs in the
    process itself), its output in `log_path`; `extra` are more environment variables."""
    env = {
        **os.environ,
        **broker,
        "DJANGO_ENV": "test",
        "DATABASE_URL": database_url(connection.settings_dict),
        "PYTHONPATH": os.pathsep.join([str(BASE_DIR / "platform"), str(BASE_DIR)]),
        **extra,
    }
    env.pop("SENTRY_DSN", None)
    if "REDIS_URL" not in broker:
        env.pop("REDIS_URL", None)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo",
             "-Q", broker["CELERY_QUEUE"], "-n", name, "--loglevel=INFO",
             "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    process.log_path = log_path
    return process


@pytest.fixture
def worker(broker, tmp_path, settings):
    """A real `celery worker` process on the test database; exports land in a temporary folder."""
    export_root = tmp_path / "exports"
    export_root.mkdir()
    settings.EXPORT_ROOT = str(export_root)  # so this process serves what the worker wrote
    process = start_worker(broker, tmp_path / "worker.log", f"{broker['CELERY_QUEUE']}@%h",
                           EXPORT_ROOT=str(export_root))
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_finished(export_id: int, schema_name: str, worker) -> Export:
    deadline = time.monotonic() + WORKER_TIMEOUT
    while time.monotonic() < deadline:
        # The test's transaction reads at READ COMMITTED: each query sees what the worker committed.
        with schema_context(schema_name):
            export = Export.objects.get(pk=export_id)
        if export.status != Export.Status.QUEUED:
            return export
        if worker.poll() is not None:
            break
        time.sleep(0.25)
    pytest.fail(
        f"the worker did not finish export {export_id} (worker exit code {worker.poll()}):\n"
        + worker.log_path.read_text(errors="replace")[-5000:]
    )


def test_export_requested_at_alpha_is_built_by_a_worker_process_in_alphas_schema(world, worker):
    site = world.a
    client = Client(HTTP_HOST=site.host)
    started = timezone.now()
    last_login = User.objects.get(pk=site.entrepreneur.pk).last_login

    def request_export():
        client.force_login(site.entrepreneur)
        return client.post("/api/v1/exports/")

    response = committed(request_export)
    assert response.status_code == 202, response.content
    export_id = response.json()["id"]
    assert response.json()["status"] == "queued"
    try:
        export = wait_until_finished(export_id, site.location.schema_name, worker)

        assert export.status == Export.Status.DONE, worker.log_path.read_text(errors="replace")[-5000:]
        assert export.schema_seen_by_worker == site.location.schema_name
        assert export.schema_seen_by_worker != world.b.location.schema_name
        export_file = Path(settings.EXPORT_ROOT) / export.file_name
        assert export_file.is_file()  # written by the worker into the folder it was given
        data = json.loads(export_file.read_text())
        assert data["location"]["slug"] == site.location.slug
        children = {(c["fields"]["first_name"], c["fields"]["last_name"])
                    for c in data["tables"]["children.Child"]}
        assert tuple(site.child_name.split(" ", 1)) in children
        assert tuple(world.b.child_name.split(" ", 1)) not in children
        text = export_file.read_text()
        assert world.b.child_name.split(" ")[0] not in text  # "Bram": beta's child is nowhere
        assert "Finn" not in text  # the two-location parent's child at beta

        # The entrepreneur downloads what the worker built (same session, so again from a thread).
        def download():
            response = client.get(f"/api/v1/exports/{export_id}/download/")
            return response.status_code, b"".join(response.streaming_content)

        status_code, content = committed(download)
        assert status_code == 200
        assert content == export_file.read_bytes()
    finally:
        def clean_up():
            with schema_context(site.location.schema_name):
                Export.objects.filter(pk=export_id).delete()
            Delivery.objects.filter(kind="exports.build", payload__export=export_id).delete()
            client.logout()
            # What logging in left behind in the public schema.
            AccessLog.objects.filter(username=site.entrepreneur.email, attempt_time__gte=started).delete()
            User.objects.filter(pk=site.entrepreneur.pk).update(last_login=last_login)

        committed(clean_up)


def _settings_in_subprocess(tmp_path, **env_overrides) -> dict:
    """Load the settings and the Celery app in a fresh process, as a worker would, and report the broker."""
    env = {**os.environ, "DJANGO_ENV": "test", "DATABASE_URL": database_url(connection.settings_dict),
           "PYTHONPATH": os.pathsep.join([str(BASE_DIR / "platform"), str(BASE_DIR)])}
    for key, value in env_overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    script = (
        "import json, django\n"
        "django.setup()\n"
        "from django.conf import settings\n"
        "from config.celery import app\n"
        "print(json.dumps({'setting': settings.CELERY_BROKER_URL, 'celery': app.conf.broker_url,"
        " 'options': app.conf.broker_transport_options,"
        " 'eager': app.conf.task_always_eager, 'queue': app.conf.task_default_queue}))\n"
    )
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_filesystem_broker_is_chosen_without_redis_url(tmp_path):
    broker_dir = tmp_path / "broker"
    config = _settings_in_subprocess(tmp_path, REDIS_URL=None, BROKER_DIR=str(broker_dir), CELERY_QUEUE="q-1")

    assert config["setting"] == "filesystem://"
    assert config["celery"].startswith("filesystem://")
    assert config["options"]["data_folder_in"] == str(broker_dir / "queue")
    assert config["options"]["data_folder_out"] == str(broker_dir / "queue")
    assert config["options"]["control_folder"] == str(broker_dir / "control")
    for folder in ("queue", "processed", "control"):
        assert (broker_dir / folder).is_dir()  # kombu does not create them itself
    assert config["eager"] is False
    assert config["queue"] == "q-1"


def test_filesystem_broker_defaults_to_var_broker(tmp_path):
    config = _settings_in_subprocess(tmp_path, REDIS_URL=None, BROKER_DIR=None)

    assert config["setting"] == "filesystem://"
    assert config["options"]["data_folder_in"] == str(BASE_DIR / "var" / "broker" / "queue")


def test_redis_is_chosen_when_redis_url_is_set(tmp_path):
    config = _settings_in_subprocess(tmp_path, REDIS_URL="redis://127.0.0.1:6379/9", BROKER_DIR=None)

    assert config["setting"] == "redis://127.0.0.1:6379/9"
    assert config["celery"].startswith("redis://127.0.0.1:6379/9")
    assert config["options"] == {}
    assert config["eager"] is False
