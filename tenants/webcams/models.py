"""Webcams (camera's) of a location: the cameras, the windows in which a parent-view camera is live, a parent's
invitation of a grandparent (gastlink), the log of every view, security recordings and the directors' requests
to view one (seed 003, bijlage 1: protocol camerabewaking).

A camera's source address is kept encrypted (the identity numbers' Fernet keys, billing.filings.crypto)."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from billing.filings.crypto import EncryptedNumberField
from tenants.calendar.models import Weekday


class WebcamSettings(models.Model):
    """The location's webcam settings (one row): guest links allowed or not, how long recordings are kept."""

    guest_invites_allowed = models.BooleanField(
        _("parents may invite a grandparent for one window"), default=False)
    retention_days = models.PositiveSmallIntegerField(
        _("keep security recordings (days)"), default=30,
        help_text=_("At most 30 days (seed 003, camera protocol art. 4)."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("webcam settings")

    def __str__(self):
        return f"webcam settings ({self.retention_days} days)"


class Camera(models.Model):
    class Area(models.TextChoices):
        PLAY_AREA = "play_area", _("play area")
        EATING_CORNER = "eating_corner", _("eating corner")
        SITTING_CORNER = "sitting_corner", _("sitting corner")
        SLEEPING_ROOM = "sleeping_room", _("sleeping room")
        CHANGING_AREA = "changing_area", _("changing area")
        TOILET = "toilet", _("toilet")
        ENTRANCE = "entrance", _("entrance")
        OUTSIDE = "outside", _("outside")

    class Purpose(models.TextChoices):
        PARENT_VIEW = "parent_view", _("parent view (live, nothing kept)")
        SECURITY_RECORDING = "security_recording", _("security recording")

    name = models.CharField(_("name"), max_length=100)
    area = models.CharField(_("what it films"), max_length=20, choices=Area.choices)
    group = models.ForeignKey("groups.Group", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+", verbose_name=_("group"))
    #: An RTSP or HTTP stream address (may hold the camera's password): stored encrypted, never shown again.
    source = EncryptedNumberField(_("stream address"), blank=True, default="")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    max_viewers = models.PositiveSmallIntegerField(_("at most this many viewers at once"), default=10)
    paused_until = models.DateTimeField(_("paused until"), null=True, blank=True)
    paused_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("camera")
        verbose_name_plural = _("cameras")

    def __str__(self):
        return self.name


class LiveWindow(models.Model):
    """A parent-view camera is live on `weekday` from `start` to `end` (location time), never on a closed day."""

    camera = models.ForeignKey(Camera, on_delete=models.CASCADE, related_name="windows", verbose_name=_("camera"))
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"))

    class Meta:
        ordering = ["weekday", "start"]
        verbose_name = _("live window")
        constraints = [models.CheckConstraint(condition=models.Q(end__gt=models.F("start")),
                                              name="webcams_window_end_after_start")]

    def __str__(self):
        return f"{self.camera_id} {self.weekday} {self.start:%H:%M}-{self.end:%H:%M}"


class ProtocolAcknowledgement(models.Model):
    """A parent read the location's camera protocol before watching for the first time."""

    user = person(models.CASCADE, related_name="+")
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user"], name="webcams_one_acknowledgement_per_person")]

    def __str__(self):
        return f"protocol read by {self.user_id}"


class GuestInvite(models.Model):
    """A parent's personal link for a grandparent: one camera, one window on one day, opened once."""

    camera = models.ForeignKey(Camera, on_delete=models.CASCADE, related_name="invites", verbose_name=_("camera"))
    invited_by = person(models.CASCADE, related_name="+")
    guest_name = models.CharField(_("name of the guest"), max_length=100)
    day = models.DateField(_("day"))
    starts_at = models.DateTimeField(_("from"))
    expires_at = models.DateTimeField(_("until"))
    #: SHA-256 of the link's token (the token itself is shown once, to the parent).
    token_hash = models.CharField(max_length=64, unique=True)
    #: SHA-256 of the secret kept in the session of the browser that opened the link.
    session_hash = models.CharField(max_length=64, blank=True)
    used_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("guest link")

    def __str__(self):
        return f"guest link {self.pk} {self.day}"


class ViewLog(models.Model):
    """One person (or guest) watching one camera from `started_at` to `ended_at` (open while watching)."""

    camera = models.ForeignKey(Camera, on_delete=models.CASCADE, related_name="views", verbose_name=_("camera"))
    viewer = person(models.SET_NULL, null=True, blank=True, related_name="+")
    guest = models.ForeignKey(GuestInvite, on_delete=models.SET_NULL, null=True, blank=True, related_name="views")
    viewer_key = models.CharField(max_length=40)
    started_at = models.DateTimeField(_("from"))
    last_seen_at = models.DateTimeField()
    ended_at = models.DateTimeField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("view")
        indexes = [models.Index(fields=["camera", "ended_at"], name="webcams_view_open")]

    def __str__(self):
        return f"{self.viewer_key} {self.camera_id} {self.started_at:%Y-%m-%d %H:%M}"


class Recording(models.Model):
    """A security camera's recording (a file reference); deleted after the retention (seed 003 art. 4)."""

    camera = models.ForeignKey(Camera, on_delete=models.PROTECT, related_name="recordings",
                               verbose_name=_("camera"))
    file = models.CharField(_("file"), max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(_("from"))
    ended_at = models.DateTimeField(_("until"))
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("recording")

    def __str__(self):
        return f"recording {self.camera_id} {self.started_at:%Y-%m-%d %H:%M}"


class RecordingViewRequest(models.Model):
    """A director's request, with a written motivation, to view a recording; a second director approves
    (seed 003, camera protocol art. 5)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("waiting for a second director")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="requests",
                                  verbose_name=_("recording"))
    requested_by = person(models.PROTECT, related_name="+")
    motivation = models.TextField(_("motivation"))
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    decided_by = person(models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("request to view a recording")

    def __str__(self):
        return f"request {self.pk} {self.status}"


class RecordingView(models.Model):
    """The log of every look at (or police export of) a recording: who, when, which, the motivation."""

    class Kind(models.TextChoices):
        VIEW = "view", _("viewed")
        POLICE_EXPORT = "police_export", _("exported for the police")

    request = models.ForeignKey(RecordingViewRequest, on_delete=models.PROTECT, related_name="views")
    recording = models.ForeignKey(Recording, on_delete=models.PROTECT, related_name="views")
    viewer = person(models.PROTECT, related_name="+")
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.VIEW)
    motivation = models.TextField(_("motivation"))
    at = models.DateTimeField(auto_now_add=True)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.kind} {self.recording_id} by {self.viewer_id}"
