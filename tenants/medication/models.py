"""Medication (medicatie, seed 003 §4.6.3–4.6.4): a parent's signed request per medicine (medicatiefiche),
each dose given, fever-reducers given after contact with the parent or doctor, and the location's policy on
fever-reducers."""
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person


class MedicationRequest(models.Model):
    """One medicine for one child, as the parent asked for it and signed."""

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="medication_requests",
                              verbose_name=_("child"))
    name = models.CharField(_("medicine"), max_length=200)
    dose = models.CharField(_("dose"), max_length=200)
    times = ArrayField(models.TimeField(), verbose_name=_("times of day"))
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    prescribed_by = models.CharField(_("prescribed by"), max_length=200, blank=True)
    in_fridge = models.BooleanField(_("kept in the fridge"), default=False)
    notes = models.TextField(_("remarks"), blank=True)
    requested_by = person(models.SET_NULL, null=True, related_name="+")
    # The parent's signature: her explicit confirmation of the text, with time and name (like a contract's).
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signed_name = models.CharField(_("signed with the name"), max_length=200, blank=True)
    signed_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    signed_ip = models.GenericIPAddressField(null=True, blank=True)
    signed_text_version = models.CharField(max_length=20, blank=True)
    signed_text = models.TextField(blank=True)
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "name", "pk"]
        verbose_name = _("medication request")
        verbose_name_plural = _("medication requests")

    def __str__(self):
        return f"{self.name} for child {self.child_id}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None


class DoseGiven(models.Model):
    """A dose given: of a signed request at one of its times, or a fever-reducer after contact."""

    class Kind(models.TextChoices):
        PRESCRIBED = "request", _("as requested")
        PARACETAMOL = "paracetamol", _("paracetamol")
        IBUPROFEN = "ibuprofen", _("ibuprofen")

    class Contacted(models.TextChoices):
        PARENT = "parent", _("a parent")
        DOCTOR = "doctor", _("the doctor")

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="doses_given",
                              verbose_name=_("child"))
    request = models.ForeignKey(MedicationRequest, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="doses")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PRESCRIBED)
    due_date = models.DateField(_("date"))
    due_time = models.TimeField(_("due at"), null=True, blank=True)
    given_at = models.DateTimeField(_("given at"))
    given_by = person(models.SET_NULL, null=True, related_name="+")
    given_by_name = models.CharField(_("given by"), max_length=200)
    dose = models.CharField(_("dose"), max_length=200, blank=True)
    remarks = models.TextField(_("remarks"), blank=True)
    # A fever-reducer (seed 003 §4.6.3): only after contact with the parent or doctor, recorded as such.
    temperature = models.DecimalField(_("temperature (°C)"), max_digits=3, decimal_places=1, null=True, blank=True)
    fluid_loss = models.BooleanField(_("fluid loss (diarrhoea, vomiting)"), default=False)
    contacted = models.CharField(_("contact with"), max_length=8, choices=Contacted.choices, blank=True)
    contacted_name = models.CharField(_("who was contacted"), max_length=200, blank=True)
    contacted_at = models.DateTimeField(_("contacted at"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("dose given")
        verbose_name_plural = _("doses given")
        constraints = [models.UniqueConstraint(fields=["request", "due_date", "due_time"],
                                               condition=models.Q(request__isnull=False),
                                               name="medication_dose_once_per_due_time")]

    def __str__(self):
        return f"dose for child {self.child_id} at {self.given_at}"


class FeverPolicy(models.Model):
    """The location's policy on fever-reducers (one row; defaults from seed 003 §4.6.3)."""

    paracetamol_allowed = models.BooleanField(_("paracetamol may be given"), default=True)
    ibuprofen_allowed = models.BooleanField(_("ibuprofen may be given"), default=True)
    ibuprofen_min_months = models.PositiveSmallIntegerField(_("ibuprofen from the age of (months)"), default=6)
    grace_minutes = models.PositiveSmallIntegerField(
        _("a dose is late after (minutes)"), default=30,
        help_text=_("Staff are warned when a dose has not been recorded this long after its time."))

    class Meta:
        verbose_name = _("fever-reducer policy")

    def __str__(self):
        return "fever-reducer policy"
