"""The page form to add a location; it calls the same service as the API."""
from django import forms
from django.utils.translation import gettext_lazy as _

from cooperative.models import Location


class NewLocationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.CharField(label=_("Web address (slug)"), max_length=100,
                           help_text=_("Lower-case letters, digits and hyphens; the site becomes <slug>.<domain>."))
    kind = forms.ChoiceField(label=_("Kind"), choices=Location.Kind.choices)
    jurisdiction = forms.ChoiceField(label=_("Jurisdiction"), choices=Location.Jurisdiction.choices)
    region = forms.CharField(label=_("Region"), max_length=100, required=False)
    street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=12, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    lrk_number = forms.CharField(label=_("LRK number"), max_length=9, required=False,
                                 help_text=_("Nine digits (Dutch locations)."))
    licensed_places = forms.IntegerField(label=_("Licensed places"), min_value=0, initial=0)
    play_space_m2 = forms.DecimalField(label=_("Play space (m²)"), min_value=0, max_digits=7, decimal_places=2,
                                       initial=0)
    opening_date = forms.DateField(label=_("Opening date"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}))
    entrepreneur_name = forms.CharField(label=_("Entrepreneur's name"), max_length=200)
    entrepreneur_email = forms.EmailField(label=_("Entrepreneur's e-mail address"))

    def lrk_numbers(self) -> dict:
        number = self.cleaned_data.get("lrk_number")
        kind = self.cleaned_data.get("kind")
        if not number:
            return {}
        care_type = "kdv" if kind == "kindercentrum" else kind
        return {care_type: number}
