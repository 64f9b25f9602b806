"""Fault: the broker (Redis) is down while people work; later it is back.

Verdict wanted: the pages answer as usual and quickly (what they save is saved), the side effects wait in the
outbox, and once the broker is back the worker delivers each of them exactly once. What makes it hold: the outbox
row is written with the action (outbox.services.enqueue) and publishing never raises (outbox.services.publish);
the sweep (outbox.sweep, every few minutes from beat) hands what is waiting to a worker.

A Redis server of the case's own on a free port plays the broker, so it can be stopped and started; a real Celery
worker delivers the e-mails into files (EMAIL_URL filemail://), so each e-mail can be counted."""
import subprocess
import time

import pytest
from django.test import Client

from tests.conftest import in_a_thread
from tests.faults.conftest import Broker, Workers, wait_for
from tests.servers import free_port


class RedisServer:
    def __init__(self, tmp_path):
        self.port, self.dir, self.process = free_port(), tmp_path, None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.dir)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        import redis

        client = redis.Redis.from_url(self.url)
        wait_for(lambda: _pings(client), seconds=20, what="redis to start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def _pings(client) -> bool:
    try:
        return client.ping()
    except Exception:
        return False


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def _announce(site, title: str):
    client = Client(HTTP_HOST=site.host)
    client.force_login(site.entrepreneur)
    started = time.monotonic()
    response = client.post("/announcements/new/", {"title": title, "body": "Vrijdag gesloten", "group": ""})
    return response.status_code, time.monotonic() - started


def _cleanup(title: str):
    from django_tenants.utils import schema_context

    from cooperative.models import Location
    from outbox.models import Delivery
    from tenants.messages.models import Announcement

    for location in Location.objects.exclude(schema_name="public"):
        with schema_context(location.schema_name):
            for announcement in Announcement.objects.filter(title=title):
                Delivery.objects.filter(ref__endswith=f":{announcement.pk}", location=location).delete()
                announcement.delete()


def test_pages_answer_while_the_broker_is_down_and_the_work_is_done_once_it_is_back(world, redis_server,
                                                                                     tmp_path):
    from django_tenants.utils import schema_context

    from outbox.models import Delivery
    from outbox.tasks import sweep
    from tenants.messages.models import Announcement

    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    broker = Broker(tmp_path, redis_server.url)
    workers = Workers(broker, tmp_path, EMAIL_URL=f"filemail:///{mail_dir}")
    title = f"Studiedag {time.monotonic_ns()}"
    try:
        workers.start()
        redis_server.stop()

        status, seconds = in_a_thread(_announce, world.a, title)
        assert status == 302, "the page did not answer while the broker was down"
        assert seconds < 5, f"the page waited {seconds:.1f} s for the broker"
        with schema_context(world.a.location.schema_name):
            announcement = Announcement.objects.get(title=title)
        waiting = Delivery.objects.filter(location=world.a.location, ref__endswith=f":{announcement.pk}")
        assert waiting.count() >= 2 and not waiting.exclude(status="pending").exists()

        redis_server.start()
        sweep.apply_async(queue=broker.queue)
        wait_for(lambda: not waiting.exclude(status="sent").exists(), seconds=120,
                 what="the waiting e-mails to be delivered", interval=0.2, log=workers.log)
        sweep.apply_async(queue=broker.queue)  # a second sweep finds nothing left to do
        time.sleep(2)
        files = [path.read_text(errors="replace") for path in mail_dir.iterdir()]
        recipients = sorted(line.split(":", 1)[1].strip() for text in files for line in text.splitlines()
                            if line.startswith("To:"))
        assert recipients == sorted([world.a.parent.email, world.two_location_parent.email]), recipients
    finally:
        workers.stop_all()
        broker.restore()
        in_a_thread(_cleanup, title)
