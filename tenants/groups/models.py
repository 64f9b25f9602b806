"""Groups (stamgroep in day care, basisgroep in after-school care) of a location."""
from decimal import Decimal

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
