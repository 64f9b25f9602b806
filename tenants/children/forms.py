"""Forms of the child pages. They check types; the rules live in the services (errors come back per field)."""
from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.calendar.models import Weekday
from tenants.children.models import Child, CorrectionRequest, PickupPerson
from tenants.children.services import FILE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXTAREA = forms.Textarea(attrs={"rows": 3})


class ChildForm(forms.Form):
    pass


ChildForm.base_fields = forms.fields_for_model(
    Child, fields=FILE_FIELDS,
    widgets={"birth_date": DATE, "allergies": TEXTAREA, "diet": TEXTAREA, "medication": TEXTAREA,
             "medical_notes": TEXTAREA},
)
ChildForm.base_fields["bsn"] = forms.CharField(
    label=_("BSN (citizen service number)"), max_length=20, required=False,
    help_text=_("Optional. Nine digits; checked with the eleven-test."))
ChildForm.base_fields["group"].empty_label = _("(no group yet)")


class InviteGuardianForm(forms.Form):
    email = forms.EmailField(label=_("e-mail address"))
    full_name = forms.CharField(label=_("full name"), max_length=200, required=False,
                                help_text=_("Needed only when the person has no account yet."))


class PickupPersonForm(forms.Form):
    pass


PickupPersonForm.base_fields = forms.fields_for_model(
    PickupPerson, fields=["name", "relation", "phone", "birth_date", "is_minor", "permission_signed_on"],
    widgets={"birth_date": DATE, "permission_signed_on": DATE},
)


class CustodyNoteForm(forms.Form):
    person_name = forms.CharField(label=_("person"), max_length=200)
    may_pick_up = forms.BooleanField(label=_("may pick up"), required=False,
                                     help_text=_("Ticked: may pick up on the days chosen; not ticked: may not."))
    weekdays = forms.TypedMultipleChoiceField(label=_("weekdays"), choices=Weekday.choices, coerce=int,
                                              widget=forms.CheckboxSelectMultiple, required=False)
    court_order = forms.CharField(label=_("court order reference"), max_length=200, required=False)
    valid_from = forms.DateField(label=_("valid from"), required=False, widget=DATE)
    valid_until = forms.DateField(label=_("valid until"), required=False, widget=DATE)
    notes = forms.CharField(label=_("notes"), required=False, widget=TEXTAREA)


class CorrectionRequestForm(forms.Form):
    field = forms.ChoiceField(label=_("What should be corrected?"), choices=CorrectionRequest.Field.choices)
    requested_change = forms.CharField(label=_("requested change"), widget=TEXTAREA,
                                       help_text=_("The correct value, or what should change."))
    reason = forms.CharField(label=_("reason"), widget=TEXTAREA)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("decision"), choices=[("accept", _("Accept")), ("reject", _("Reject"))])
    value = forms.CharField(label=_("value to store"), required=False,
                            help_text=_("Leave empty to store the requested change as it is."))
    note = forms.CharField(label=_("note to the parent"), required=False, widget=TEXTAREA)
