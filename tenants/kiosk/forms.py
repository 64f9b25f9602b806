from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.kiosk.models import KioskSettings


def _pin_widget(**attrs):
    return forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*",
                                      "class": "kiosk-pin-input", **attrs})


class PinForm(forms.Form):
    """The PIN on the kiosk; its checks are the service's (a wrong PIN is a field error)."""

    pin = forms.CharField(label=_("PIN"), max_length=20, widget=_pin_widget(autofocus=True))


class SetPinForm(forms.Form):
    pin = forms.CharField(label=_("New PIN (4 to 8 digits)"), max_length=20, widget=_pin_widget())
    pin_again = forms.CharField(label=_("The same PIN again"), max_length=20, widget=_pin_widget())


class ReasonForm(forms.Form):
    """Shows the reason asked for on the child's card; the service checks it (tenants.kiosk.rules.reason_error)."""

    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EnrolForm(forms.Form):
    name = forms.CharField(label=_("Name of this tablet"), max_length=200,
                           help_text=_("e.g. Tablet at the entrance"))


class KioskSettingsForm(forms.ModelForm):
    lock_after_seconds = forms.IntegerField(label=_("Lock after this many seconds without a tap"),
                                            help_text=_("From 30 to 1800 seconds."))

    class Meta:
        model = KioskSettings
        fields = ["parents_may_check", "lock_after_seconds"]
