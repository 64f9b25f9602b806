"""A child's sickness observed at admission or during the day (ziekte): symptoms, temperature, what the checklist
decided and when the child may come back; and the location's own rows of its checklist."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from tenants.sickness import rules


class SicknessRecord(models.Model):
    class Moment(models.TextChoices):
        ADMISSION = "admission", _("at admission")
        DAY = "day", _("during the day")

    class Decision(models.TextChoices):
        ADMITTED = rules.ADMITTED, _("admitted")
        CONDITIONS = rules.CONDITIONS, _("admitted with conditions")
        NOT_ADMITTED = rules.NOT_ADMITTED, _("not admitted")

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="sickness_records",
                              verbose_name=_("child"))
    group = models.ForeignKey("groups.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("group"))
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices, default=Moment.DAY)
    observed_at = models.DateTimeField(_("observed at"))
    temperature = models.DecimalField(_("temperature (°C)"), max_digits=3, decimal_places=1, null=True, blank=True)
    after_vaccination = models.BooleanField(_("vaccinated in the last two days"), default=False)
    symptoms = models.JSONField(_("symptoms"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    checklist = models.CharField(max_length=40)
    decision = models.CharField(_("decision"), max_length=14, choices=Decision.choices)
    reasons = models.JSONField(default=list, blank=True)
    may_return_at = models.DateTimeField(_("may come back from"), null=True, blank=True)
    parents_told_at = models.DateTimeField(_("parents told at"), null=True, blank=True)
    conversation = models.ForeignKey("parent_messages.Conversation", on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="+")
    recorded_by = person(models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-observed_at", "-pk"]
        verbose_name = _("sickness record")

    def __str__(self):
        return f"sickness {self.pk} of child {self.child_id}"


class OwnRow(models.Model):
    """The location's own version of a checklist row (same key) or a row of its own."""

    key = models.SlugField(max_length=40, unique=True)
    label = models.CharField(_("condition or symptom"), max_length=200, blank=True)
    decision = models.CharField(_("decision"), max_length=14, choices=SicknessRecord.Decision.choices)
    condition = models.CharField(_("condition or what staff do"), max_length=300, blank=True)
    back = models.CharField(_("may come back"), max_length=300, blank=True)
    changed_by = person(models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("own checklist row")

    def __str__(self):
        return self.key
