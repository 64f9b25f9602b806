"""The supervisor runs one media process (the real ffmpeg, test picture) per live camera: it starts it, keeps only a
few seconds of live buffer, stops it when the camera should no longer stream, restarts it after a crash (waiting
longer after crashes in a row) and handles each location on its own (issue 18 point 4 and acceptance)."""
import os
import signal
import time
from types import SimpleNamespace

import pytest

from tenants.webcams.stream import media, supervisor
from tenants.webcams.stream.supervisor import Supervisor, Wanted

TEST_CAMERA = Wanted(media.TEST_SOURCE, "Europe/Amsterdam")


class Clock:
    def __init__(self):
        self.ahead = 0.0

    def __call__(self):
        return time.monotonic() + self.ahead


def wait_for(condition, seconds=8.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("waited in vain")


def media_sequence(folder):
    playlist = folder / media.PLAYLIST
    if not playlist.exists():
        return -1
    for line in playlist.read_text().splitlines():
        if line.startswith("#EXT-X-MEDIA-SEQUENCE:"):
            return int(line.split(":")[1])
    return -1


@pytest.fixture
def guard(tmp_path):
    clock = Clock()
    running = Supervisor(tmp_path, clock=clock)
    running.clock_ = clock
    yield running
    running.stop_all()


def test_a_live_camera_streams_a_few_seconds_and_nothing_more(guard, tmp_path):
    assert guard.sync("kikker", {3: TEST_CAMERA}) == {"started": [3], "stopped": [], "restarted": []}
    folder = supervisor.camera_folder("kikker", 3, tmp_path)
    assert folder == tmp_path / "kikker" / "3"
    wait_for(lambda: media_sequence(folder) >= 4, seconds=12)
    segments = sorted(folder.glob("seg*.ts"))
    # the playlist's four and the one being replaced: old ones are deleted as new ones come
    assert 4 <= len(segments) <= media.PLAYLIST_SEGMENTS + 2, segments
    assert not (folder / "seg0.ts").exists()
    assert guard.sync("kikker", {3: TEST_CAMERA}) == {"started": [], "stopped": [], "restarted": []}

    process = guard.running[("kikker", 3)].process.process
    assert guard.sync("kikker", {}) == {"started": [], "stopped": [3], "restarted": []}
    assert process.poll() is not None, "ffmpeg is stopped"
    assert not folder.exists(), "the live buffer is gone with the process"


def test_a_crashed_media_process_is_restarted_later_after_crashes_in_a_row(guard, tmp_path):
    guard.sync("kikker", {3: TEST_CAMERA})
    first = guard.pids()[("kikker", 3)]
    os.killpg(first, signal.SIGKILL)
    wait_for(lambda: not guard.running[("kikker", 3)].process.alive)
    assert guard.sync("kikker", {3: TEST_CAMERA})["restarted"] == [3], "the first crash: at once"
    second = guard.pids()[("kikker", 3)]
    assert second != first and guard.running[("kikker", 3)].process.alive

    os.killpg(second, signal.SIGKILL)
    wait_for(lambda: not guard.running[("kikker", 3)].process.alive)
    assert guard.sync("kikker", {3: TEST_CAMERA})["restarted"] == [], "a second crash in a row: after a pause"
    guard.clock_.ahead = supervisor.RESTART_DELAYS[1]
    assert guard.sync("kikker", {3: TEST_CAMERA})["restarted"] == [3]
    wait_for(lambda: media_sequence(supervisor.camera_folder("kikker", 3, tmp_path)) >= 0)


def test_a_camera_that_is_paused_or_ends_its_window_stops_the_others_go_on(guard):
    guard.sync("kikker", {3: TEST_CAMERA, 4: TEST_CAMERA})
    guard.sync("regenboog", {3: TEST_CAMERA})
    assert guard.sync("kikker", {4: TEST_CAMERA})["stopped"] == [3]
    assert set(guard.pids()) == {("kikker", 4), ("regenboog", 3)}


def test_a_changed_source_restarts_the_process(guard):
    guard.sync("kikker", {3: TEST_CAMERA})
    moved = Wanted(media.TEST_SOURCE, "Europe/Brussels")
    assert guard.sync("kikker", {3: moved}) == {"started": [3], "stopped": [3], "restarted": []}


@pytest.mark.parametrize("source", ["file:///etc/passwd", "/dev/video0", "", "concat:a|b"])
def test_a_source_that_is_no_camera_address_is_not_started(guard, source):
    assert guard.sync("kikker", {3: Wanted(source)})["started"] == []
    assert guard.pids() == {}


def test_real_cameras_are_read_over_tcp_reencoded_without_sound(tmp_path):
    argv = media.command("rtsp://user:secret@192.0.2.10:554/stream1", tmp_path)
    assert argv[argv.index("-rtsp_transport") + 1] == "tcp"
    assert "-an" in argv and argv[argv.index("-c:v") + 1] == "libx264"
    assert argv[argv.index("-hls_list_size") + 1] == str(media.PLAYLIST_SEGMENTS)
    assert "delete_segments" in argv[argv.index("-hls_flags") + 1]
    assert media.redact("rtsp://user:secret@192.0.2.10:554/x: Connection refused") == \
        "rtsp://***@192.0.2.10:554/x: Connection refused"


def test_each_location_is_handled_on_its_own(guard, monkeypatch):
    import django_tenants.utils

    class Broken(Exception):
        pass

    def wanted(location, at):
        if location.slug == "kapot":
            raise Broken
        return {1: TEST_CAMERA}

    monkeypatch.setattr(django_tenants.utils, "tenant_context", lambda location: _nothing())
    monkeypatch.setattr(supervisor, "wanted_cameras", wanted)
    guard.sync("kapot", {9: TEST_CAMERA})  # streaming before its location became unreadable
    places = [SimpleNamespace(slug=slug, schema_name=slug) for slug in ("kapot", "kikker")]
    report = guard.tick(at=object(), locations=places)
    assert report == {"kapot": "Broken", "kikker": {"started": [1], "stopped": [], "restarted": []}}
    assert set(guard.pids()) == {("kikker", 1)}, "no stream without a fresh yes"
    assert guard.tick(at=object(), locations=[]) == {} and guard.pids() == {}, "a location gone: stopped"


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
