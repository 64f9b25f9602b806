from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class CaseForm(forms.Form):
    group = forms.TypedChoiceField(label=_("Group"), coerce=int)
    disease = forms.ChoiceField(label=_("Disease"))
    noticed_on = forms.DateField(label=_("Noticed on"),
                                 widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    advice = forms.CharField(label=_("Advice to the parents"), required=False, max_length=3000,
                             widget=forms.Textarea(attrs={"rows": 5}),
                             help_text=_("Empty: the advice of the list for this disease. Never write a "
                                             "child's name: the notice is anonymous."))
    note = forms.CharField(label=_("Internal note"), required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("For the location only; never sent to the parents."))

    def __init__(self, *args, groups=(), diseases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [(g.pk, g.name) for g in groups]
        self.fields["disease"].choices = [(d.key, gettext(d.label)) for d in diseases]


class AgencyToldForm(forms.Form):
    told_at = forms.DateTimeField(label=_("Told at"),
                                  widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M",
                                                             attrs={"type": "datetime-local"}),
                                  input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    reference = forms.CharField(label=_("Reference or contact person"), required=False, max_length=200)
