"""Writes of the webcams: keyword-only, one transaction each, ValidationError naming the field."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tenants.calendar import selectors as calendar
from tenants.webcams import rules, selectors
from tenants.webcams.access import GUEST_SESSION_KEY, Watch, decide, secret_hash
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


def _purpose_error(code: str) -> ValidationError:
    messages = {
        "area_not_for_parent_view": _("Parents may only look at a play area, an eating corner or a sitting corner; "
                                      "never at a sleeping room, changing area, toilet, entrance or outside."),
        "area_not_for_security": _("A security camera may only film an entrance or outside."),
        "unknown_purpose": _("Choose a purpose."),
    }
    return ValidationError({"purpose": messages[code]})


# --- cameras ----------------------------------------------------------------------------------------------

@transaction.atomic
def save_camera(*, camera: Camera | None = None, name: str, area: str, purpose: str, group=None,
                source: str | None = None, max_viewers: int = 10, is_active: bool = True) -> Camera:
    """Add or change a camera. `source` None keeps the stored address (it is never shown again)."""
    if area not in Camera.Area.values:
        raise ValidationError({"area": _("Choose what the camera films.")})
    refusal = rules.purpose_refusal(area, purpose)
    if refusal:
        raise _purpose_error(refusal)
    if rules.needs_group(purpose) and group is None:
        raise ValidationError({"group": _("A camera parents look at shows one group: choose it.")})
    if not (name or "").strip():
        raise ValidationError({"name": _("Give the camera a name.")})
    if max_viewers is None or not 1 <= int(max_viewers) <= 100:
        raise ValidationError({"max_viewers": _("Between 1 and 100 viewers at once.")})
    if source is not None and source and not source.startswith(("rtsp://", "rtsps://", "http://", "https://",
                                                                "testsrc://")):
        raise ValidationError({"source": _("A stream address starts with rtsp://, rtsps://, http:// or https://.")})
    camera = camera or Camera()
    camera.name, camera.area, camera.purpose = name.strip(), area, purpose
    camera.group = group if rules.needs_group(purpose) else group
    camera.max_viewers, camera.is_active = int(max_viewers), is_active
    if source is not None:
        camera.source = source
    camera.full_clean(exclude=["source", "group"])
    camera.save()
    if purpose != rules.PARENT_VIEW:
        camera.windows.all().delete()
    return camera


@transaction.atomic
def add_window(*, camera: Camera, weekday: int, start, end) -> LiveWindow:
    if camera.purpose != rules.PARENT_VIEW:
        raise ValidationError({"camera": _("Only a camera for parents has live windows.")})
    if weekday not in range(7):
        raise ValidationError({"weekday": _("Choose a weekday.")})
    refusal = rules.window_refusal(start, end, calendar.opening_hours(weekday))
    if refusal == "end_before_start":
        raise ValidationError({"end": _("The window ends after it starts.")})
    if refusal == "closed_weekday":
        raise ValidationError({"weekday": _("The location is closed on that day: no live window then.")})
    if refusal == "outside_opening_hours":
        raise ValidationError({"start": _("A live window lies within the opening hours of that day.")})
    overlapping = camera.windows.filter(weekday=weekday, start__lt=end, end__gt=start).exists()
    if overlapping:
        raise ValidationError({"start": _("This window overlaps another window of this camera.")})
    return LiveWindow.objects.create(camera=camera, weekday=weekday, start=start, end=end)


@transaction.atomic
def remove_window(*, window: LiveWindow) -> None:
    window.delete()


@transaction.atomic
def pause_camera(*, camera: Camera, by, minutes: int, at: datetime | None = None) -> Camera:
    """Pause at once (a child upset, a nappy, a staff conversation): parents see "even pauze"."""
    if not 1 <= int(minutes) <= rules.MAX_PAUSE_MINUTES:
        raise ValidationError({"minutes": _("Pause for 1 minute up to 8 hours.")})
    camera.paused_until = (at or timezone.now()) + timedelta(minutes=int(minutes))
    camera.paused_by = by
    camera.save(update_fields=["paused_until", "paused_by"])
    return camera


@transaction.atomic
def resume_camera(*, camera: Camera, by) -> Camera:
    camera.paused_until = None
    camera.paused_by = by
    camera.save(update_fields=["paused_until", "paused_by"])
    return camera


@transaction.atomic
def update_settings(*, guest_invites_allowed: bool, retention_days: int) -> WebcamSettings:
    if retention_days is None or not 1 <= int(retention_days) <= rules.MAX_RETENTION_DAYS:
        raise ValidationError({"retention_days": _("Keep recordings for 1 to 30 days (never longer).")})
    found = selectors.webcam_settings()
    found.guest_invites_allowed = bool(guest_invites_allowed)
    found.retention_days = int(retention_days)
    found.save()
    return found


# --- watching ----------------------------------------------------------------------------------------------

@transaction.atomic
def acknowledge_protocol(*, user) -> None:
    ProtocolAcknowledgement.objects.get_or_create(user=user)


def record_view_start(watch: Watch, *, at: datetime | None = None) -> ViewLog:
    """Log a view, or keep the viewer's open view going (called at every playlist refresh)."""
    at = at or timezone.now()
    since = at - timedelta(seconds=selectors.VIEW_STALE_SECONDS)
    with transaction.atomic():
        log = (ViewLog.objects.select_for_update().filter(
            camera=watch.camera, viewer_key=watch.viewer_key, ended_at__isnull=True, last_seen_at__gte=since)
            .order_by("-started_at").first())
        if log is None:
            return ViewLog.objects.create(camera=watch.camera, viewer_id=watch.viewer_id, guest_id=watch.guest_id,
                                          viewer_key=watch.viewer_key, started_at=at, last_seen_at=at)
        log.last_seen_at = at
        log.save(update_fields=["last_seen_at"])
        return log


def record_view_end(watch: Watch, *, at: datetime | None = None) -> int:
    """End the viewer's open views of the camera (the page closed, the window ended, the camera paused)."""
    at = at or timezone.now()
    return ViewLog.objects.filter(camera=watch.camera, viewer_key=watch.viewer_key, ended_at__isnull=True) \
        .update(ended_at=at, last_seen_at=at)


def close_stale_views(*, at: datetime | None = None) -> int:
    """Views whose browser stopped asking end at their last sign of life."""
    at = at or timezone.now()
    stale = ViewLog.objects.filter(ended_at__isnull=True,
                                   last_seen_at__lt=at - timedelta(seconds=selectors.VIEW_STALE_SECONDS))
    count = 0
    for log in stale:
        log.ended_at = log.last_seen_at
        log.save(update_fields=["ended_at"])
        count += 1
    return count


# --- guest links --------------------------------------------------------------------------------------------

def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite_guest(*, parent, camera: Camera, guest_name: str, at: datetime | None = None) -> tuple[GuestInvite, str]:
    """A link for one guest for the window open now or the next one today; it expires at the window's end.
    Returns the invite and the token (shown once; only its hash is kept)."""
    at = at or timezone.now()
    if not selectors.webcam_settings().guest_invites_allowed:
        raise ValidationError({"camera": _("This location does not allow guest links.")})
    if not (guest_name or "").strip():
        raise ValidationError({"guest_name": _("Give the name of the person you invite.")})
    if camera.purpose != rules.PARENT_VIEW or not selectors.children_of_in_group(parent, camera.group_id):
        raise ValidationError({"camera": _("Choose a camera of your child's group.")})
    moment = selectors.local(at)
    if not calendar.is_open(moment.date()):
        raise ValidationError({"camera": _("The location is closed today.")})
    window = rules.open_window(selectors.windows_of(camera), moment, open_today=True)
    if window is None:
        nxt = rules.next_window(selectors.windows_of(camera), moment)
        if nxt is None:
            raise ValidationError({"camera": _("There is no live window left today for this camera.")})
        window = (moment.replace(hour=nxt.start.hour, minute=nxt.start.minute, second=0, microsecond=0),
                  moment.replace(hour=nxt.end.hour, minute=nxt.end.minute, second=0, microsecond=0))
    token = secrets.token_urlsafe(24)
    invite = GuestInvite.objects.create(camera=camera, invited_by=parent, guest_name=guest_name.strip()[:100],
                                        day=moment.date(), starts_at=window[0], expires_at=window[1],
                                        token_hash=_token_hash(token))
    return invite, token


def guest_link_state(token: str, session, at: datetime | None = None) -> tuple[GuestInvite | None, str | None]:
    """(invite, refusal) for a guest link opened in a browser with `session`."""
    at = at or timezone.now()
    invite = selectors.invite_for_token_hash(_token_hash(token))
    if invite is None:
        return None, "unknown"
    secret = session.get(GUEST_SESSION_KEY) or ""
    same = bool(secret) and invite.session_hash == secret_hash(secret)
    refusal = rules.guest_link_refusal(
        allowed=selectors.webcam_settings().guest_invites_allowed, used=invite.used_at is not None,
        revoked=invite.revoked_at is not None, now=at, starts_at=invite.starts_at, expires_at=invite.expires_at,
        same_browser=same)
    return invite, refusal


@transaction.atomic
def open_guest_link(*, token: str, session, at: datetime | None = None) -> GuestInvite:
    """The guest read the protocol and opens the link: it is bound to this browser and can never open again."""
    at = at or timezone.now()
    invite, refusal = guest_link_state(token, session, at)
    if refusal:
        raise ValidationError({"token": refusal})
    invite = GuestInvite.objects.select_for_update().get(pk=invite.pk)
    if invite.used_at is not None:
        secret = session.get(GUEST_SESSION_KEY) or ""
        if invite.session_hash != secret_hash(secret):
            raise ValidationError({"token": "used"})
        return invite
    secret = secrets.token_urlsafe(24)
    invite.used_at, invite.session_hash = at, secret_hash(secret)
    invite.save(update_fields=["used_at", "session_hash"])
    session[GUEST_SESSION_KEY] = secret
    return invite


@transaction.atomic
def revoke_invite(*, invite: GuestInvite, at: datetime | None = None) -> None:
    invite.revoked_at = at or timezone.now()
    invite.save(update_fields=["revoked_at"])
    ViewLog.objects.filter(guest=invite, ended_at__isnull=True).update(ended_at=invite.revoked_at)


def why_not(camera: Camera, parent, at: datetime | None = None) -> str:
    """The rules' reason for this parent and camera now (the live page's explanation)."""
    at = at or timezone.now()
    reason, _end = decide(camera, parent, at, f"user:{parent.pk}", protocol_read=True)
    return reason


# --- recordings (seed 003, camera protocol art. 4-5) ---------------------------------------------------------

@transaction.atomic
def request_recording_view(*, recording: Recording, by, motivation: str) -> RecordingViewRequest:
    if by.pk not in selectors.directors():
        raise ValidationError({"recording": _("Only a director of the location may ask to view a recording.")})
    if recording.deleted_at is not None:
        raise ValidationError({"recording": _("This recording has been deleted.")})
    if rules.motivation_refusal(motivation):
        raise ValidationError({"motivation": _("Write why the recording must be viewed (at least 20 characters).")})
    return RecordingViewRequest.objects.create(recording=recording, requested_by=by, motivation=motivation.strip())


@transaction.atomic
def decide_request(*, request: RecordingViewRequest, by, approve: bool, is_coop_admin: bool = False,
                   at: datetime | None = None) -> RecordingViewRequest:
    request = RecordingViewRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RecordingViewRequest.Status.REQUESTED:
        raise ValidationError({"status": _("This request has already been decided.")})
    directors = selectors.directors()
    refusal = rules.approval_refusal(requester_id=request.requested_by_id, approver_id=by.pk,
                                     approver_is_director=by.pk in directors, approver_is_coop_admin=is_coop_admin,
                                     directors=len(directors))
    if refusal == "own_request":
        raise ValidationError({"decided_by": _("A second director decides, not the one who asked.")})
    if refusal:
        raise ValidationError({"decided_by": _("Only a second director may decide.")})
    request.status = RecordingViewRequest.Status.APPROVED if approve else RecordingViewRequest.Status.REFUSED
    request.decided_by, request.decided_at = by, at or timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    return request


@transaction.atomic
def log_recording_view(*, request: RecordingViewRequest, by, kind: str = RecordingView.Kind.VIEW) -> RecordingView:
    """Allow one look (or export) at an approved recording by one of its directors, and log it."""
    if request.status != RecordingViewRequest.Status.APPROVED:
        raise ValidationError({"request": _("A second director must approve the request first.")})
    if by.pk not in selectors.directors() or by.pk not in (request.requested_by_id, request.decided_by_id):
        raise ValidationError({"request": _("Only the directors of this request may view the recording.")})
    recording = request.recording
    if recording.deleted_at is not None:
        raise ValidationError({"request": _("This recording has been deleted.")})
    return RecordingView.objects.create(request=request, recording=recording, viewer=by, kind=kind,
                                        motivation=request.motivation, sha256=recording.sha256)


def delete_expired_recordings(*, at: datetime | None = None) -> int:
    """Delete every recording past the location's retention (the file, then the reference); returns the count."""
    from tenants.webcams import storage

    at = at or timezone.now()
    days = rules.retention_days(selectors.webcam_settings().retention_days)
    count = 0
    for recording in Recording.objects.filter(deleted_at__isnull=True, ended_at__lt=at - timedelta(days=days)):
        if not rules.is_past_retention(recording.ended_at, at, days):
            continue
        storage.delete(recording.file)
        recording.file, recording.deleted_at = "", at
        recording.save(update_fields=["file", "deleted_at"])
        count += 1
    return count


def delete_expired_everywhere(only_failed: bool = False):
    """For the beat job: every active location in its own schema; one location's failure does not stop the rest."""
    from cooperative import jobs

    def work(location):
        close_stale_views()  # views whose browser went away end at their last sign of life
        return delete_expired_recordings()

    return jobs.for_each_location(job="webcam-recordings", only_failed=only_failed, work=work)


@transaction.atomic
def register_recording(*, camera: Camera, content, started_at: datetime, ended_at: datetime) -> Recording:
    """Store a security camera's recording file (from the recorder) and its reference with its SHA-256."""
    from django.db import connection

    from tenants.handover.models import private_storage

    if camera.purpose != rules.SECURITY_RECORDING:
        raise ValidationError({"camera": _("Only a security camera records.")})
    if ended_at <= started_at:
        raise ValidationError({"ended_at": _("The recording ends after it starts.")})
    digest = hashlib.sha256()
    for chunk in content.chunks():
        digest.update(chunk)
    content.seek(0)
    name = private_storage.save(f"webcams/{connection.schema_name}/{secrets.token_hex(16)}.mp4", content)
    return Recording.objects.create(camera=camera, file=name, sha256=digest.hexdigest(), started_at=started_at,
                                    ended_at=ended_at)
