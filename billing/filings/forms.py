from django import forms
from django.utils.translation import gettext_lazy as _

LABELS = {
    "bsn": _("BSN"),
    "national_number": _("National register number"),
    "kindcode": _("Kindcode (Opgroeien)"),
    "birth_date": _("Birth date"),
    "address": _("Address"),
}
HELP = {
    "bsn": _("Nine digits; checked with the eleven-test. Stored encrypted."),
    "national_number": _("Eleven digits (YY.MM.DD-XXX.CC). Stored encrypted."),
    "kindcode": _("The code Opgroeien gives the child; the attendance registration needs it."),
    "address": _("Street, number, postcode and town of the debtor on the fiscal certificate."),
}


class NumbersForm(forms.Form):
    """The identity numbers of a child or parent: only the fields the location's filings need."""

    def __init__(self, *args, fields: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        for name in fields:
            if name == "birth_date":
                field = forms.DateField(label=LABELS[name], required=False,
                                        widget=forms.DateInput(attrs={"type": "date"}))
            else:
                field = forms.CharField(label=LABELS[name], required=False,
                                        max_length=300 if name == "address" else 20, help_text=HELP.get(name, ""))
            self.fields[name] = field
