"""Consents (toestemmingen) and the vaccination status of the children of a location. Nothing is overwritten:
each text is a new version, each decision and each vaccination status a new row (the history)."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from tenants.consents import rules


class Kind(models.TextChoices):
    HANDOVER_PHOTOS = rules.HANDOVER_PHOTOS, _("photos in the handover")
    WEBSITE_PHOTOS = rules.WEBSITE_PHOTOS, _("photos on the website")
    TRIPS = rules.TRIPS, _("trips outside")
    SUNSCREEN = rules.SUNSCREEN, _("sunscreen")
    WEBCAM = rules.WEBCAM, _("the webcam")


class ConsentText(models.Model):
    """One version of the text parents agree to for one kind of consent."""

    kind = models.CharField(_("consent"), max_length=20, choices=Kind.choices)
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"))
    valid_from = models.DateTimeField(_("in force from"), auto_now_add=True)
    written_by = person(models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["kind", "-version"]
        verbose_name = _("consent text")
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="consent_text_one_version")]

    def __str__(self):
        return f"{self.kind} v{self.version}"


class ConsentDecision(models.Model):
    """A parent gives or withdraws a consent for her child, against one version of the text."""

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="consent_decisions",
                              verbose_name=_("child"))
    kind = models.CharField(_("consent"), max_length=20, choices=Kind.choices)
    given = models.BooleanField(_("given"))
    text = models.ForeignKey(ConsentText, on_delete=models.PROTECT, related_name="decisions")
    decided_by = person(models.SET_NULL, null=True, related_name="+")
    decided_by_name = models.CharField(max_length=200)
    decided_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("consent decision")
        indexes = [models.Index(fields=["child", "kind", "-decided_at"])]

    def __str__(self):
        return f"{self.kind} {'given' if self.given else 'withdrawn'} for child {self.child_id}"


class VaccinationRecord(models.Model):
    """The vaccination status of a child as the parent (or staff, from the vaccination booklet) told it."""

    class Schedule(models.TextChoices):
        FOLLOWS_SCHEDULE = rules.FOLLOWS_SCHEDULE, _("follows the recommended schedule")
        PARTLY = rules.PARTLY, _("partly vaccinated")
        NOT_VACCINATED = rules.NOT_VACCINATED, _("not vaccinated")
        NOT_TOLD = rules.NOT_TOLD, _("rather not say")

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="vaccination_records",
                              verbose_name=_("child"))
    schedule = models.CharField(_("vaccinations"), max_length=20, choices=Schedule.choices)
    mandatory_given = models.BooleanField(_("mandatory vaccination given"), default=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = person(models.SET_NULL, null=True, related_name="+")
    recorded_by_name = models.CharField(max_length=200)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("vaccination status")

    def __str__(self):
        return f"vaccinations of child {self.child_id}: {self.schedule}"
