"""Forms of the oversight pages. They only shape the input; the rules live in services and rules."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from advisory import rules, selectors
from advisory.models import FollowUpAction, Inspection, InspectionFinding, QualityDocumentType, VisitAnswer, VisitType
from cooperative.models import Location

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class FilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    adviser = forms.ModelChoiceField(label=_("Adviser"), queryset=None, required=False, empty_label=_("All"))
    region = forms.ChoiceField(label=_("Region"), required=False)
    kind = forms.ChoiceField(label=_("Kind of location"), required=False,
                             choices=[("", _("All"))] + list(Location.Kind.choices))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = selectors.advisers()
        self.fields["region"].choices = [("", _("All"))] + [(r, r) for r in selectors.regions_of(user)]


class PlanVisitForm(forms.Form):
    visit_type = forms.ChoiceField(label=_("Type of visit"), choices=VisitType.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    adviser = forms.ModelChoiceField(label=_("Adviser"), queryset=None)
    deadline = forms.DateField(label=_("Visit by"), required=False, widget=DATE,
                               help_text=_("Empty: 30 June for the pedagogical visit, 31 December for the business "
                                           "visit."))
    scheduled_at = forms.DateTimeField(label=_("Agreed date and time"), required=False, widget=DATETIME,
                                       input_formats=DATETIME_FORMATS,
                                       help_text=_("Leave empty to propose dates to the entrepreneur first."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = selectors.advisers()


class ScheduleForm(forms.Form):
    scheduled_at = forms.DateTimeField(label=_("Agreed date and time"), widget=DATETIME,
                                       input_formats=DATETIME_FORMATS)


class ProposeForm(forms.Form):
    starts_at_1 = forms.DateTimeField(label=_("Proposed date 1"), widget=DATETIME, input_formats=DATETIME_FORMATS)
    starts_at_2 = forms.DateTimeField(label=_("Proposed date 2"), widget=DATETIME, input_formats=DATETIME_FORMATS,
                                      required=False)
    starts_at_3 = forms.DateTimeField(label=_("Proposed date 3"), widget=DATETIME, input_formats=DATETIME_FORMATS,
                                      required=False)

    def moments(self):
        return [self.cleaned_data.get(f"starts_at_{i}") for i in (1, 2, 3)]


class ChecklistForm(forms.Form):
    """One answer, remark and optional photo per checklist item, plus the report's summary."""

    summary = forms.CharField(label=_("Summary of the visit"), widget=forms.Textarea(attrs={"rows": 4}),
                              required=False)

    def __init__(self, *args, visit, **kwargs):
        super().__init__(*args, **kwargs)
        self.visit = visit
        answers = {a.item_id: a for a in visit.answers.all()}
        self.items = list(visit.checklist.items.all())
        self.initial.setdefault("summary", visit.summary)
        for item in self.items:
            current = answers.get(item.pk)
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=item.text_label, required=False, widget=forms.RadioSelect,
                choices=VisitAnswer.Answer.choices, initial=current.answer if current else None)
            self.fields[f"remark_{item.pk}"] = forms.CharField(
                label=_("Remark"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                initial=current.remark if current else "")
            self.fields[f"photo_{item.pk}"] = forms.FileField(label=_("Photo of a document"), required=False)

    def groups(self):
        """(section, [(item, answer field, remark field, photo field)]) for the template."""
        sections: list[tuple[str, list]] = []
        for item in self.items:
            entry = (item, self[f"item_{item.pk}"], self[f"remark_{item.pk}"], self[f"photo_{item.pk}"])
            if sections and sections[-1][0] == item.section_label:
                sections[-1][1].append(entry)
            else:
                sections.append((item.section_label, [entry]))
        return sections

    def answers(self) -> dict[int, dict]:
        return {item.pk: {"answer": self.cleaned_data.get(f"item_{item.pk}") or "",
                          "remark": self.cleaned_data.get(f"remark_{item.pk}") or "",
                          "photo": self.cleaned_data.get(f"photo_{item.pk}")} for item in self.items}


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Action"), max_length=500)
    owner = forms.ChoiceField(label=_("Owner"), choices=[("", "---------")] + list(FollowUpAction.Owner.choices),
                              required=False)
    due_date = forms.DateField(label=_("Due date"), widget=DATE)

    def clean_owner(self):
        owner = self.cleaned_data.get("owner")
        if owner not in rules.OWNERS:
            raise ValidationError(_("Choose who owns the action: the entrepreneur or the adviser."))
        return owner


class ActionDoneForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReactionForm(forms.Form):
    reaction = forms.CharField(label=_("Your reaction to the report"), widget=forms.Textarea(attrs={"rows": 4}))


class DocumentForm(forms.Form):
    doc_type = forms.ModelChoiceField(label=_("Document"), queryset=QualityDocumentType.objects.all())
    file = forms.FileField(label=_("File (PDF, at most 20 MB)"))
    effective_date = forms.DateField(label=_("Takes effect on"), widget=DATE)
    review_date = forms.DateField(label=_("Review by"), widget=DATE)

    def clean(self):
        data = super().clean()
        if rules.review_date_error(data.get("effective_date"), data.get("review_date")):
            self.add_error("review_date", _("The review date cannot be before the date the document takes effect."))
        return data


class InspectionForm(forms.Form):
    inspected_on = forms.DateField(label=_("Date of the inspection"), widget=DATE)
    kind = forms.ChoiceField(label=_("Type"), choices=Inspection.Kind.choices)
    met_requirements = forms.TypedChoiceField(
        label=_("Did the location meet the requirements?"), coerce=lambda v: v == "yes", widget=forms.RadioSelect,
        choices=[("yes", _("yes")), ("no", _("no"))])
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    report_file = forms.FileField(label=_("Inspection report (PDF, at most 20 MB)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for domain, label in InspectionFinding.Domain.choices:
            self.fields[f"finding_{domain}"] = forms.ChoiceField(
                label=label, required=False,
                choices=[("", _("not assessed")), ("met", _("met")), ("not_met", _("not met"))])
            self.fields[f"finding_{domain}_remark"] = forms.CharField(
                label=_("Finding: %(domain)s") % {"domain": label}, required=False, max_length=2000)

    def findings(self) -> list[dict]:
        result = []
        for domain in InspectionFinding.Domain.values:
            outcome = self.cleaned_data.get(f"finding_{domain}")
            if outcome:
                result.append({"domain": domain, "met": outcome == "met",
                               "remark": self.cleaned_data.get(f"finding_{domain}_remark", "")})
        return result
