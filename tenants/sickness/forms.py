from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tenants.sickness import rules
from tenants.sickness.models import SicknessRecord


def decision_label(decision: str) -> str:
    return str(dict(SicknessRecord.Decision.choices).get(decision, decision))


class RecordForm(forms.Form):
    child = forms.TypedChoiceField(label=_("Child"), coerce=int)
    moment = forms.ChoiceField(label=_("When"), choices=SicknessRecord.Moment.choices,
                               initial=SicknessRecord.Moment.DAY, widget=forms.RadioSelect)
    time = forms.TimeField(label=_("Time of the observation"),
                           widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}))
    temperature = forms.CharField(label=_("Temperature (°C)"), required=False, max_length=8,
                                  widget=forms.TextInput(attrs={"inputmode": "decimal", "placeholder": "38,2"}),
                                  help_text=_("Measured rectally for children under 3. Fever is 38.0 °C or more."))
    after_vaccination = forms.BooleanField(label=_("Vaccinated in the last two days"), required=False,
                                           help_text=_("Fever after a vaccination does not keep the child home."))
    symptoms = forms.MultipleChoiceField(label=_("Symptoms"), required=False,
                                         widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    tell_parents = forms.BooleanField(label=_("Send the parents a message when the child may not stay or "
                                                  "only with conditions"), required=False, initial=True)

    def __init__(self, *args, children=(), checklist: rules.Checklist | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [(c.pk, c.full_name) for c in children]
        if checklist is not None:
            self.fields["symptoms"].choices = [
                (row.key, f"{gettext(row.label)} — {decision_label(row.decision)}") for row in checklist.rows]


class OwnRowForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, required=False)
    label = forms.CharField(label=_("Condition or symptom"), required=False, max_length=200)
    decision = forms.ChoiceField(label=_("Decision"), choices=SicknessRecord.Decision.choices)
    condition = forms.CharField(label=_("Condition or what staff do"), required=False, max_length=300)
    back = forms.CharField(label=_("May come back"), required=False, max_length=300)
