"""The location's tablet as a kiosk: the enrolled devices, the PINs of the people who may use one, the
location's kiosk settings, and the check-ins flagged for the entrepreneur."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person


class KioskSettings(models.Model):
    """Per location: whether parents may sign their own child in and out on the kiosk, and when it locks."""

    parents_may_check = models.BooleanField(
        _("parents may sign their child in and out on the kiosk with their own PIN"), default=False)
    lock_after_seconds = models.PositiveIntegerField(
        _("lock the kiosk after this many seconds without a tap"), default=120)

    class Meta:
        verbose_name = _("kiosk settings")

    def __str__(self):
        return "kiosk settings"

    @classmethod
    def load(cls) -> "KioskSettings":
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class KioskDevice(models.Model):
    """A browser the entrepreneur turned into this location's kiosk. The browser holds a random token in a
    secure, http-only cookie; only its SHA-256 is stored here. Revoking it ends kiosk mode on that browser.

    `holder` is the person whose PIN unlocked the kiosk, until `held_until` (extended by each action); the
    PIN counter locks the PIN pad after too many wrong PINs in a row."""

    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    enrolled_by = person(models.SET_NULL, null=True, related_name="+", verbose_name=_("enrolled by"))
    enrolled_at = models.DateTimeField(_("enrolled at"))
    last_seen_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = person(models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("revoked by"))
    holder = person(models.SET_NULL, null=True, blank=True, related_name="+")
    held_until = models.DateTimeField(null=True, blank=True)
    failed_pins = models.PositiveIntegerField(default=0)
    pins_locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-enrolled_at"]
        verbose_name = _("kiosk tablet")
        verbose_name_plural = _("kiosk tablets")

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class KioskPin(models.Model):
    """A person's PIN for this location's kiosk, hashed with Django's password hashers."""

    user = person(models.CASCADE, related_name="+")
    pin_hash = models.CharField(max_length=256)
    set_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user"], name="kiosk_one_pin_per_person")]
        verbose_name = _("kiosk PIN")
        verbose_name_plural = _("kiosk PINs")

    def __str__(self):
        return f"PIN of {self.user_id}"


class CheckInFlag(models.Model):
    """A check-in the entrepreneur should look at: before opening, after closing, on a closed day, a child not
    planned today (each needs a reason), or one that broke the ratio. Who confirmed it with a PIN, and on
    which kiosk."""

    record = models.ForeignKey("attendance.AttendanceRecord", on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("registered stay"))
    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="+", verbose_name=_("child"))
    #: Codes of tenants.kiosk.rules.CONCERNS.
    concerns = models.JSONField(_("why flagged"), default=list)
    #: [{"code", "template", "params"}] of the ratio rules when the check-in broke them (translated when shown).
    ratio_violations = models.JSONField(default=list, blank=True)
    reason = models.TextField(_("reason given"), blank=True)
    flagged_by = person(models.SET_NULL, null=True, related_name="+", verbose_name=_("checked in by"))
    device = models.ForeignKey(KioskDevice, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                               verbose_name=_("kiosk tablet"))
    created_at = models.DateTimeField(_("flagged at"))
    handled_at = models.DateTimeField(_("seen at"), null=True, blank=True)
    handled_by = person(models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("seen by"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("flagged check-in")
        verbose_name_plural = _("flagged check-ins")

    def __str__(self):
        return f"flag {self.pk} {self.concerns}"
