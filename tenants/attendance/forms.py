"""Forms of the attendance pages. They check types; the rules live in the services (errors come back per
field through `add_service_errors`)."""
from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.attendance.models import Absence, AttendanceSettings

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TEXTAREA = forms.Textarea(attrs={"rows": 3})


class ChildChoiceForm(forms.Form):
    child = forms.ModelChoiceField(queryset=None, label=_("Child"), empty_label=None)

    def __init__(self, *args, children=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children
        self.fields["child"].label_from_instance = lambda child: child.full_name


class AbsenceForm(ChildChoiceForm):
    kind = forms.ChoiceField(label=_("Kind of absence"), choices=Absence.Kind.choices, widget=forms.RadioSelect)
    start_date = forms.DateField(label=_("First day"), widget=DATE)
    end_date = forms.DateField(label=_("Last day"), widget=DATE, required=False,
                               help_text=_("Leave empty for one day."))
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=TEXTAREA)


class ExtraDayForm(ChildChoiceForm):
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("From"), widget=TIME)
    end_time = forms.TimeField(label=_("Until"), widget=TIME)
    note = forms.CharField(label=_("Note for the location"), max_length=2000, widget=TEXTAREA, required=False)


class SwapForm(ChildChoiceForm):
    give_up_date = forms.DateField(label=_("Contract day you give up"), widget=DATE)
    date = forms.DateField(label=_("New day"), widget=DATE)
    start_time = forms.TimeField(label=_("From"), widget=TIME)
    end_time = forms.TimeField(label=_("Until"), widget=TIME)
    note = forms.CharField(label=_("Note for the location"), max_length=2000, widget=TEXTAREA, required=False)


class CertificateForm(forms.Form):
    certificate_received_on = forms.DateField(label=_("Doctor's certificate received on"), widget=DATE)


class LatePickupForm(forms.Form):
    late_pickup_announced = forms.BooleanField(label=_("Late pick-up announced by phone"), required=False)


class AttendanceSettingsForm(forms.ModelForm):
    class Meta:
        model = AttendanceSettings
        fields = ["swap_same_month", "swaps_per_month"]


class DisputeForm(forms.Form):
    check_in = forms.TimeField(label=_("Arrival according to you"), widget=TIME)
    check_out = forms.TimeField(label=_("Departure according to you"), widget=TIME, required=False)
    reason = forms.CharField(label=_("What is wrong?"), max_length=2000, widget=TEXTAREA)


class ResolveForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("accept", _("Accept: put the parent's times in the register")),
        ("reject", _("Reject: keep the registered times")),
    ])
    note = forms.CharField(label=_("Note for the parent"), max_length=2000, widget=TEXTAREA, required=False,
                           help_text=_("Required when you reject."))


class DayForm(forms.Form):
    """The date (and group) of the register and planning pages, from the query string."""

    date = forms.DateField(label=_("Date"), widget=DATE, required=False)
    group = forms.ModelChoiceField(queryset=None, label=_("Group"), required=False, empty_label=_("All groups"))

    def __init__(self, *args, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
