from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.child_sheet.labels import ALLERGEN_CHOICES, DIET_CHOICES


class SheetForm(forms.Form):
    gp_name = forms.CharField(label=_("GP (huisarts)"), max_length=200, required=False)
    gp_phone = forms.CharField(label=_("GP phone number"), max_length=30, required=False)
    health_insurer = forms.CharField(label=_("Health insurer"), max_length=200, required=False)
    allergens = forms.MultipleChoiceField(label=_("Allergies (the 14 allergens on food labels)"),
                                          choices=ALLERGEN_CHOICES, required=False,
                                          widget=forms.CheckboxSelectMultiple)
    allergies = forms.CharField(label=_("Other allergies, and what to do"), required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))
    diets = forms.MultipleChoiceField(label=_("Diets"), choices=DIET_CHOICES, required=False,
                                      widget=forms.CheckboxSelectMultiple)
    diet = forms.CharField(label=_("About the diet"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    conditions = forms.CharField(label=_("Chronic conditions"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}))
    watch_for = forms.CharField(label=_("What the staff must watch for"), required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    relation = forms.CharField(label=_("Relation to the child"), max_length=100, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)


class PickupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    relation = forms.CharField(label=_("Relation to the child"), max_length=100, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    code_word = forms.CharField(label=_("Code word"), max_length=60, required=False,
                                help_text=_("The person says it when the staff do not know them."))
    photo = forms.FileField(label=_("Photo"), required=False,
                            widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
