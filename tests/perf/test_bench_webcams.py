"""Webcam media processes (issue 18 acceptance; run by `make bench NAME=webcams`): the CPU that N live test
cameras take, each its own ffmpeg from Debian reading the test picture with its clock (320x240, 10 frames a
second) and writing 1-second HLS segments, as the supervisor runs them in production.

Measured: CPU seconds (user + system, from /proc/<pid>/stat of every ffmpeg) per wall-clock second, after a
warm-up. Target: at most one core per four cameras (0.25 core per camera). Sizes: BENCH_WEBCAMS_CAMERAS (8; 4
in a quick run), BENCH_WEBCAMS_SECONDS (20; 6).
"""
import os
import time

from tests.perf.conftest import record, size

CAMERAS = int(size("BENCH_WEBCAMS_CAMERAS", 8, 4))
SECONDS = float(size("BENCH_WEBCAMS_SECONDS", 20.0, 6.0))
WARM_UP = 3.0
TARGET_CORE_PER_CAMERA = 0.25
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def test_four_live_cameras_take_at_most_one_core(bench_db, tmp_path):
    from tenants.webcams.stream import media
    from tenants.webcams.stream.supervisor import Supervisor, Wanted

    supervisor = Supervisor(tmp_path)
    try:
        supervisor.sync("bench", {camera: Wanted(media.TEST_SOURCE, "Europe/Amsterdam")
                                  for camera in range(1, CAMERAS + 1)})
        time.sleep(WARM_UP)
        pids = list(supervisor.pids().values())
        before, started = sum(cpu_seconds(pid) for pid in pids), time.monotonic()
        time.sleep(SECONDS)
        used, wall = sum(cpu_seconds(pid) for pid in pids) - before, time.monotonic() - started
        alive = sum(entry.process.alive for entry in supervisor.running.values())
        segments = len(list(tmp_path.glob("bench/*/seg*.ts")))
    finally:
        supervisor.stop_all()
    cores = used / wall
    per_camera = cores / CAMERAS
    record("webcams_cpu", f"{CAMERAS} live test cameras (320x240, 10 fps, HLS)",
           f"{cores:.3f} cores: {per_camera:.3f} core per camera, {4 * per_camera:.2f} per four "
           f"(target ≤ 1: {'met' if per_camera <= TARGET_CORE_PER_CAMERA else 'MISSED'}); {wall:.0f} s measured",
           cameras=CAMERAS, seconds=wall, cpu_seconds=used, core_per_camera=per_camera)
    assert alive == CAMERAS
    assert segments <= CAMERAS * (media.PLAYLIST_SEGMENTS + 2), "only the live buffer is kept"
    assert per_camera <= TARGET_CORE_PER_CAMERA
