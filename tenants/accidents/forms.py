from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.accidents.models import Accident

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class AccidentForm(forms.Form):
    child = forms.TypedChoiceField(label=_("Child"), coerce=int)
    happened_at = forms.DateTimeField(label=_("When did it happen?"), widget=DATETIME, input_formats=DATETIME_FORMATS)
    place = forms.CharField(label=_("Where did it happen?"), max_length=200,
                            help_text=_("For example: the garden, by the slide"))
    kind = forms.ChoiceField(label=_("Kind of accident"), choices=Accident.Kind.choices)
    what_happened = forms.CharField(label=_("What happened?"), widget=forms.Textarea(attrs={"rows": 3}))
    present = forms.CharField(label=_("Who was present?"), max_length=200)
    first_aid = forms.CharField(label=_("First aid given"), widget=forms.Textarea(attrs={"rows": 2}))
    called_112 = forms.BooleanField(label=_("112 was called"), required=False)
    doctor_called = forms.BooleanField(label=_("A doctor was called or visited"), required=False)
    parent_informed_at = forms.DateTimeField(label=_("Parent informed at"), required=False, widget=DATETIME,
                                             input_formats=DATETIME_FORMATS,
                                             help_text=_("Leave empty if the parent has not been told yet."))
    claim_number = forms.CharField(label=_("Insurance claim number"), max_length=40, required=False,
                                   help_text=_("Can be added later, once the claim is filed."))
    confirmed = forms.BooleanField(label=_("I confirm that this report is correct and sign it"), required=False)

    def __init__(self, *args, children=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [("", "—")] + [(c.pk, c.full_name) for c in children]


class CompleteForm(forms.Form):
    claim_number = forms.CharField(label=_("Insurance claim number"), max_length=40, required=False)
    parent_informed_at = forms.DateTimeField(label=_("Parent informed at"), required=False, widget=DATETIME,
                                             input_formats=DATETIME_FORMATS)
