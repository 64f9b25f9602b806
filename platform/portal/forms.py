from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.children.models import CorrectionRequest


class CorrectionForm(forms.Form):
    child = forms.ChoiceField(label=_("Child"))
    field = forms.ChoiceField(label=_("What is wrong"), choices=CorrectionRequest.Field.choices)
    requested_change = forms.CharField(label=_("What it should be"), widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, families=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [(f"{item.location.pk}:{row.child.pk}", f"{row.child.full_name} — "
                                         f"{item.location.name}") for item in families for row in item.children]


class DeletionForm(forms.Form):
    location = forms.TypedChoiceField(label=_("Location"), coerce=int)
    reason = forms.CharField(label=_("Reason (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, locations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].choices = [(loc.pk, loc.name) for loc in locations]


class HandleDeletionForm(forms.Form):
    note = forms.CharField(label=_("Note to the parent (optional)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))


class CoopSurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    intro = forms.CharField(label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    scale_questions = forms.CharField(label=_("Questions with a score from 1 to 5"),
                                      widget=forms.Textarea(attrs={"rows": 5}), help_text=_("One question per line."))
    open_question = forms.CharField(label=_("Open question (optional)"), required=False, max_length=300)
    anonymous = forms.BooleanField(label=_("Anonymous answers"), required=False, initial=True)
    opens_on = forms.DateField(label=_("Open from"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(label=_("Open until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
