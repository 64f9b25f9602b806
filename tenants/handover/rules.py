"""Rules of the daily handover (overdracht) as plain functions, without Django.

Seed 004 (quality code, "minimale ondergrens"): staff give a clear daily handover on the child's wellbeing —
eating, sleeping, behaviour. Sleep is recorded as times ("12:30-14:00, 15:15-15:45"), photos are small and
of a known image type, and a photo link lives a few minutes only.
"""
import re
from dataclasses import dataclass
from datetime import time


def gettext_noop(message: str) -> str:
    """Marks a text for translation (the service translates it for the reader)."""
    return message

PHOTO_LINK_SECONDS = 300  # a signed photo link can be opened for five minutes
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTOS = 6
PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
MAX_TEXT = 2000
MAX_REPLY = 1000

_NAP = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s*$")


@dataclass(frozen=True)
class Nap:
    start: time
    end: time

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    def as_text(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def parse_naps(text: str) -> tuple[list[Nap], list[str]]:
    """'12:30-14:00, 15:15-15:45' -> naps in order of time, or error messages (templates for gettext)."""
    naps: list[Nap] = []
    errors: list[str] = []
    for part in [p for p in re.split(r"[,;\n]", text or "") if p.strip()]:
        match = _NAP.match(part)
        if not match:
            errors.append(gettext_noop("Write sleep times as 12:30-14:00, separated by commas."))
            continue
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            errors.append(gettext_noop("Write sleep times as 12:30-14:00, separated by commas."))
            continue
        nap = Nap(time(h1, m1), time(h2, m2))
        if nap.minutes <= 0:
            errors.append(gettext_noop("A nap ends after it starts."))
            continue
        naps.append(nap)
    naps.sort(key=lambda n: n.start)
    for earlier, later in zip(naps, naps[1:], strict=False):
        if later.start < earlier.end:
            errors.append(gettext_noop("Two naps overlap."))
            break
    return (naps if not errors else []), sorted(set(errors))


def naps_to_json(naps: list[Nap]) -> list[dict]:
    return [{"start": f"{n.start:%H:%M}", "end": f"{n.end:%H:%M}"} for n in naps]


def naps_from_json(data) -> list[Nap]:
    return [Nap(time.fromisoformat(d["start"]), time.fromisoformat(d["end"])) for d in data or []]


def naps_text(data) -> str:
    return ", ".join(f"{d['start']}-{d['end']}" for d in data or [])


def photo_errors(content_type: str, size: int, existing: int) -> list[str]:
    """Why an uploaded photo is refused (empty list: accepted)."""
    errors = []
    if content_type not in PHOTO_TYPES:
        errors.append(gettext_noop("Only JPEG, PNG or WebP photos."))
    if size > MAX_PHOTO_BYTES:
        errors.append(gettext_noop("A photo may be at most 5 MB."))
    if existing >= MAX_PHOTOS:
        errors.append(gettext_noop("At most 6 photos per handover."))
    return errors


def sniff_image_type(head: bytes) -> str | None:
    """The image type from the file's first bytes (never trust the browser's Content-Type alone)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def has_content(fields: dict) -> bool:
    """A handover says something: at least one of the wellbeing fields or the message is filled in."""
    return any(str(v or "").strip() for v in fields.values())
