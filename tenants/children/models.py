"""Children (kinderen) of a location: the child file (inlichtingenfiche), guardians (ouders/verzorgers),
people authorised to pick up, custody notes, correction requests from parents and the change log."""
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from billing.filings.crypto import EncryptedNumberField
from tenants.calendar.models import Weekday
from tenants.handover.models import get_private_storage


def pickup_photo_path(instance, filename):
    import uuid

    from django.db import connection

    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"pickup/{connection.schema_name}/{uuid.uuid4().hex}.{ext}"


class Child(models.Model):
    """A child in care at this location (inlichtingenfiche)."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    birth_date = models.DateField(_("birth date"))
    # Kept encrypted like every identity number (billing.filings.crypto, IDENTITY_NUMBER_KEYS): read as plain
    # text, stored as a Fernet token; never filter on it.
    bsn = EncryptedNumberField(_("BSN (citizen service number)"), blank=True, default="")
    gp_name = models.CharField(_("GP (huisarts)"), max_length=200, blank=True)
    gp_phone = models.CharField(_("GP phone number"), max_length=30, blank=True)
    allergies = models.TextField(_("allergies"), blank=True)
    diet = models.TextField(_("diet"), blank=True)
    medication = models.TextField(_("medication"), blank=True)
    medical_notes = models.TextField(_("medical notes"), blank=True)
    group = models.ForeignKey("groups.Group", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="children", verbose_name=_("group"))
    guardians = models.ManyToManyField(
        settings.AUTH_USER_MODEL, db_constraint=False, related_name="+", blank=True, verbose_name=_("guardians")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("child")
        verbose_name_plural = _("children")

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class PickupPerson(models.Model):
    """Someone the parents authorise to collect the child; a minor must be 16 or older with signed consent."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="pickup_persons")
    name = models.CharField(_("name"), max_length=200)
    relation = models.CharField(_("relation to the child"), max_length=100)
    phone = models.CharField(_("phone number"), max_length=30)
    birth_date = models.DateField(_("birth date"), null=True, blank=True,
                                  help_text=_("Required for anyone under 18."))
    is_minor = models.BooleanField(_("under 18"), default=False)
    permission_signed_on = models.DateField(
        _("permission signed on"), null=True, blank=True,
        help_text=_("For a minor: the date the parents signed the permission."))
    photo = models.FileField(_("photo"), storage=get_private_storage, upload_to=pickup_photo_path, max_length=300,
                             blank=True)
    photo_type = models.CharField(max_length=40, blank=True)
    code_word = models.CharField(_("code word"), max_length=60, blank=True,
                                 help_text=_("Staff ask for it when they do not know the person (seed 003 §4.7.1)."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person authorised to pick up")
        verbose_name_plural = _("people authorised to pick up")

    def __str__(self):
        return f"{self.name} ({self.relation})"


class CustodyNote(models.Model):
    """A court order (or similar) on who may or may not pick the child up on which weekdays."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="custody_notes")
    person_name = models.CharField(_("person"), max_length=200)
    may_pick_up = models.BooleanField(_("may pick up"), default=False,
                                      help_text=_("Ticked: may pick up on the days chosen; not ticked: may not."))
    weekdays = ArrayField(models.PositiveSmallIntegerField(choices=Weekday.choices), verbose_name=_("weekdays"),
                          default=list)
    court_order = models.CharField(_("court order reference"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person_name"]
        verbose_name = _("custody note")
        verbose_name_plural = _("custody notes")

    def __str__(self):
        return self.person_name

    def weekday_labels(self) -> list[str]:
        return [str(Weekday(day).label) for day in sorted(self.weekdays)]


class CorrectionRequest(models.Model):
    """A parent asks for a change to their child's file; the entrepreneur accepts or rejects it."""

    class Field(models.TextChoices):
        FIRST_NAME = "first_name", _("first name")
        LAST_NAME = "last_name", _("last name")
        BIRTH_DATE = "birth_date", _("birth date")
        BSN = "bsn", _("BSN")
        GP_NAME = "gp_name", _("GP (huisarts)")
        GP_PHONE = "gp_phone", _("GP phone number")
        ALLERGIES = "allergies", _("allergies")
        DIET = "diet", _("diet")
        MEDICATION = "medication", _("medication")
        MEDICAL_NOTES = "medical_notes", _("medical notes")
        OTHER = "other", _("something else (pick-up, custody, …)")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="correction_requests")
    requested_by = person(models.SET_NULL, null=True,
                          related_name="+", verbose_name=_("requested by"))
    field = models.CharField(_("field"), max_length=20, choices=Field.choices)
    requested_change = models.TextField(_("requested change"))
    reason = models.TextField(_("reason"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_by = person(models.SET_NULL, null=True, blank=True,
                        related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")

    def __str__(self):
        return f"{self.child} – {self.get_field_display()} ({self.get_status_display()})"


class ChildChange(models.Model):
    """One line of a child file's change log, written by the service functions (who, when, what).

    A small model rather than django-auditlog: every write already goes through `services`, which knows the
    actor, so no request middleware (a shared settings change) is needed; the log records domain events
    (guardian linked, pick-up person removed, correction accepted) and not only row diffs; it lives in the
    location's schema as part of this app; and it adds no dependency.
    """

    child = models.ForeignKey(Child, on_delete=models.SET_NULL, null=True, related_name="changes")
    child_name = models.CharField(max_length=201)
    actor = person(models.SET_NULL, null=True, related_name="+")
    actor_name = models.CharField(max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=40)
    field = models.CharField(_("field"), max_length=40, blank=True)
    old_value = models.TextField(_("old value"), blank=True)
    new_value = models.TextField(_("new value"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("change to a child file")
        verbose_name_plural = _("changes to child files")

    #: What happened, as the change log shows it (services._log writes the keys).
    ACTIONS = {
        "created": _("file created"),
        "updated": _("changed"),
        "guardian_added": _("parent added"),
        "guardian_removed": _("parent removed"),
        "parent_access_ended": _("parent's access ended"),
        "pickup_added": _("pick-up person added"),
        "pickup_removed": _("pick-up person removed"),
        "custody_added": _("custody note added"),
        "custody_removed": _("custody note removed"),
        "correction_requested": _("correction requested"),
        "correction_accepted": _("correction accepted"),
        "correction_rejected": _("correction rejected"),
        "sheet_changed": _("information sheet changed"),
    }
    #: Fields that are no field of the child file itself.
    FIELDS = {"guardians": _("parents"), "pickup_persons": _("pick-up persons"), "custody_notes": _("custody notes"),
              # The information sheet's own fields (tenants.child_sheet).
              "health_insurer": _("health insurer"), "allergens": _("allergens"), "diets": _("diets"),
              "conditions": _("chronic conditions"), "watch_for": _("what staff must watch for"),
              "emergency_contacts": _("emergency contacts")}

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.child_name}: {self.action} {self.field}"

    @property
    def action_label(self) -> str:
        return str(self.ACTIONS.get(self.action, self.action))

    @property
    def field_label(self) -> str:
        if self.field in self.FIELDS:
            return str(self.FIELDS[self.field])
        try:
            return str(getattr(Child._meta.get_field(self.field), "verbose_name", self.field))
        except FieldDoesNotExist:  # a field removed since: its name as recorded
            return self.field
