from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.surveys import rules


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    intro = forms.CharField(label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    scale_questions = forms.CharField(
        label=_("Questions with a score from 1 to 5"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One question per line."))
    open_question = forms.CharField(label=_("Open question (optional)"), required=False, max_length=300)
    anonymous = forms.BooleanField(label=_("Anonymous answers"), required=False, initial=True,
                                   help_text=_("Nobody at the location can see who gave which answer."))
    opens_on = forms.DateField(label=_("Open from"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(label=_("Open until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def questions(self):
        return rules.questions_from_lines(self.cleaned_data["scale_questions"], self.cleaned_data["open_question"])


SCORE_CHOICES = [(str(s), str(s)) for s in rules.SCALE]


class AnswerForm(forms.Form):
    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        for position, question in enumerate(questions):
            if question.kind == rules.SCALE_QUESTION:
                self.fields[f"q{position}"] = forms.ChoiceField(
                    label=question.text, choices=SCORE_CHOICES, widget=forms.RadioSelect, required=False,
                    help_text=_("1 = very dissatisfied, 5 = very satisfied"))
            else:
                self.fields[f"q{position}"] = forms.CharField(label=question.text, required=False,
                                                              widget=forms.Textarea(attrs={"rows": 3}))

    def answers(self) -> dict[int, object]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}
