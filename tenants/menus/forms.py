from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.child_sheet.labels import ALLERGEN_CHOICES
from tenants.menus.models import Dish


class DishForm(forms.Form):
    meal = forms.ChoiceField(label=_("Meal"), choices=Dish.Meal.choices)
    name = forms.CharField(label=_("Dish"), max_length=200)
    allergens = forms.MultipleChoiceField(label=_("Allergens it contains"), choices=ALLERGEN_CHOICES, required=False,
                                          widget=forms.CheckboxSelectMultiple)
