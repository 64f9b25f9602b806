from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.consents.models import Kind, VaccinationRecord


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(choices=Kind.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    given = forms.TypedChoiceField(choices=[("1", _("Give")), ("0", _("Withdraw"))], coerce=lambda v: v == "1")


class VaccinationForm(forms.Form):
    schedule = forms.ChoiceField(label=_("Vaccinations"), choices=VaccinationRecord.Schedule.choices)
    mandatory_given = forms.BooleanField(label=_("The mandatory vaccination (polio) is given"), required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, schedule_name: str = "", mandatory=(), **kwargs):
        super().__init__(*args, **kwargs)
        if schedule_name:
            self.fields["schedule"].help_text = _("Recommended: %(schedule)s.") % {"schedule": schedule_name}
        if not mandatory:
            del self.fields["mandatory_given"]


class TextForm(forms.Form):
    kind = forms.ChoiceField(label=_("Consent"), choices=Kind.choices)
    text = forms.CharField(label=_("Text"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("A new text asks the parents for their consent again."))
