"""Forms of care requests: the public request form (one location or several), the parent's change, a proof,
the entrepreneur's rule order and offer."""
from django import forms
from django.utils.translation import gettext_lazy as _

from intake import rules
from intake.models import CareKind, Proof, Rule, UrgentReason

WEEKDAYS = [(0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")), (4, _("Friday")),
            (5, _("Saturday")), (6, _("Sunday"))]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DaysField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("choices", WEEKDAYS[:5])
        super().__init__(coerce=int, widget=forms.CheckboxSelectMultiple, required=False, **kwargs)


class RequestForm(forms.Form):
    """The public form. On a location's host `locations` is that one location; on the main domain the parent
    ticks several (suggested by postcode and kind of care). `website` is a honeypot: people leave it empty."""

    locations = forms.TypedMultipleChoiceField(label=_("Locations"), coerce=int, required=False,
                                               widget=forms.CheckboxSelectMultiple)
    care_kind = forms.ChoiceField(label=_("Kind of care"), choices=CareKind.choices)
    days = DaysField(label=_("Days"))
    start_date = forms.DateField(label=_("Wanted start date"), widget=DATE, required=False)
    child_first_name = forms.CharField(label=_("Child's first name"), max_length=100, required=False,
                                       help_text=_("Leave empty for a child still expected."))
    birth_date = forms.DateField(label=_("Birth date"), widget=DATE, required=False)
    due_date = forms.DateField(label=_("Due date (expected child)"), widget=DATE, required=False)
    parent_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=12, required=False)
    city = forms.CharField(label=_("Municipality"), max_length=100, required=False)
    special_care = forms.BooleanField(label=_("My child has special care needs"), required=False)
    works = forms.BooleanField(label=_("Our family works, or follows a training for work, at least 4/5 on average"),
                               required=False)
    foster = forms.BooleanField(label=_("It is a foster child"), required=False)
    siblings_at = forms.TypedMultipleChoiceField(
        label=_("A brother or sister goes there at the same time"), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple)
    staff_at = forms.TypedMultipleChoiceField(label=_("A parent works there"), coerce=int, required=False,
                                              widget=forms.CheckboxSelectMultiple)
    urgent_reason = forms.ChoiceField(label=_("Do you need care urgently, within a month?"),
                                      choices=UrgentReason.choices, required=False)
    campaign = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    website = forms.CharField(label=_("Leave this field empty"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    def __init__(self, *args, locations=(), fixed_location=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(location.pk, location.name) for location in locations]
        for name in ("locations", "siblings_at", "staff_at"):
            self.fields[name].choices = choices
        self.fixed_location = fixed_location
        if fixed_location is not None:
            self.fields["locations"].widget = forms.MultipleHiddenInput()
            self.fields["locations"].initial = [fixed_location.pk]
            self.fields["siblings_at"].label = _("A brother or sister goes here at the same time")
            self.fields["staff_at"].label = _("A parent works here")
            self.fields["care_kind"].choices = [c for c in CareKind.choices if c[0] in fixed_location.care_types]

    def clean_locations(self):
        if self.fixed_location is not None:
            return [self.fixed_location.pk]
        return self.cleaned_data["locations"]


class ChangeForm(forms.Form):
    days = DaysField(label=_("Days"))
    start_date = forms.DateField(label=_("Wanted start date"), widget=DATE)


class ProofForm(forms.Form):
    kind = forms.ChoiceField(label=_("What it proves"), choices=Proof.Kind.choices)
    file = forms.FileField(label=_("File (PDF, JPEG or PNG, at most 5 MB)"))


class ConfirmForm(forms.Form):
    """Confirming the address for the first time makes the account: a name and a password."""

    full_name = forms.CharField(label=_("Your name"), max_length=200)
    password = forms.CharField(label=_("Choose a password"), widget=forms.PasswordInput, min_length=10,
                               help_text=_("At least 10 characters."))


class RuleOrderForm(forms.Form):
    """The location's rules: for each rule of the catalogue whether it counts and its place (1 = first)."""

    def __init__(self, *args, order=(), **kwargs):
        super().__init__(*args, **kwargs)
        for index, rule in enumerate(rules.CATALOGUE):
            place = order.index(rule) + 1 if rule in order else ""
            self.fields[f"use_{rule}"] = forms.BooleanField(label=Rule(rule).label, required=False,
                                                            initial=rule in order)
            self.fields[f"place_{rule}"] = forms.IntegerField(label=_("place"), required=False, min_value=1,
                                                              max_value=len(rules.CATALOGUE),
                                                              initial=place or index + 1)

    def rule_rows(self):
        return [(self[f"use_{rule}"], self[f"place_{rule}"]) for rule in rules.CATALOGUE]

    def order(self) -> list[str]:
        chosen = [(self.cleaned_data.get(f"place_{rule}") or 99, index, rule)
                  for index, rule in enumerate(rules.CATALOGUE) if self.cleaned_data.get(f"use_{rule}")]
        return [rule for _place, _index, rule in sorted(chosen)]


class OfferForm(forms.Form):
    group = forms.TypedChoiceField(label=_("Group"), coerce=int)
    start_date = forms.DateField(label=_("Start date"), widget=DATE)
    days = DaysField(label=_("Days"))
    deadline = forms.DateField(label=_("Answer before"), widget=DATE, required=False)
    note = forms.CharField(label=_("Note to the parent"), max_length=300, required=False)

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [(group.pk, group.name) for group in groups]
