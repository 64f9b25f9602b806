from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.medication.models import DoseGiven

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class RequestForm(forms.Form):
    """The medication form (medicatiefiche) for one medicine, signed by the parent."""

    name = forms.CharField(label=_("Medicine"), max_length=200, required=False)
    dose = forms.CharField(label=_("Dose"), max_length=200, required=False, help_text=_("For example 5 ml or 1 puff"))
    times = forms.CharField(label=_("Times of day"), max_length=100, required=False,
                            help_text=_("For example 10:00, 14:30"))
    start_date = forms.DateField(label=_("From"), widget=DATE, required=False)
    end_date = forms.DateField(label=_("Until (inclusive)"), widget=DATE, required=False)
    prescribed_by = forms.CharField(label=_("Prescribed by"), max_length=200, required=False,
                                    help_text=_("The doctor, if a doctor prescribed it"))
    in_fridge = forms.BooleanField(label=_("Keep in the fridge"), required=False,
                                   help_text=_("You put it in the fridge yourself when you bring your child, and take "
                                               "it home again."))
    notes = forms.CharField(label=_("Remarks"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    confirmed = forms.BooleanField(label=_("I confirm this request"), required=False)
    typed_name = forms.CharField(label=_("Your full name (signature)"), max_length=200, required=False)


class DoseForm(forms.Form):
    given_at = forms.TimeField(label=_("Given at"), widget=TIME, required=False,
                               help_text=_("Leave empty for now."))
    remarks = forms.CharField(label=_("Remarks"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FeverForm(forms.Form):
    kind = forms.ChoiceField(label=_("Fever-reducer"), choices=[
        (DoseGiven.Kind.PARACETAMOL, DoseGiven.Kind.PARACETAMOL.label),
        (DoseGiven.Kind.IBUPROFEN, DoseGiven.Kind.IBUPROFEN.label)])
    dose = forms.CharField(label=_("Dose"), max_length=200, required=False)
    temperature = forms.CharField(label=_("Temperature (°C)"), max_length=5, required=False)
    fluid_loss = forms.BooleanField(label=_("Fluid loss (diarrhoea, vomiting)"), required=False)
    contacted = forms.ChoiceField(label=_("Contact with"), choices=[("", "—"), *DoseGiven.Contacted.choices],
                                  required=False)
    contacted_name = forms.CharField(label=_("Who was contacted"), max_length=200, required=False)
    contacted_at = forms.TimeField(label=_("Contacted at"), widget=TIME, required=False)
    given_at = forms.TimeField(label=_("Given at"), widget=TIME, required=False, help_text=_("Leave empty for now."))
    remarks = forms.CharField(label=_("Remarks"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PolicyForm(forms.Form):
    paracetamol_allowed = forms.BooleanField(label=_("Paracetamol may be given"), required=False)
    ibuprofen_allowed = forms.BooleanField(label=_("Ibuprofen may be given"), required=False)
    ibuprofen_min_months = forms.IntegerField(label=_("Ibuprofen from the age of (months)"), required=False)
    grace_minutes = forms.IntegerField(label=_("A dose is late after (minutes)"), required=False)
