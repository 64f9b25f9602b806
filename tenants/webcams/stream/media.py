"""One media process (mediaproces) per live camera: ffmpeg reads the camera and writes HLS.

ffmpeg writes 1-second MPEG-TS segments and a rolling playlist of four into the camera's own folder
(`<WEBCAMS_STREAM_ROOT>/<schema>/<camera id>/`) and deletes older segments as it goes, so nothing of the
stream outlives the few seconds of live buffer; the folder is emptied when the process starts and removed when
it stops. No sound is taken (`-an`). The demo and test source `testsrc://` is ffmpeg's test picture with the
location's local time drawn into it, at 320x240 and 10 frames a second; a real camera (rtsp://, http(s)://)
is re-encoded to H.264 at most 480 lines high and 10 frames a second, the codec every browser plays.

Kept free of the database: the supervisor hands in the source and the folder.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

FFMPEG = "ffmpeg"
PLAYLIST = "live.m3u8"
TEST_SOURCE = "testsrc://"
SEGMENT_SECONDS = 1
PLAYLIST_SEGMENTS = 4
FPS = 10
TEST_SIZE = "320x240"
MAX_LINES = 480
SEGMENT_NAME = re.compile(r"^seg\d{1,9}\.ts$")
SCHEMES = ("rtsp://", "rtsps://", "http://", "https://")


class SourceRefused(ValueError):
    """The camera's source is no address the media process reads."""


def redact(text: str) -> str:
    """Text without the user and password of any address in it (ffmpeg prints the source in its errors)."""
    return re.sub(r"(\w+://)[^/@\s]+@", r"\1***@", text)


def input_args(source: str, *, time_zone: str = "") -> list[str]:
    """ffmpeg's input arguments (and the picture filter) for a camera source."""
    source = (source or "").strip()
    if source == TEST_SOURCE or source.startswith(TEST_SOURCE):
        # ffmpeg's test picture, with the clock of the location (TZ in the environment) in the lower left.
        clock = ("drawtext=text='%{localtime\\:%H\\\\\\:%M\\\\\\:%S}':fontcolor=white:fontsize=30:"
                 "box=1:boxcolor=black@0.7:boxborderw=4:x=8:y=h-th-12")
        return ["-re", "-f", "lavfi", "-i", f"testsrc2=size={TEST_SIZE}:rate={FPS},{clock}"]
    if not source.lower().startswith(SCHEMES):
        raise SourceRefused("source")
    args = []
    if source.lower().startswith(("rtsp://", "rtsps://")):
        args += ["-rtsp_transport", "tcp", "-timeout", "5000000"]
    else:
        args += ["-rw_timeout", "5000000", "-reconnect", "1", "-reconnect_streamed", "1"]
    return args + ["-i", source, "-vf", f"fps={FPS},scale=-2:'min({MAX_LINES},ih)'"]


def command(source: str, folder: Path, *, time_zone: str = "") -> list[str]:
    """The whole ffmpeg command line: input, H.264 without sound, and the rolling HLS playlist."""
    return [
        FFMPEG, "-hide_banner", "-nostdin", "-loglevel", "error",
        *input_args(source, time_zone=time_zone),
        "-an", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-profile:v", "baseline",
        "-pix_fmt", "yuv420p", "-g", str(FPS * SEGMENT_SECONDS), "-keyint_min", str(FPS * SEGMENT_SECONDS),
        "-sc_threshold", "0", "-threads", "1",
        "-f", "hls", "-hls_time", str(SEGMENT_SECONDS), "-hls_list_size", str(PLAYLIST_SEGMENTS),
        "-hls_delete_threshold", "1",
        "-hls_flags", "delete_segments+omit_endlist+independent_segments+temp_file",
        "-hls_segment_filename", str(folder / "seg%d.ts"),
        str(folder / PLAYLIST),
    ]


def empty(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """ffmpeg gets SIGKILL when the supervisor dies, however it dies (Linux; elsewhere nothing)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class MediaProcess:
    """A running ffmpeg for one camera; `alive` tells whether it still runs, `stop` ends it and clears its folder."""

    source: str
    folder: Path
    time_zone: str = ""
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    errors: deque = field(default_factory=lambda: deque(maxlen=20))

    def start(self) -> MediaProcess:
        argv = command(self.source, self.folder, time_zone=self.time_zone)
        empty(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, **({"TZ": self.time_zone} if self.time_zone else {})}
        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, env=env, start_new_session=True,
                                        preexec_fn=_die_with_parent)  # noqa: PLW1509
        self.started_at = time.monotonic()
        threading.Thread(target=self._read_errors, daemon=True).start()
        return self

    def _read_errors(self) -> None:
        for line in self.process.stderr:
            self.errors.append(redact(line.decode("utf-8", "replace").rstrip()))

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 3.0) -> None:
        """End ffmpeg (SIGTERM, then SIGKILL) and remove the folder: nothing is kept."""
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)
            except ProcessLookupError:
                pass
        empty(self.folder)

    def last_error(self) -> str:
        return self.errors[-1] if self.errors else ""


def rewrite_playlist(text: str, address) -> str:
    """ffmpeg's playlist with each segment line replaced by address(name); any other line that is no tag is left
    out, so the playlist never points anywhere but at this camera's own segments."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            lines.append(line)
        elif SEGMENT_NAME.match(line.rsplit("/", 1)[-1]):
            lines.append(address(line.rsplit("/", 1)[-1]))
    return "\n".join(lines) + "\n"
