"""`manage.py run_webcams`: the media supervisor's loop (the `webcams` service of the compose file and the
Kubernetes manifests; `make run` starts it beside the web server). See tenants/webcams/stream/supervisor.py."""
import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import connection

from tenants.webcams.stream.supervisor import Supervisor

logger = logging.getLogger(__name__)

#: Seconds between two sweeps that end the views whose browser stopped asking.
STALE_EVERY = 30.0


class Command(BaseCommand):
    help = "Run one media process per live camera: start, stop and restart them every few seconds."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between two rounds (default 2)")
        parser.add_argument("--once", action="store_true", help="one round, then stop every process and exit")

    def handle(self, *args, interval: float, once: bool, **options):
        supervisor = Supervisor()
        supervisor.clear()  # a buffer a stopped supervisor left behind is not kept either
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"Webcams: media processes under {supervisor.root}, a round every {interval:g} s")
        last_cleanup = 0.0
        try:
            while not stopping:
                started = time.monotonic()
                try:
                    report = supervisor.tick()
                    if started - last_cleanup >= STALE_EVERY:
                        self._close_stale_views()
                        last_cleanup = started
                except Exception:  # noqa: BLE001 - the database away: try again next round, streams stopped
                    logger.exception("webcams: a round failed; every media process is stopped until the next")
                    supervisor.stop_all()
                    connection.close()
                    report = {}
                changed = {slug: what for slug, what in report.items()
                           if isinstance(what, str) or any(what.values())}
                if changed:
                    logger.info("webcams: %s", changed)
                if once:
                    break
                while not stopping and time.monotonic() - started < interval:
                    time.sleep(0.1)
        finally:
            supervisor.stop_all()
            connection.close()

    def _close_stale_views(self):
        """Views whose browser stopped asking end at their last sign of life, at every location."""
        from django_tenants.utils import tenant_context

        from cooperative.jobs import active_locations
        from tenants.webcams import services

        for location in active_locations():
            try:
                with tenant_context(location):
                    services.close_stale_views()
            except Exception:  # noqa: BLE001 - one location's fault is its own
                logger.warning("webcams: closing stale views failed at %s", location.slug)
