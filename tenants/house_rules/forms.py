from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.calendar.forms import DATE


class AnnounceForm(forms.Form):
    effective_on = forms.DateField(label=_("Takes effect on"), widget=DATE)
    summary = forms.CharField(label=_("Summary of the changes"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("What changes for the parents, in a few lines. Not needed for the first "
                                          "version."))
    disadvantageous = forms.BooleanField(
        label=_("A change to the family's disadvantage"), required=False,
        help_text=_("For example a higher fee or shorter opening hours. It takes effect two months after today at "
                    "the earliest, and parents may end their contract until then without notice costs."))
    text = forms.CharField(label=_("Text of the house rules"), required=False,
                           widget=forms.Textarea(attrs={"rows": 12}))
    document = forms.FileField(label=_("Or the house rules as a PDF"), required=False,
                               widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}))


class CorrectForm(forms.Form):
    effective_on = forms.DateField(label=_("Takes effect on"), widget=DATE)
    disadvantageous = forms.BooleanField(label=_("A change to the family's disadvantage"), required=False)
