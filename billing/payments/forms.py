"""Page forms for payments; the views pass them to the same services as the API."""
from django import forms
from django.utils.translation import gettext_lazy as _

from billing.payments.models import CollectionSettings
from tenants.calendar.forms import DATE


class MandateForm(forms.Form):
    account_holder = forms.CharField(label=_("Account holder"), max_length=200, required=False,
                                     help_text=_("The name on the bank account, as the bank knows it."))
    iban = forms.CharField(label=_("IBAN"), max_length=50, required=False)
    bic = forms.CharField(label=_("BIC"), max_length=11, required=False,
                          help_text=_("Only needed for a bank outside the Netherlands and Belgium."))
    consent = forms.BooleanField(
        label=_("I authorise the location to collect the amounts of my invoices from this account by SEPA "
                "direct debit, and my bank to debit my account accordingly. I can ask my bank for a refund "
                "within 8 weeks of a collection."), required=True,
        error_messages={"required": _("Tick the box to give the mandate.")})


class CollectionSettingsForm(forms.ModelForm):
    class Meta:
        model = CollectionSettings
        fields = ["method", "creditor_name", "creditor_iban", "creditor_bic", "creditor_id"]
        help_texts = {"creditor_id": _("Only for collection through your own bank.")}


class SepaFileForm(forms.Form):
    collection_date = forms.DateField(label=_("Collection date"), widget=DATE)


class RecordPaymentForm(forms.Form):
    method = forms.ChoiceField(label=_("How was it paid?"), choices=[
        ("bank_transfer", _("bank transfer")), ("cash", _("cash"))])
    amount = forms.CharField(label=_("Amount (€)"), max_length=20, required=False)
    paid_on = forms.DateField(label=_("Received on"), widget=DATE, required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False,
                           help_text=_("For example the name on the transfer or who handed over the cash."))


class StatementUploadForm(forms.Form):
    file = forms.FileField(label=_("Statement file (CAMT.053 or MT940)"), required=False,
                           help_text=_("Export it from your bank's online banking; at most 5 MB."))


class DismissEntryForm(forms.Form):
    note = forms.CharField(label=_("Why it is no invoice payment"), max_length=300, required=False)
