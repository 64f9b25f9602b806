"""The supervisor (bewaker van de mediaprocessen): one media process for each camera that should be live now.

Every few seconds `tick` asks each active location which of its cameras should stream now (the webcam app's
`access.live_cameras`: parent-view cameras in a live window on an open day, not paused), starts the missing
media processes, stops those no longer wanted (the window ended, the camera was paused or put out of use) and
restarts one that died, waiting a little longer after each crash of the same camera. Each location is handled
on its own: when one cannot be read its processes are stopped (no stream without a fresh yes) and the error is
logged and reported; the others go on. `manage.py run_webcams` runs the loop (the `webcams` service in
infra/compose.yaml and infra/k8s/webcams.yaml).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from tenants.webcams.stream import media

logger = logging.getLogger(__name__)

#: Seconds to wait before restarting a camera that crashed: doubles per crash in a row, up to the last.
RESTART_DELAYS = (0.0, 2.0, 5.0, 15.0, 60.0)
#: A process that ran this long before dying counts as a first crash again.
HEALTHY_AFTER = 60.0


def stream_root() -> Path:
    return Path(settings.WEBCAMS_STREAM_ROOT)


def camera_folder(schema: str, camera_id: int, root: Path | None = None) -> Path:
    """Where the media process of a location's camera writes its live buffer."""
    return (root or stream_root()) / schema / str(int(camera_id))


@dataclass(frozen=True)
class Wanted:
    """A camera that should stream now: its source (decrypted, never logged) and the location's time zone."""

    source: str
    time_zone: str = ""


@dataclass
class Running:
    wanted: Wanted
    process: media.MediaProcess
    crashes: int = 0
    retry_at: float = 0.0


class Supervisor:
    def __init__(self, root: Path | None = None, *, clock=time.monotonic):
        self.root = root or stream_root()
        self.clock = clock
        self.running: dict[tuple[str, int], Running] = {}

    # --- processes, free of the database -----------------------------------------------------------------

    def sync(self, schema: str, wanted: dict[int, Wanted]) -> dict[str, list[int]]:
        """Make the location's running processes exactly `wanted`; what was started, stopped and restarted."""
        done = {"started": [], "stopped": [], "restarted": []}
        for (where, camera_id) in [key for key in self.running if key[0] == schema]:
            entry = self.running[(where, camera_id)]
            if camera_id not in wanted or wanted[camera_id] != entry.wanted:
                self._stop((where, camera_id))
                done["stopped"].append(camera_id)
        for camera_id, want in wanted.items():
            key = (schema, camera_id)
            entry = self.running.get(key)
            if entry is None:
                try:
                    self.running[key] = Running(want, self._start(schema, camera_id, want))
                except media.SourceRefused:
                    logger.warning("camera %s at %s: its source is no rtsp:// or http(s):// address",
                                   camera_id, schema)
                    continue
                done["started"].append(camera_id)
            elif not entry.process.alive:
                now = self.clock()
                if entry.retry_at == 0.0:  # just found dead: note the crash, restart after the delay
                    ran = now - entry.process.started_at
                    entry.crashes = 1 if ran >= HEALTHY_AFTER else entry.crashes + 1
                    delay = RESTART_DELAYS[min(entry.crashes - 1, len(RESTART_DELAYS) - 1)]
                    entry.retry_at = now + delay
                    logger.warning("media process of camera %s at %s stopped (exit %s, crash %s in a row): %s",
                                   camera_id, schema, entry.process.process.returncode, entry.crashes,
                                   entry.process.last_error())
                if now >= entry.retry_at:
                    entry.process.stop()
                    entry.process = self._start(schema, camera_id, want)
                    entry.retry_at = 0.0
                    done["restarted"].append(camera_id)
        return done

    def _start(self, schema: str, camera_id: int, want: Wanted) -> media.MediaProcess:
        process = media.MediaProcess(want.source, camera_folder(schema, camera_id, self.root), want.time_zone)
        media.command(want.source, process.folder)  # refuses a source it cannot read before touching anything
        logger.info("starting the media process of camera %s at %s", camera_id, schema)
        return process.start()

    def _stop(self, key: tuple[str, int]) -> None:
        entry = self.running.pop(key)
        logger.info("stopping the media process of camera %s at %s", key[1], key[0])
        entry.process.stop()

    def stop_location(self, schema: str) -> list[int]:
        keys = [key for key in self.running if key[0] == schema]
        for key in keys:
            self._stop(key)
        return [camera_id for _schema, camera_id in keys]

    def clear(self) -> None:
        """Remove every camera folder under the root (what a supervisor that died left behind)."""
        if self.root.is_dir():
            for place in self.root.iterdir():
                media.empty(place)

    def stop_all(self) -> None:
        for key in list(self.running):
            self._stop(key)

    def pids(self, schema: str | None = None) -> dict[tuple[str, int], int]:
        return {key: entry.process.pid for key, entry in self.running.items()
                if schema is None or key[0] == schema}

    # --- the loop's step, per location -------------------------------------------------------------------

    def tick(self, at=None, locations=None) -> dict[str, dict | str]:
        """One round over the active locations; per location what changed, or the error's class."""
        from django.utils import timezone
        from django_tenants.utils import tenant_context

        from cooperative.jobs import active_locations

        at = at or timezone.now()
        report: dict[str, dict | str] = {}
        seen = set()
        for location in (active_locations() if locations is None else locations):
            seen.add(location.schema_name)
            try:
                with tenant_context(location):
                    wanted = wanted_cameras(location, at)
            except Exception as error:  # noqa: BLE001 - one location's fault is its own; the others go on
                stopped = self.stop_location(location.schema_name)
                report[location.slug] = type(error).__name__
                logger.warning("webcams at location %s could not be read (%s); stopped cameras %s",
                               location.slug, type(error).__name__, stopped)
                _report_to_sentry(error, location.slug)
                continue
            report[location.slug] = self.sync(location.schema_name, wanted)
        for schema in {key[0] for key in self.running} - seen:  # a location no longer active
            self.stop_location(schema)
        return report


def wanted_cameras(location, at) -> dict[int, Wanted]:
    """The location's cameras that should stream at `at` (in the location's schema)."""
    from tenants.attendance.selectors import location_zone
    from tenants.webcams.access import live_cameras

    zone = location_zone(location).key
    return {camera.pk: Wanted(camera.source, zone) for camera in live_cameras(at)}


def _report_to_sentry(error: BaseException, slug: str) -> None:
    import sentry_sdk

    if sentry_sdk.get_client().is_active():
        with sentry_sdk.new_scope() as scope:
            scope.set_tag("location", slug)
            scope.set_tag("job", "webcams")
            scope.capture_exception(error)
