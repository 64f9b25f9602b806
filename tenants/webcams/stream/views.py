"""The stream's addresses: the player's start (state and playlist address), the playlist rewritten with fresh
tokens, the segments, and the end of a view.

Every refusal of the playlist and the segments is a bare 403 (no body, nothing about why); nothing is cached.
The start answers the player in JSON with the state it shows ("live", "paused": "even pauze", "not_live",
"full", "protocol") — only to a viewer the camera is meant for; anybody else gets the bare 403 too.
"""
from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from tenants.webcams import access, rules, services
from tenants.webcams.stream import media, tokens
from tenants.webcams.stream.supervisor import camera_folder

STATES = {rules.PAUSED: "paused", rules.FULL: "full", rules.PROTOCOL_NOT_READ: "protocol"}
PLAYLIST_TYPE = "application/vnd.apple.mpegurl"


def refused() -> HttpResponse:
    return HttpResponse(status=403, content=b"", content_type="text/plain")


def only(method: str):
    """Any other method is refused like everything else here: a bare 403 (not 405, which would tell more)."""
    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if request.method != method:
                return refused()
            return view(request, *args, **kwargs)
        return checked
    return decorate


def _session_key(request) -> str:
    return request.session.session_key or ""


def _schema() -> str:
    return connection.schema_name


def _token(request, watch) -> str:
    return tokens.issue(viewer_key=watch.viewer_key, session_key=_session_key(request), camera_id=watch.camera.pk,
                        schema=_schema(), window_end=watch.window_end)


def _grant(request, camera_id: int):
    return tokens.check(request.GET.get("t", ""), session_key=_session_key(request), camera_id=camera_id,
                        schema=_schema())


@login_not_required
@never_cache
@only("GET")
def start(request, camera_id: int):
    """The player asks whether it may show the camera now; when yes, the playlist's address with a token."""
    now = timezone.now()
    try:
        watch = access.watch_for_request(request, camera_id, at=now)
    except access.NotWatchable as refusal:
        return JsonResponse({"state": STATES.get(refusal.reason, "not_live")})
    except Http404:
        return refused()
    if not _session_key(request):
        return refused()
    services.record_view_start(watch, at=now)
    playlist = reverse("webcams-stream-playlist", args=[watch.camera.pk])
    return JsonResponse({"state": "live", "playlist": f"{playlist}?t={_token(request, watch)}",
                         "window_end": watch.window_end.isoformat()})


@login_not_required
@never_cache
@only("GET")
def playlist(request, camera_id: int):
    """The camera's live playlist, its segments' addresses each carrying a fresh token; checked at every fetch."""
    try:
        grant = _grant(request, camera_id)
        watch = access.watch_for_request(request, camera_id)
    except (tokens.BadToken, Http404, access.NotWatchable):
        return refused()
    if watch.viewer_key != grant.viewer_key:
        return refused()
    try:
        text = (camera_folder(_schema(), camera_id) / media.PLAYLIST).read_text()
    except OSError:  # the media process is starting: the player asks again
        return HttpResponse(status=404, content=b"", content_type="text/plain")
    services.record_view_start(watch)
    fresh = _token(request, watch)
    return HttpResponse(media.rewrite_playlist(text, lambda name: f"{name}?t={fresh}"), content_type=PLAYLIST_TYPE)


@login_not_required
@never_cache
@only("GET")
def segment(request, camera_id: int, name: str):
    """One segment of the live buffer, for a token of this session, camera and location."""
    if not media.SEGMENT_NAME.match(name):
        return refused()
    try:
        _grant(request, camera_id)
    except tokens.BadToken:
        return refused()
    try:
        handle = open(camera_folder(_schema(), camera_id) / name, "rb")  # noqa: SIM115 - FileResponse closes it
    except OSError:
        return HttpResponse(status=404, content=b"", content_type="text/plain")
    return FileResponse(handle, content_type="video/mp2t")


@login_not_required
@csrf_exempt  # the token (bound to this session, unknown to another site) stands in for the CSRF token
@never_cache
@only("POST")
def end(request, camera_id: int):
    """The page closed or the player stopped: the view ends now (else when it stops asking, see close_stale)."""
    try:
        grant = tokens.check(request.GET.get("t", ""), session_key=_session_key(request), camera_id=camera_id,
                             schema=_schema())
        watch = access.watch_for_request(request, camera_id)
    except (tokens.BadToken, Http404, access.NotWatchable):
        return refused()
    if watch.viewer_key == grant.viewer_key:
        services.record_view_end(watch)
    return HttpResponse(status=204)
