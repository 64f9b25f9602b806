"""Page forms for invoices; they call the same services as the API."""
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.contracts.models import Contract

DATE = forms.DateInput(attrs={"type": "date"})
ONE_OFF_ROWS = 5


class MonthForm(forms.Form):
    """A calendar month as year-month (the browser's month picker); cleaned to its first day."""

    month = forms.CharField(label=_("Month"), max_length=7, widget=forms.TextInput(attrs={"type": "month"}))

    def clean_month(self) -> date:
        value = self.cleaned_data["month"].strip()
        try:
            year, month = (int(part) for part in value.split("-"))
            first = date(year, month, 1)
        except ValueError:
            first = None
        if first is None or not 2000 <= first.year <= 2100 or len(value) != 7:
            raise forms.ValidationError(_("Enter a month as year-month, for example 2026-03."))
        return first


class CreditNoteForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount (empty: the whole rest)"), max_digits=10, decimal_places=2,
                                required=False)
    reason = forms.CharField(label=_("Reason"), max_length=300)


class ContractChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, contract):
        return f"{contract.child.full_name} — {contract.get_care_type_display()} ({contract.start_date:%d-%m-%Y})"


class OneOffInvoiceForm(forms.Form):
    """Free lines for one child's paying parent; empty rows are left out."""

    contract = ContractChoiceField(label=_("Child (contract)"), queryset=Contract.objects.none(),
                                   help_text=_("The invoice goes to the paying parent of this contract."))
    date = forms.DateField(label=_("Date of the costs"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = (Contract.objects.filter(status=Contract.Status.ACTIVE)
                                            .select_related("child").order_by("child__first_name", "-start_date"))
        for n in range(1, ONE_OFF_ROWS + 1):
            self.fields[f"line_{n}_description"] = forms.CharField(
                label=_("Line %(n)s: description") % {"n": n}, max_length=200, required=False)
            self.fields[f"line_{n}_quantity"] = forms.DecimalField(
                label=_("Line %(n)s: quantity") % {"n": n}, required=False, min_value=0, max_digits=10,
                decimal_places=3, initial=1 if n == 1 else None)
            self.fields[f"line_{n}_unit_price"] = forms.DecimalField(
                label=_("Line %(n)s: price (€)") % {"n": n}, required=False, min_value=0, max_digits=8,
                decimal_places=2)

    def rows(self):
        """[(description, quantity, price) bound fields] for the table of lines."""
        return [(self[f"line_{n}_description"], self[f"line_{n}_quantity"], self[f"line_{n}_unit_price"])
                for n in range(1, ONE_OFF_ROWS + 1)]

    def head_fields(self):
        return [self["contract"], self["date"]]

    def clean(self):
        data = super().clean()
        self.lines = []
        for n in range(1, ONE_OFF_ROWS + 1):
            description = data.get(f"line_{n}_description") or ""
            quantity = data.get(f"line_{n}_quantity")
            price = data.get(f"line_{n}_unit_price")
            if not description and quantity in (None, 1) and price is None and not self.has_error(
                    f"line_{n}_quantity") and not self.has_error(f"line_{n}_unit_price"):
                continue
            if not description:
                self.add_error(f"line_{n}_description", _("Describe the cost."))
            if quantity is not None and quantity <= 0:
                self.add_error(f"line_{n}_quantity", _("The quantity must be more than zero."))
            if price is None and not self.has_error(f"line_{n}_unit_price"):
                self.add_error(f"line_{n}_unit_price", _("Enter the price."))
            self.lines.append({"description": description, "quantity": quantity if quantity is not None else 1,
                               "unit_price": price})
        if not self.lines and not self.errors:
            self.add_error("line_1_description", _("Add at least one line."))
        return data

