"""Forms of the pages that put the past right (tenants.attendance.correction_views). They check types; the
rules live in tenants.attendance.corrections (errors come back per field)."""
from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.attendance.forms import DATE, TEXTAREA, TIME, ChildChoiceForm
from tenants.attendance.models import Absence

REASON_HELP = _("The parent reads this in the history.")


class PastAbsenceForm(ChildChoiceForm):
    kind = forms.ChoiceField(label=_("Kind of absence"), choices=Absence.Kind.choices, widget=forms.RadioSelect)
    start_date = forms.DateField(label=_("First day"), widget=DATE)
    end_date = forms.DateField(label=_("Last day"), widget=DATE, required=False,
                               help_text=_("Leave empty for one day."))
    told_on = forms.DateField(label=_("The parent told us on"), widget=DATE, required=False,
                              help_text=_("Leave both empty when nobody told the location beforehand: the report "
                                          "then counts as late."))
    told_at = forms.TimeField(label=_("At what time"), widget=TIME, required=False)
    reason = forms.CharField(label=_("Why is it recorded afterwards?"), max_length=2000, widget=TEXTAREA,
                             help_text=REASON_HELP)

    def clean(self):
        data = super().clean()
        if bool(data.get("told_on")) != bool(data.get("told_at")) and not self.errors:
            self.add_error("told_at" if data.get("told_on") else "told_on",
                           _("Give both the day and the time the parent told you, or neither."))
        return data


class CorrectTimesForm(forms.Form):
    check_in = forms.TimeField(label=_("Arrived at"), widget=TIME, required=False)
    check_out = forms.TimeField(label=_("Left at"), widget=TIME, required=False)
    reason = forms.CharField(label=_("Why are the times corrected?"), max_length=2000, widget=TEXTAREA,
                             help_text=REASON_HELP)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why is it withdrawn?"), max_length=2000, widget=TEXTAREA, help_text=REASON_HELP)


class CorrectionDayForm(forms.Form):
    date = forms.DateField(label=_("Day"), widget=DATE, required=False)
