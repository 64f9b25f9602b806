"""The menu of a location (menu en maaltijden): the dishes of each day, with the EU allergens they contain."""
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.child_sheet.labels import ALLERGEN_CHOICES
from tenants.menus import rules


class Dish(models.Model):
    class Meal(models.TextChoices):
        SOUP = rules.SOUP, _("morning (soup)")
        LUNCH = rules.LUNCH, _("warm meal")
        AFTERNOON = rules.AFTERNOON, _("afternoon snack")

    date = models.DateField(_("date"))
    meal = models.CharField(_("meal"), max_length=12, choices=Meal.choices)
    name = models.CharField(_("dish"), max_length=200)
    allergens = ArrayField(models.CharField(max_length=20, choices=ALLERGEN_CHOICES), default=list, blank=True,
                           verbose_name=_("allergens"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "meal", "name"]
        verbose_name = _("dish")
        verbose_name_plural = _("dishes")
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.date} {self.meal}: {self.name}"

    @property
    def allergen_text(self) -> str:
        from tenants.child_sheet.labels import allergen_label

        return ", ".join(allergen_label(code).lower() for code in self.allergens)
