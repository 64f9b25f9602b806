"""Who may watch which camera now: the one door to a live stream (issue 18 point 3).

`watchable_camera(user, camera_id, at=, guest_token=)` loads a parent-view camera for this viewer or refuses:
Http404 when the camera is not there for them at all (no such camera, a security camera, no child of theirs
in its group, not a parent here), `NotWatchable` (a PermissionDenied with a `reason` from rules) when it is
theirs but not now (closed today, outside the window, child not present, paused, full, protocol not read).
The stream's playlist and segment views call it at every refresh; `live_cameras(at)` tells the media
supervisor which cameras should be streaming.

A guest (a grandparent's single-use link) has no account: the link is opened once, in one browser, which keeps
a secret in its session (GUEST_SESSION_KEY); that secret is the `guest_token` here. The inviting parent must
still be allowed to watch (their child present in the group) at every check.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from accounts.roles import PARENT, roles_for
from tenants.calendar import selectors as calendar
from tenants.webcams import rules, selectors
from tenants.webcams.models import Camera, GuestInvite

GUEST_SESSION_KEY = "webcams_guest"


@dataclass(frozen=True)
class Watch:
    camera: Camera
    window_end: datetime
    viewer_key: str  # "user:<id>" or "guest:<invite id>": what the stream token is bound to
    viewer_id: int | None = None
    guest_id: int | None = None


class NotWatchable(PermissionDenied):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def guest_invite(guest_token: str, at: datetime) -> GuestInvite | None:
    """The opened, valid invite whose browser secret is `guest_token`, or None."""
    invite = GuestInvite.objects.filter(session_hash=secret_hash(guest_token), used_at__isnull=False) \
        .select_related("camera").first()
    if invite is None or invite.revoked_at is not None or at >= invite.expires_at:
        return None
    if not selectors.webcam_settings().guest_invites_allowed:
        return None
    return invite


def decide(camera: Camera, parent, at: datetime, viewer_key: str, *,
           protocol_read: bool) -> tuple[str, datetime | None]:
    """(rules reason, window end) for `parent` (or the parent who invited a guest) at `at`."""
    moment = selectors.local(at)
    window = rules.open_window(selectors.windows_of(camera), moment, open_today=calendar.is_open(moment.date()))
    facts = rules.WatchFacts(
        purpose=camera.purpose, is_active=camera.is_active,
        children_in_group=len(set(selectors.children_of_in_group(parent, camera.group_id))
                              | set(selectors.present_in_group(parent, camera.group_id, moment.date()))),
        checked_in_in_group=len(selectors.present_in_group(parent, camera.group_id, moment.date())),
        open_today=calendar.is_open(moment.date()), in_window=window is not None,
        paused=rules.is_paused(camera.paused_until, at), other_viewers=selectors.other_viewers(camera, viewer_key, at),
        max_viewers=camera.max_viewers, protocol_read=protocol_read)
    return rules.may_watch(facts), (window[1] if window else None)


def watchable_camera(user, camera_id, *, at: datetime | None = None, guest_token: str | None = None) -> Watch:
    at = at or timezone.now()
    location = calendar.current_location()
    if not location.is_active:
        raise Http404
    try:
        camera = Camera.objects.select_related("group").prefetch_related("windows").get(
            pk=int(camera_id), purpose=rules.PARENT_VIEW)
    except (Camera.DoesNotExist, TypeError, ValueError):
        raise Http404 from None
    if guest_token:
        invite = guest_invite(guest_token, at)
        if invite is None or invite.camera_id != camera.pk:
            raise Http404
        from accounts.models import User

        parent = User.objects.filter(pk=invite.invited_by_id, is_active=True).first()
        if parent is None or PARENT not in roles_for(parent, location):
            raise Http404
        key = f"guest:{invite.pk}"
        reason, end = decide(camera, parent, at, key, protocol_read=True)
        if reason == rules.OK and at < invite.starts_at:
            reason = rules.OUTSIDE_WINDOW
        watch_end = min(end, invite.expires_at) if end else None
        viewer_id, guest_id = None, invite.pk
    else:
        if user is None or not user.is_authenticated or PARENT not in roles_for(user, location):
            raise Http404
        key = f"user:{user.pk}"
        reason, watch_end = decide(camera, user, at, key, protocol_read=selectors.has_read_protocol(user))
        viewer_id, guest_id = user.pk, None
    if reason in (rules.NO_CHILD_IN_GROUP, rules.NOT_A_PARENT_CAMERA, rules.INACTIVE):
        raise Http404
    if reason != rules.OK:
        raise NotWatchable(reason)
    return Watch(camera=camera, window_end=watch_end, viewer_key=key, viewer_id=viewer_id, guest_id=guest_id)


def watch_for_request(request, camera_id, *, at: datetime | None = None) -> Watch:
    """watchable_camera for a request: the logged-in parent, or the guest whose browser opened a link (also when
    that browser happens to be logged in as someone without a child here)."""
    guest = request.session.get(GUEST_SESSION_KEY) if hasattr(request, "session") else None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        try:
            return watchable_camera(user, camera_id, at=at)
        except Http404:
            if not guest:
                raise
    return watchable_camera(None, camera_id, at=at, guest_token=guest or None)


def live_cameras(at: datetime | None = None) -> list[Camera]:
    """Parent-view cameras that should be streaming at `at` in the current schema: in use, in a live window on
    an open day, not paused. (The media supervisor starts these and stops the others.)"""
    at = at or timezone.now()
    moment = selectors.local(at)
    if not calendar.is_open(moment.date()):
        return []
    return [camera for camera in selectors.parent_cameras()
            if not rules.is_paused(camera.paused_until, at)
            and rules.open_window(selectors.windows_of(camera), moment, open_today=True) is not None]
