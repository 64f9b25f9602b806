"""Page forms for contracts; they call the same services as the API."""
from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.calendar.forms import DATE, TIME
from tenants.calendar.models import Weekday
from tenants.children.models import Child
from tenants.contracts import rules
from tenants.contracts.models import CareType, ChangeRequest, Contract, ContractSettings, ScheduleType
from tenants.groups.models import Group


class ScheduleForm(forms.Form):
    """Care days as a grid: week A (and week B for an alternating plan), a start and end per weekday."""

    prefix = "days"

    def __init__(self, *args, initial_weeks=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_weeks = initial_weeks or []
        for week_index, letter in enumerate("ab"):
            days = {d["weekday"]: d for d in (initial_weeks[week_index] if week_index < len(initial_weeks) else [])}
            for weekday, label in Weekday.choices:
                day = days.get(weekday, {})
                week_label = _("week A") if letter == "a" else _("week B")
                self.fields[f"{letter}_{weekday}_start"] = forms.TimeField(
                    label=_("%(day)s %(week)s from") % {"day": label, "week": week_label}, required=False,
                    widget=TIME, initial=day.get("start"))
                self.fields[f"{letter}_{weekday}_end"] = forms.TimeField(
                    label=_("%(day)s %(week)s until") % {"day": label, "week": week_label}, required=False,
                    widget=TIME, initial=day.get("end"))

    def grid(self):
        """[(weekday label, [(start field, end field) for week A and B])] for the template."""
        return [(label, [(self[f"{letter}_{weekday}_start"], self[f"{letter}_{weekday}_end"]) for letter in "ab"])
                for weekday, label in Weekday.choices]

    def weeks(self, schedule_type: str) -> list[list[dict]]:
        count = rules.WEEKS_PER_TYPE.get(schedule_type, 0)
        weeks = []
        for letter in "ab"[:count]:
            week = []
            for weekday in Weekday.values:
                start = self.cleaned_data.get(f"{letter}_{weekday}_start")
                end = self.cleaned_data.get(f"{letter}_{weekday}_end")
                if start or end:
                    week.append({"weekday": weekday, "start": start.strftime("%H:%M") if start else None,
                                 "end": end.strftime("%H:%M") if end else None})
            weeks.append(week)
        return weeks


class ContractForm(forms.Form):
    child = forms.ModelChoiceField(label=_("Child"), queryset=Child.objects.none())
    care_type = forms.ChoiceField(label=_("Care type"), choices=())
    group = forms.ModelChoiceField(label=_("Group"), queryset=Group.objects.none())
    start_date = forms.DateField(label=_("Start date"), widget=DATE)
    end_date = forms.DateField(label=_("End date"), widget=DATE, required=False,
                               help_text=_("Leave empty for a contract without an end date."))
    schedule_type = forms.ChoiceField(label=_("Schedule"), choices=ScheduleType.choices)
    estimated_hours_per_quarter = forms.DecimalField(
        label=_("Estimated hours per three months"), required=False, min_value=0, max_digits=6, decimal_places=1,
        help_text=_("Only for a flexible contract, from the parent's roster."))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, location=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = Child.objects.all()
        self.fields["group"].queryset = Group.objects.all()
        types = location.care_types if location else CareType.values
        self.fields["care_type"].choices = [(value, label) for value, label in CareType.choices if value in types]


class ChangeForm(forms.Form):
    effective_from = forms.DateField(label=_("Takes effect on"), widget=DATE)
    requested_on = forms.DateField(label=_("Asked by the parent on"), widget=DATE, required=False,
                                   help_text=_("Empty: today."))
    group = forms.ModelChoiceField(label=_("Group"), queryset=Group.objects.none())
    end_date = forms.DateField(label=_("End date"), widget=DATE, required=False)
    schedule_type = forms.ChoiceField(label=_("Schedule"), choices=ScheduleType.choices)
    estimated_hours_per_quarter = forms.DecimalField(label=_("Estimated hours per three months"), required=False,
                                                     min_value=0, max_digits=6, decimal_places=1)
    note = forms.CharField(label=_("Reason for the change"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = Group.objects.all()


class SignForm(forms.Form):
    typed_name = forms.CharField(label=_("Type your full name to sign"), max_length=200)


class NoticeForm(forms.Form):
    party = forms.ChoiceField(label=_("Notice given by"), choices=Contract.Party.choices)
    given_on = forms.DateField(label=_("Notice given on"), widget=DATE, required=False, help_text=_("Empty: today."))
    end_date = forms.DateField(label=_("Last day of care"), widget=DATE, required=False,
                               help_text=_("Empty: the earliest day the notice period allows."))


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ContractSettings
        fields = ["flemish_rules", "min_care_days", "max_reductions_total", "max_reductions_per_year",
                  "reduction_notice_months"]
        widgets = {"flemish_rules": forms.NullBooleanSelect}


class EvaluationDoneForm(forms.Form):
    notes = forms.CharField(label=_("Notes of the evaluation"), widget=forms.Textarea(attrs={"rows": 3}),
                            required=False)


class ChangeRequestForm(forms.Form):
    """A parent's change request; which fields count depends on `kind` (the service checks)."""

    contract = forms.ModelChoiceField(label=_("Contract"), queryset=Contract.objects.none(), empty_label=None)
    kind = forms.ChoiceField(label=_("What would you like?"), choices=ChangeRequest.Kind.choices,
                             widget=forms.RadioSelect)
    effective_from = forms.DateField(label=_("New schedule from"), widget=DATE, required=False,
                                     help_text=_("For a new schedule: fill in the care days below."))
    schedule_type = forms.ChoiceField(label=_("Schedule"), choices=ScheduleType.choices, required=False)
    estimated_hours_per_quarter = forms.DecimalField(
        label=_("Estimated hours per three months"), required=False, min_value=0, max_digits=6, decimal_places=1,
        help_text=_("Only for a flexible schedule."))
    end_date = forms.DateField(label=_("Last day of care"), widget=DATE, required=False,
                               help_text=_("To end the contract."))
    message = forms.CharField(label=_("Message for the location"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, contracts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts if contracts is not None else Contract.objects.none()
        self.fields["contract"].label_from_instance = lambda contract: (
            f"{contract.child.full_name} · {contract.get_care_type_display()} · {contract.start_date:%d-%m-%Y}")


class AnswerChangeRequestForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("accept", _("Accept as asked")),
        ("refuse", _("Refuse")),
    ])
    answer = forms.CharField(label=_("Answer for the parent"), max_length=2000, required=False,
                             widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Required when you refuse."))
