"""Stream tokens (kijktoken): a short-lived signed pass for one viewer, in one browser session, to one camera,
until the end of the live window.

A token carries the viewer's key, a hash of the session's key (never the key itself), the camera, the location's
schema, the window's end and the moment it was issued, signed with Django's SECRET_KEY under a salt of its own.
It is good for TTL seconds (under a minute) and never past the window's end. Every playlist fetch issues a fresh
one into the segment addresses, so a player that keeps watching keeps a fresh token, and a copied link stops
working within a minute, at once in another browser session, and at the end of the window.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import datetime

from django.core import signing

SALT = "opvangkring.webcams.stream"
#: Seconds a token is good for (the player refreshes it with every playlist, about once a second).
TTL = 45


class BadToken(Exception):
    """The token is forged, expired, past its window or not for this session, camera or location."""


@dataclass(frozen=True)
class Grant:
    viewer_key: str
    camera_id: int
    schema: str
    window_end: float  # POSIX seconds
    issued_at: float


def session_hash(session_key: str) -> str:
    return hashlib.sha256(f"{SALT}:{session_key}".encode()).hexdigest()[:32]


def _epoch(moment: datetime | float) -> float:
    return moment.timestamp() if isinstance(moment, datetime) else float(moment)


def issue(*, viewer_key: str, session_key: str, camera_id: int, schema: str, window_end: datetime | float,
          now: float | None = None) -> str:
    if not session_key:
        raise BadToken("no session")
    payload = {"v": viewer_key, "s": session_hash(session_key), "c": int(camera_id), "l": schema,
               "w": int(_epoch(window_end)), "t": int(now if now is not None else time.time())}
    return signing.Signer(salt=SALT).sign_object(payload, compress=True)


def check(token: str, *, session_key: str, camera_id: int, schema: str, now: float | None = None) -> Grant:
    """The token's grant, or BadToken when it is not good here and now."""
    now = now if now is not None else time.time()
    try:
        payload = signing.Signer(salt=SALT).unsign_object(token or "")
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken("signature") from error
    try:
        grant = Grant(str(payload["v"]), int(payload["c"]), str(payload["l"]), float(payload["w"]),
                      float(payload["t"]))
        bound_session = str(payload["s"])
    except (KeyError, TypeError, ValueError) as error:
        raise BadToken("payload") from error
    if not session_key or bound_session != session_hash(session_key):
        raise BadToken("session")
    if grant.camera_id != int(camera_id) or grant.schema != schema:
        raise BadToken("camera")
    if not (grant.issued_at - 5 <= now < grant.issued_at + TTL):
        raise BadToken("expired")
    if now >= grant.window_end:
        raise BadToken("window")
    return grant
