from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.calendar.models import Weekday
from tenants.groups.models import Group
from tenants.webcams.models import Camera


class CameraForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    area = forms.ChoiceField(label=_("What it films"), choices=Camera.Area.choices)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Camera.Purpose.choices,
                                help_text=_("Parents may only look at a play area, an eating corner or a sitting "
                                            "corner. Security recording: entrances and outside only."))
    group = forms.ModelChoiceField(label=_("Group"), queryset=Group.objects.all(), required=False,
                                   help_text=_("For a camera parents look at: the group it shows."))
    source = forms.CharField(label=_("Stream address"), max_length=500, required=False,
                             widget=forms.PasswordInput(render_value=False),
                             help_text=_("rtsp:// or http(s):// address of the camera. Stored encrypted and never "
                                         "shown again; leave empty to keep the stored one."))
    max_viewers = forms.IntegerField(label=_("At most this many viewers at once"), min_value=1, max_value=100,
                                     initial=10)
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)


class WindowForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Weekday"), choices=Weekday.choices, coerce=int)
    start = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))


class SettingsForm(forms.Form):
    guest_invites_allowed = forms.BooleanField(
        label=_("Parents may invite a grandparent for one window"), required=False)
    retention_days = forms.IntegerField(label=_("Keep security recordings (days)"), min_value=1, max_value=30,
                                        help_text=_("At most 30 days."))


class InviteForm(forms.Form):
    camera = forms.ModelChoiceField(label=_("Camera"), queryset=Camera.objects.none())
    guest_name = forms.CharField(label=_("Name of the guest"), max_length=100,
                                 help_text=_("For example: Oma Ans. The link works once, in one browser, until "
                                             "the end of the window."))

    def __init__(self, *args, cameras=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["camera"].queryset = Camera.objects.filter(pk__in=[c.pk for c in cameras])


class RecordingRequestForm(forms.Form):
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 3}),
                                 help_text=_("Why must this recording be viewed? A second director reads this."))
