from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.calendar.forms import DATE
from tenants.child_following.models import Area, Consent, Summary


class ObservationForm(forms.Form):
    area = forms.ChoiceField(label=_("Developmental area"), choices=Area.choices)
    observed_on = forms.DateField(label=_("Observed on"), widget=DATE)
    text = forms.CharField(label=_("What you observed"), widget=forms.Textarea(attrs={"rows": 3}))


class SummaryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Conversation"), choices=Summary.Kind.choices)
    period_start = forms.DateField(label=_("Period from"), widget=DATE)
    period_end = forms.DateField(label=_("Period until"), widget=DATE)
    text = forms.CharField(label=_("Summary for the parents"), widget=forms.Textarea(attrs={"rows": 6}))
    discussed_on = forms.DateField(label=_("Discussed with the parents on"), widget=DATE, required=False)


class ResponseForm(forms.Form):
    comment = forms.CharField(label=_("Your comment"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    confirmed_discussed = forms.BooleanField(label=_("This summary was discussed with me"), required=False)


class ConsentForm(forms.Form):
    scope = forms.ChoiceField(choices=Consent.Scope.choices)
    give = forms.BooleanField(required=False)
