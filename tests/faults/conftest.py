"""The fault suite (make test-ops): real processes — Celery workers, a web server, Redis — broken while they work,
and what must hold afterwards: nothing lost, nothing doubled. Each case is a verdict in docs/reliability.md.

The data a case works on is committed (the worker and server processes see only committed rows), made on a
location of the case's own and removed again afterwards; `make test` leaves these out (they start processes and
take a minute or two)."""
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.conftest import in_a_thread
from tests.platform.test_background_task import _reset_celery_connections, filesystem_broker_options, start_worker


class Broker:
    """A queue of the case's own on the configured broker (Redis, or the filesystem transport in a folder)."""

    def __init__(self, tmp_path: Path, redis_url: str | None):
        from config.celery import app

        self.app = app
        self.queue = f"fault-{uuid.uuid4().hex[:10]}"
        self.env = {"CELERY_QUEUE": self.queue}
        self.saved = {key: app.conf[key] for key in ("task_default_queue", "broker_transport_options",
                                                     "broker_url")}
        app.conf.task_default_queue = self.queue
        if redis_url:
            self.env["REDIS_URL"] = redis_url
            app.conf.broker_url = redis_url
        else:
            folder = tmp_path / "broker"
            for name in ("queue", "processed", "control"):
                (folder / name).mkdir(parents=True, exist_ok=True)
            self.env["BROKER_DIR"] = str(folder)
            app.conf.broker_transport_options = filesystem_broker_options(folder)
        _reset_celery_connections()

    def restore(self):
        self.app.conf.update(self.saved)
        _reset_celery_connections()


@pytest.fixture
def broker(tmp_path):
    broker = Broker(tmp_path, settings.REDIS_URL or None)
    yield broker
    broker.restore()


class Workers:
    """`celery worker` processes (solo pool: the task runs in the process itself, so killing it kills the task)."""

    def __init__(self, broker: Broker, tmp_path: Path, **env):
        self.broker, self.tmp_path, self.env, self.processes = broker, tmp_path, env, []

    def start(self) -> subprocess.Popen:
        index = len(self.processes)
        process = start_worker(self.broker.env, self.tmp_path / f"worker-{index}.log",
                               f"{self.broker.queue}-{index}@%h", **self.env)
        self.processes.append(process)
        return process

    def log(self) -> str:
        return "\n".join(p.log_path.read_text(errors="replace")[-3000:] for p in self.processes)

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def workers(broker, tmp_path):
    workers = Workers(broker, tmp_path)
    yield workers
    workers.stop_all()


def wait_for(condition, *, seconds: float, what: str, interval: float = 0.05, log=lambda: ""):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    pytest.fail(f"{what} did not happen within {seconds} s\n{log()}")


def new_location(slug: str, fill=None, **facts):
    """A location of the case's own, committed (on a connection of its own, outside the test's transaction, which
    the worker and server processes would not see into); `fill(location)` adds what the case needs."""
    return in_a_thread(_new_location, slug, fill, facts)


def _new_location(slug: str, fill, facts: dict):
    from cooperative.models import Location
    from cooperative.services import NewLocation, provision_location

    drop_location(slug)
    provision_location(NewLocation(
        name=f"Fault {slug}", slug=slug, kind="kdv", jurisdiction="NL", entrepreneur_email=f"owner@{slug}.fault",
        entrepreneur_name=f"Owner {slug}", lrk_numbers={"kdv": "123456789"}, licensed_places=80, city="Utrecht",
        region="Fault", **facts), send_invitation=False)
    location = Location.objects.get(slug=slug)
    if fill is not None:
        fill(location)
    return location


def drop_location(slug: str) -> None:
    """The location, its schema and what refers to it are gone again (committed)."""
    in_a_thread(_drop_location, slug)


def _drop_location(slug: str) -> None:
    from cooperative.models import Location
    from outbox.models import Delivery

    location = Location.objects.filter(slug=slug).first()
    if location is None:
        return
    Delivery.objects.filter(location=location).delete()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{location.schema_name}" CASCADE')
    location.delete()  # the case's accounts stay, as accounts always do (deactivated, never deleted)


class Poller:
    """One open autocommit connection for polling a count many times a second."""

    def __init__(self):
        import psycopg

        settings_dict = connection.settings_dict
        self.db = psycopg.connect(dbname=settings_dict["NAME"], user=settings_dict["USER"] or None,
                                  password=settings_dict["PASSWORD"] or None, host=settings_dict["HOST"] or None,
                                  port=settings_dict["PORT"] or None, autocommit=True)

    def count(self, sql: str, params=()) -> int:
        return self.db.execute(sql, params).fetchone()[0]

    def close(self):
        self.db.close()


@pytest.fixture(autouse=True)
def _forget_job_runs():
    """The job runs a case makes (committed) are removed again, so the next suite's counts start clean."""
    from cooperative.models import JobRun

    before = in_a_thread(lambda: JobRun.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)
    yield
    in_a_thread(lambda: JobRun.objects.filter(pk__gt=before).delete())
