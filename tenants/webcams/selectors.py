"""Reads of the webcams, in the schema the connection is in, in the location's own time zone."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import Membership
from accounts.roles import ENTREPRENEUR
from tenants.attendance.models import AttendanceRecord
from tenants.attendance.selectors import location_zone
from tenants.calendar import selectors as calendar
from tenants.children.models import Child
from tenants.webcams import rules
from tenants.webcams.models import (
    Camera,
    GuestInvite,
    LiveWindow,
    ProtocolAcknowledgement,
    Recording,
    RecordingView,
    RecordingViewRequest,
    ViewLog,
    WebcamSettings,
)

#: A view whose browser has not asked for the stream for this long is no longer counted (nor open).
VIEW_STALE_SECONDS = 90


def webcam_settings() -> WebcamSettings:
    found = WebcamSettings.objects.first()
    return found or WebcamSettings.objects.create()


def local(moment: datetime | None = None) -> datetime:
    return (moment or timezone.now()).astimezone(location_zone())


def windows_of(camera: Camera) -> list[rules.Window]:
    return [rules.Window(w.weekday, w.start, w.end) for w in camera.windows.all()]


def open_window(camera: Camera, at: datetime | None = None) -> tuple[datetime, datetime] | None:
    moment = local(at)
    return rules.open_window(windows_of(camera), moment, open_today=calendar.is_open(moment.date()))


def parent_cameras():
    return Camera.objects.filter(purpose=rules.PARENT_VIEW, is_active=True).select_related("group") \
        .prefetch_related("windows")


def children_of_in_group(parent, group_id) -> list[int]:
    """The parent's children whose group is the camera's (their placement)."""
    if group_id is None:
        return []
    return list(Child.objects.filter(guardians=parent, group_id=group_id).values_list("pk", flat=True))


def present_in_group(parent, group_id, day) -> list[int]:
    """The parent's children present now in the group: a stay today, checked in and not yet checked out, in the
    group of the stay (or the child's group when the stay names none)."""
    if group_id is None:
        return []
    return list(AttendanceRecord.objects.filter(
        child__guardians=parent, date=day, check_out__isnull=True).filter(
        Q(group_id=group_id) | Q(group__isnull=True, child__group_id=group_id)).values_list("child_id", flat=True))


def other_viewers(camera: Camera, viewer_key: str, at: datetime) -> int:
    since = at - timedelta(seconds=VIEW_STALE_SECONDS)
    return (ViewLog.objects.filter(camera=camera, ended_at__isnull=True, last_seen_at__gte=since)
            .exclude(viewer_key=viewer_key).values("viewer_key").distinct().count())


def viewers_now(camera: Camera, at: datetime | None = None) -> int:
    return other_viewers(camera, "", at or timezone.now())


def has_read_protocol(user) -> bool:
    return ProtocolAcknowledgement.objects.filter(user_id=user.pk).exists()


def cameras_for_parent(parent) -> list[Camera]:
    """The parent-view cameras of the groups of the parent's children (what the live page lists)."""
    groups = set(Child.objects.filter(guardians=parent).exclude(group__isnull=True).values_list("group_id", flat=True))
    return list(parent_cameras().filter(group_id__in=groups))


def views_of(user):
    return ViewLog.objects.filter(viewer_id=user.pk).select_related("camera")


def invites_of(user):
    return GuestInvite.objects.filter(invited_by_id=user.pk).select_related("camera")


def invite_for_token_hash(token_hash: str) -> GuestInvite | None:
    return GuestInvite.objects.filter(token_hash=token_hash).select_related("camera").first()


def viewing_figures(since: datetime) -> list[dict]:
    """Per camera: views and distinct viewers since `since` (the entrepreneur's figures; no names)."""
    rows = (ViewLog.objects.filter(started_at__gte=since).values("camera_id")
            .annotate(views=Count("id"), viewers=Count("viewer_key", distinct=True)))
    return list(rows)


def directors() -> list[int]:
    """The location's directors (directie): its active entrepreneurs."""
    location = calendar.current_location()
    return list(Membership.objects.filter(location=location, role=ENTREPRENEUR, is_active=True)
                .values_list("user_id", flat=True))


def recordings():
    return Recording.objects.filter(deleted_at__isnull=True).select_related("camera")


def requests():
    return RecordingViewRequest.objects.select_related("recording", "recording__camera")


def recording_log():
    return RecordingView.objects.select_related("recording", "recording__camera", "request")


def windows_today(at: datetime | None = None) -> list[dict]:
    """Staff: every parent-view camera with today's windows, whether it is live now and paused."""
    moment = local(at)
    open_today = calendar.is_open(moment.date())
    rows = []
    for camera in parent_cameras().order_by("group__name", "name"):
        windows = [w for w in camera.windows.all() if w.weekday == moment.weekday()] if open_today else []
        window = rules.open_window(windows_of(camera), moment, open_today=open_today)
        rows.append({"camera": camera, "windows": windows, "live": window is not None,
                     "paused": rules.is_paused(camera.paused_until, moment)})
    return rows


def live_window_rows(camera: Camera) -> list[LiveWindow]:
    return list(camera.windows.all())
