"""A case of a contagious disease in a group (besmettelijke ziekte): the anonymous notice to the group's parents
and whether, when and by whom the agency (GGD, Agentschap Zorg en Gezondheid) was told."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person


class ContagiousCase(models.Model):
    group = models.ForeignKey("groups.Group", on_delete=models.PROTECT, related_name="+", verbose_name=_("group"))
    disease = models.CharField(_("disease"), max_length=40)
    noticed_on = models.DateField(_("noticed on"))
    advice = models.TextField(_("advice to the parents"))
    note = models.TextField(_("internal note"), blank=True,
                            help_text=_("For the location only; never sent to the parents."))
    table = models.CharField(max_length=40)
    agency_must_tell = models.BooleanField(default=False)
    agency_reason = models.CharField(max_length=300, blank=True)
    cases_in_window = models.PositiveIntegerField(default=1)
    agency_told_at = models.DateTimeField(_("agency told at"), null=True, blank=True)
    agency_told_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    agency_reference = models.CharField(_("reference or contact"), max_length=200, blank=True)
    recipients = models.PositiveIntegerField(default=0)
    recorded_by = person(models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-noticed_on", "-pk"]
        verbose_name = _("contagious disease case")

    def __str__(self):
        return f"{self.disease} in group {self.group_id} on {self.noticed_on}"
