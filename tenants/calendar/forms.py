"""Page forms of the calendar; they call the same services as the API."""
from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.calendar.models import Closure, Weekday

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE = forms.DateInput(attrs={"type": "date"})


class OpeningHoursForm(forms.Form):
    """Opens and closes per weekday; leave both empty for a day the location is closed."""

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        for weekday, label in Weekday.choices:
            opens, closes = current.get(weekday, (None, None))
            self.fields[f"opens_{weekday}"] = forms.TimeField(
                label=_("%(day)s opens") % {"day": label}, required=False, widget=TIME, initial=opens)
            self.fields[f"closes_{weekday}"] = forms.TimeField(
                label=_("%(day)s closes") % {"day": label}, required=False, widget=TIME, initial=closes)

    def hours(self) -> dict:
        return {weekday: (self.cleaned_data.get(f"opens_{weekday}"), self.cleaned_data.get(f"closes_{weekday}"))
                for weekday in Weekday.values}


class ClosingPeriodForm(forms.Form):
    """A closing period in one step: the first and the last closed day (a few days, weeks, across the new year)."""

    start_date = forms.DateField(label=_("First closed day"), widget=DATE)
    end_date = forms.DateField(label=_("Last closed day"), widget=DATE,
                               help_text=_("The location is closed on both days and every day between them."))
    note = forms.CharField(label=_("Note"), max_length=200, required=False,
                           help_text=_("For example: summer holiday, Christmas."))


class HolidayForm(forms.Form):
    name = forms.CharField(max_length=100, widget=forms.HiddenInput)
    closed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ClosureForm(forms.Form):
    start_date = forms.DateField(label=_("First day"), widget=DATE)
    end_date = forms.DateField(label=_("Last day"), widget=DATE)
    reason = forms.ChoiceField(label=_("Reason"), choices=Closure.Reason.choices)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)
