"""Groups (stamgroep in day care, basisgroep in after-school care), staff members and the day roster."""
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Group(models.Model):
    class Kind(models.TextChoices):
        STAMGROEP = "stamgroep", _("stamgroep (day care)")
        BASISGROEP = "basisgroep", _("basisgroep (after-school care)")
        GASTOUDER = "gastouder", _("childminder's group")

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    play_space_m2 = models.DecimalField(_("play space (m²)"), max_digits=7, decimal_places=2,
                                        validators=[MinValueValidator(Decimal("0"))], default=Decimal("0"))
    min_age = models.PositiveSmallIntegerField(_("youngest age (years)"), default=0)
    max_age = models.PositiveSmallIntegerField(_("oldest age (years)"), default=4)

    class Meta:
        ordering = ["name"]
        verbose_name = _("group")

    def __str__(self):
        return self.name


class StaffProfile(models.Model):
    """A staff member (pedagogisch medewerker) of this location; the account and role live in public."""

    class JobRole(models.TextChoices):
        PEDAGOGICAL_EMPLOYEE = "pm", _("pedagogical employee (pedagogisch medewerker)")
        PEDAGOGICAL_COACH = "coach", _("pedagogical coach / policy officer")
        CHILDMINDER = "gastouder", _("childminder (gastouder)")
        GROUP_ASSISTANT = "assistant", _("group assistant")
        SUBSTITUTE = "substitute", _("substitute (invalkracht)")
        TRAINEE = "trainee", _("trainee (BBL/BOL)")
        OTHER = "other", _("other")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                db_constraint=False, verbose_name=_("account"))
    job_role = models.CharField(_("job role"), max_length=20, choices=JobRole.choices,
                                default=JobRole.PEDAGOGICAL_EMPLOYEE)
    qualification = models.CharField(_("qualification"), max_length=200, blank=True,
                                     help_text=_("Diploma or certificate, e.g. MBO-3 Pedagogisch werk."))
    groups = models.ManyToManyField(Group, related_name="staff", blank=True, verbose_name=_("assigned groups"))
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__full_name"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self):
        return str(self.user)


class Shift(models.Model):
    """One line of the day roster: a staff member on a group on a date from start to end."""

    staff = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="shifts",
                              verbose_name=_("staff member"))
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="shifts", verbose_name=_("group"))
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))

    class Meta:
        ordering = ["date", "start_time", "group__name"]
        verbose_name = _("roster entry")
        verbose_name_plural = _("roster entries")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_time__gt=models.F("start_time")),
                                   name="shift_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.staff} – {self.group} – {self.date} {self.start_time:%H:%M}–{self.end_time:%H:%M}"


class BackupPerson(models.Model):
    """A childminder's backup (achterwacht) for one day: who can be on site within 15 minutes, and how to
    reach them. From the fourth child present the planning and the tablet show it, or warn without one."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone number"), max_length=30)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("backup person (achterwacht)")
        verbose_name_plural = _("backup persons (achterwacht)")

    def __str__(self):
        return f"{self.date}: {self.name} ({self.phone})"
