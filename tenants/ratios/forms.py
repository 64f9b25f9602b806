"""The public calculator's form: ages as a list typed on a phone, checked like the API checks them."""
from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.ratios import rules
from tenants.ratios.texts import care_type_choices, input_errors


def parse_ages(text: str, limit: int) -> list[int]:
    parts = [part for part in text.replace(";", ",").replace(" ", ",").split(",") if part.strip()]
    ages = []
    for part in parts:
        try:
            age = int(part.strip())
        except ValueError:
            raise forms.ValidationError(_("Enter whole years separated by commas, e.g. 0, 1, 3.")) from None
        if age < 0:
            raise forms.ValidationError(_("An age cannot be negative."))
        if age > rules.OWN_CHILD_MAX_AGE:
            raise forms.ValidationError(_("An age cannot be above %(max)s.") % {"max": rules.OWN_CHILD_MAX_AGE})
        ages.append(age)
    if len(ages) > limit:
        raise forms.ValidationError(_("At most %(max)s children.") % {"max": limit})
    return ages


class RatioForm(forms.Form):
    care_type = forms.ChoiceField(label=_("Type of care"), choices=care_type_choices)
    ages = forms.CharField(
        label=_("Ages of the children present"),
        help_text=_("Whole years, separated by commas, e.g. 0, 1, 1, 3."),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    staff = forms.IntegerField(label=_("Staff present"), min_value=0, max_value=rules.MAX_CHILDREN_INPUT,
                               widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    own_children_ages = forms.CharField(
        label=_("Ages of the childminder's own children present"),
        help_text=_("Childminder only; children under 10 are counted."),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    play_space_m2 = forms.DecimalField(
        label=_("Indoor play space (m²)"), help_text=_("Optional; at least 3.5 m² per child."), required=False,
        min_value=0, max_value=10000, decimal_places=2,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.1"}),
    )
    has_backup = forms.TypedChoiceField(
        label=_("Backup person registered (childminder)"),
        choices=[("", _("Not specified")), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes", empty_value=None, required=False,
    )

    def clean_ages(self):
        return parse_ages(self.cleaned_data["ages"], rules.MAX_CHILDREN_INPUT)

    def clean_own_children_ages(self):
        return parse_ages(self.cleaned_data["own_children_ages"], 10)

    def clean(self):
        data = super().clean()
        if {"care_type", "ages", "own_children_ages"} <= data.keys():
            for name, messages in input_errors(data["care_type"], data["ages"], data["own_children_ages"]).items():
                for message in messages:
                    self.add_error(name, message)
        return data

    def result(self) -> rules.Result:
        data = self.cleaned_data
        space = data.get("play_space_m2")
        return rules.check(
            data["care_type"], data["ages"], data["staff"],
            own_children_ages=data["own_children_ages"],
            play_space_m2=float(space) if space is not None else None,
            has_backup=data.get("has_backup"),
        )
