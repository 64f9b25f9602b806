"""The location's house rules (huishoudelijk reglement) as numbered versions, and each parent's acknowledgement
of a version ("getekend voor ontvangst en kennisneming", seed 003 §4.5.3). A version is never edited once
announced, only its effective date or its disadvantage corrected (with the two-month rule checked again)."""
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from tenants.handover.models import get_private_storage


def document_path(instance, filename):
    from django.db import connection

    return f"house_rules/{connection.schema_name}/{uuid.uuid4().hex}.pdf"


class HouseRulesVersion(models.Model):
    number = models.PositiveIntegerField(_("version"), unique=True)
    text = models.TextField(_("text of the house rules"), blank=True)
    document = models.FileField(_("document (PDF)"), storage=get_private_storage, upload_to=document_path,
                                max_length=300, blank=True)
    summary = models.TextField(_("summary of the changes"), blank=True)
    disadvantageous = models.BooleanField(_("a change to the family's disadvantage"), default=False)
    announced_on = models.DateField(_("announced on"))
    effective_on = models.DateField(_("takes effect on"))
    announced_by = person(models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    corrected_at = models.DateTimeField(_("corrected at"), null=True, blank=True)
    #: The announcement (tenants.messages) that told the parents; the latest one after a correction.
    announcement_id = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("house rules version")
        verbose_name_plural = _("house rules versions")

    def __str__(self):
        return f"house rules v{self.number}"


class Acknowledgement(models.Model):
    """A parent confirms she received and read a version (one record per parent and version)."""

    version = models.ForeignKey(HouseRulesVersion, on_delete=models.CASCADE, related_name="acknowledgements")
    user = person(models.CASCADE, related_name="+")
    user_name = models.CharField(max_length=200)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), auto_now_add=True)

    class Meta:
        ordering = ["acknowledged_at", "pk"]
        verbose_name = _("acknowledgement of the house rules")
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="house_rules_acknowledged_once")]

    def __str__(self):
        return f"v{self.version_id} acknowledged by {self.user_id}"
