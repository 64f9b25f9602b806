"""Forms of the group, staff and roster pages; the rules live in the services."""
from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.groups.models import Group, StaffProfile


class GroupForm(forms.Form):
    pass


GroupForm.base_fields = forms.fields_for_model(Group, fields=["name", "kind", "play_space_m2", "min_age",
                                                               "max_age"])


class InviteStaffForm(forms.Form):
    email = forms.EmailField(label=_("e-mail address"))
    full_name = forms.CharField(label=_("full name"), max_length=200, required=False,
                                help_text=_("Needed only when the person has no account yet."))
    job_role = forms.ChoiceField(label=_("job role"), choices=StaffProfile.JobRole.choices)
    qualification = forms.CharField(label=_("qualification"), max_length=200, required=False,
                                    help_text=_("Diploma or certificate, e.g. MBO-3 Pedagogisch werk."))
    groups = forms.ModelMultipleChoiceField(label=_("assigned groups"), queryset=Group.objects.all(),
                                            required=False, widget=forms.CheckboxSelectMultiple)


class StaffForm(forms.Form):
    job_role = forms.ChoiceField(label=_("job role"), choices=StaffProfile.JobRole.choices)
    qualification = forms.CharField(label=_("qualification"), max_length=200, required=False)
    groups = forms.ModelMultipleChoiceField(label=_("assigned groups"), queryset=Group.objects.all(),
                                            required=False, widget=forms.CheckboxSelectMultiple)


class ShiftForm(forms.Form):
    staff = forms.ModelChoiceField(label=_("staff member"), queryset=StaffProfile.objects.none())
    group = forms.ModelChoiceField(label=_("group"), queryset=Group.objects.all())
    date = forms.DateField(label=_("date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    start_time = forms.TimeField(label=_("start time"), widget=forms.TimeInput(attrs={"type": "time"},
                                                                                 format="%H:%M"))
    end_time = forms.TimeField(label=_("end time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = StaffProfile.objects.filter(is_active=True).select_related("user")
        self.fields["staff"].label_from_instance = lambda profile: profile.user.full_name




class BackupForm(forms.Form):
    """The childminder's backup person for one day, or for each day up to `last_day`."""

    first_day = forms.DateField(label=_("date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    last_day = forms.DateField(label=_("until (optional)"), required=False,
                               help_text=_("The same backup person for every day up to this date."),
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    name = forms.CharField(label=_("name"), max_length=200)
    phone = forms.CharField(label=_("phone number"), max_length=30,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
