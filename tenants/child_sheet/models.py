"""The child information sheet (inlichtingsfiche, seed 003 §6.2): what staff must know of a child's health and
who to call. The GP, the free text on allergies and diet live on the child file itself (children.Child); the
sheet adds the health insurer, the allergens by code, diets, chronic conditions, what to watch for and the
emergency contacts. It belongs to the child, so it moves with the child to the next group."""
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from tenants.child_sheet.labels import ALLERGEN_CHOICES, DIET_CHOICES


class ChildSheet(models.Model):
    child = models.OneToOneField("children.Child", on_delete=models.CASCADE, related_name="sheet",
                                 verbose_name=_("child"))
    health_insurer = models.CharField(_("health insurer"), max_length=200, blank=True)
    allergens = ArrayField(models.CharField(max_length=20, choices=ALLERGEN_CHOICES), default=list, blank=True,
                           verbose_name=_("allergens"))
    diets = ArrayField(models.CharField(max_length=20, choices=DIET_CHOICES), default=list, blank=True,
                       verbose_name=_("diets"))
    conditions = models.TextField(_("chronic conditions"), blank=True)
    watch_for = models.TextField(_("what staff must watch for"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), null=True, blank=True)
    updated_by = person(models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("child information sheet")
        verbose_name_plural = _("child information sheets")

    def __str__(self):
        return f"sheet of child {self.child_id}"


class EmergencyContact(models.Model):
    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="emergency_contacts",
                              verbose_name=_("child"))
    name = models.CharField(_("name"), max_length=200)
    relation = models.CharField(_("relation to the child"), max_length=100, blank=True)
    phone = models.CharField(_("phone number"), max_length=30)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("emergency contact")
        verbose_name_plural = _("emergency contacts")

    def __str__(self):
        return f"{self.name} ({self.relation})"


class SheetLook(models.Model):
    """When a staff member last looked at a child's sheet (changes after it are shown highlighted)."""

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="+")
    user = person(models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["child", "user"], name="child_sheet_look_once")]

    def __str__(self):
        return f"sheet {self.child_id} seen by {self.user_id}"
