"""Translated labels of the rules' codes (rules.py stays free of Django)."""
from django.utils.translation import gettext_lazy as _

ALLERGEN_LABELS = {
    "gluten": _("Cereals containing gluten"),
    "crustaceans": _("Crustaceans"),
    "eggs": _("Eggs"),
    "fish": _("Fish"),
    "peanuts": _("Peanuts"),
    "soybeans": _("Soybeans"),
    "milk": _("Milk"),
    "nuts": _("Nuts"),
    "celery": _("Celery"),
    "mustard": _("Mustard"),
    "sesame": _("Sesame seeds"),
    "sulphites": _("Sulphur dioxide and sulphites"),
    "lupin": _("Lupin"),
    "molluscs": _("Molluscs"),
}

DIET_LABELS = {
    "vegetarian": _("Vegetarian"),
    "vegan": _("Vegan"),
    "halal": _("Halal"),
    "kosher": _("Kosher"),
    "no_pork": _("No pork"),
    "gluten_free": _("Gluten-free"),
    "lactose_free": _("Lactose-free"),
}

ALLERGEN_CHOICES = list(ALLERGEN_LABELS.items())
DIET_CHOICES = list(DIET_LABELS.items())


def allergen_label(code: str) -> str:
    return str(ALLERGEN_LABELS.get(code, code))


def diet_label(code: str) -> str:
    return str(DIET_LABELS.get(code, code))
