"""Page forms for tariffs. They only shape the input; the services check the rules (the same ones the API
uses) and their field errors land on these fields."""
from django import forms
from django.utils.translation import gettext_lazy as _
from jurisdictions import DEFAULT, policy

from accounts.models import User
from billing.invoices.forms import DATE, ContractChoiceField
from billing.invoices.models import Invoice
from billing.tariffs.models import Extra, TariffModel
from tenants.children.models import Child
from tenants.contracts.models import CareType, Contract

RATE_ERRORS = {"min_value": _("A rate cannot be negative."),
               "max_decimal_places": _("Give the rate in at most four decimals."),
               "invalid": _("Enter an amount in euros.")}
AMOUNT_ERRORS = {"min_value": _("The amount cannot be negative."), "invalid": _("Enter an amount in euros."),
                 "max_decimal_places": _("Too many decimals.")}


def _signed_contracts():
    return Contract.objects.filter(status=Contract.Status.ACTIVE).select_related("child").order_by(
        "child__first_name", "-start_date")


class TariffYearForm(forms.Form):
    """A calendar year with an hourly rate (and optionally a rate for flexible contracts) per care type."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, care_types=(), fixed_year=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_year is not None:
            self.fields["year"].disabled = True
            self.fields["year"].initial = fixed_year
        self.care_types = [(value, label) for value, label in CareType.choices if value in care_types]
        for value, label in self.care_types:
            self.fields[f"rate_{value}"] = forms.DecimalField(
                label=_("%(type)s: hourly rate (€)") % {"type": label}, required=False, min_value=0,
                max_digits=9, decimal_places=4, error_messages=RATE_ERRORS)
            self.fields[f"flex_{value}"] = forms.DecimalField(
                label=_("%(type)s: hourly rate for flexible contracts (€)") % {"type": label}, required=False,
                min_value=0, max_digits=9, decimal_places=4, error_messages=RATE_ERRORS,
                help_text=_("Empty: the same hourly rate."))

    def clean(self):
        data = super().clean()
        for value, _label in self.care_types:
            if data.get(f"rate_{value}") is None and data.get(f"flex_{value}") is not None:
                self.add_error(f"rate_{value}", _("Enter the hourly rate as well."))
        return data

    def rates(self) -> list[dict]:
        return [{"care_type": value, "hourly_rate": self.cleaned_data[f"rate_{value}"],
                 "flexible_hourly_rate": self.cleaned_data.get(f"flex_{value}")}
                for value, _label in self.care_types if self.cleaned_data.get(f"rate_{value}") is not None]


class ContractTariffForm(forms.Form):
    model = forms.ChoiceField(label=_("Tariff model"))
    paying_parent = forms.ModelChoiceField(label=_("Paying parent"), queryset=User.objects.none(),
                                           help_text=_("The guardian who gets and pays the invoices."))
    payment_method = forms.ChoiceField(label=_("Payment method"), choices=Invoice.PaymentMethod.choices)
    location_diapers = forms.BooleanField(label=_("Uses the location's diapers (Flanders)"), required=False)

    def __init__(self, *args, contract=None, jurisdiction=DEFAULT, **kwargs):
        super().__init__(*args, **kwargs)
        models_here = policy(jurisdiction).tariff_models
        self.fields["model"].choices = [(value, label) for value, label in TariffModel.choices
                                        if value in models_here]
        if not policy(jurisdiction).fees.diaper_full_day:  # no diapers on the invoice here: nothing to ask
            del self.fields["location_diapers"]
        self.fields["paying_parent"].queryset = contract.child.guardians.order_by("full_name")
        self.fields["paying_parent"].label_from_instance = lambda user: user.full_name


class CertificateForm(forms.Form):
    child = forms.ModelChoiceField(label=_("Child"), queryset=Child.objects.all())
    day_price = forms.DecimalField(label=_("Income tariff per day (€)"), min_value=0, max_digits=7,
                                   decimal_places=2, error_messages=AMOUNT_ERRORS)
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE)
    kind_code = forms.CharField(label=_("Child code (kindcode)"), max_length=40, required=False)


class SettlingInForm(forms.Form):
    child = forms.ModelChoiceField(label=_("Child"), queryset=Child.objects.all())
    date = forms.DateField(label=_("Date"), widget=DATE)


class ExtraForm(forms.Form):
    contract = ContractChoiceField(label=_("Child (contract)"), queryset=Contract.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=Extra.Kind.choices)
    description = forms.CharField(label=_("Description"), max_length=200)
    quantity = forms.DecimalField(label=_("Quantity"), initial=1, max_digits=8, decimal_places=2,
                                  error_messages=AMOUNT_ERRORS)
    unit_price = forms.DecimalField(label=_("Price (€)"), max_digits=8, decimal_places=2,
                                    error_messages=AMOUNT_ERRORS)
    frequency = forms.ChoiceField(label=_("Frequency"), choices=Extra.Frequency.choices)
    on_date = forms.DateField(label=_("Date (once) or from (every month)"), widget=DATE)
    until = forms.DateField(label=_("Until (every month)"), widget=DATE, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = _signed_contracts()


class HoursForm(forms.Form):
    contract = ContractChoiceField(label=_("Child (contract)"), queryset=Contract.objects.none())
    date = forms.DateField(label=_("Date"), widget=DATE)
    hours = forms.DecimalField(label=_("Hours"), max_digits=4, decimal_places=2, error_messages=AMOUNT_ERRORS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = _signed_contracts()


class TariffSettingsForm(forms.Form):
    nl_payment_days = forms.IntegerField(label=_("Payment term in days (NL)"))
    justified_absence_days = forms.IntegerField(
        label=_("Justified absence days a year for full-time care (Flanders)"),
        help_text=_("At least 18 (the legal minimum); part-time care and part of a year get a share."))
    diaper_full_day = forms.DecimalField(label=_("Diapers, full day (€)"), max_digits=6, decimal_places=2,
                                         error_messages=AMOUNT_ERRORS)
    diaper_half_day = forms.DecimalField(label=_("Diapers, half day (€)"), max_digits=6, decimal_places=2,
                                         error_messages=AMOUNT_ERRORS)
    admin_fee = forms.DecimalField(label=_("Monthly administration fee (€)"), max_digits=6, decimal_places=2,
                                   error_messages=AMOUNT_ERRORS)
    late_pickup_fine = forms.DecimalField(label=_("Fine per started quarter after closing time (€)"),
                                          max_digits=6, decimal_places=2, error_messages=AMOUNT_ERRORS,
                                          help_text=_("Not charged when the parent phoned ahead."))
