"""The accident register (ongevallenregister) of a location: one signed report per accident of a child."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from tenants.accidents import rules


class Accident(models.Model):
    class Kind(models.TextChoices):
        FALL = rules.FALL, _("fall")
        BUMP = rules.BUMP, _("bump or collision")
        BITE = rules.BITE, _("bitten by another child")
        PINCH = rules.PINCH, _("pinched or jammed")
        CUT = rules.CUT, _("cut or scrape")
        BURN = rules.BURN, _("burn")
        SWALLOWED = rules.SWALLOWED, _("swallowed or choked on something")
        OTHER = rules.OTHER, _("something else")

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="accidents",
                              verbose_name=_("child"))
    happened_at = models.DateTimeField(_("when it happened"))
    place = models.CharField(_("where it happened"), max_length=200)
    kind = models.CharField(_("kind of accident"), max_length=12, choices=Kind.choices)
    what_happened = models.TextField(_("what happened"))
    present = models.CharField(_("who was present"), max_length=200)
    first_aid = models.TextField(_("first aid given"))
    called_112 = models.BooleanField(_("112 called"), default=False)
    doctor_called = models.BooleanField(_("doctor called or visited"), default=False)
    parent_informed_at = models.DateTimeField(_("parent informed at"), null=True, blank=True)
    claim_number = models.CharField(_("insurance claim number"), max_length=40, blank=True)
    signed_by = person(models.SET_NULL, null=True, related_name="+")
    signed_by_name = models.CharField(max_length=200)
    signed_at = models.DateTimeField(_("signed at"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-happened_at", "-pk"]
        verbose_name = _("accident")
        verbose_name_plural = _("accidents")
        indexes = [models.Index(fields=["happened_at"])]

    def __str__(self):
        return f"accident {self.pk} of child {self.child_id}"
