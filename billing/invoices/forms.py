from django import forms
from django.utils.translation import gettext_lazy as _


class CreditNoteForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount (empty: the whole rest)"), max_digits=10, decimal_places=2,
                                required=False)
    reason = forms.CharField(label=_("Reason"), max_length=300)


def add_service_errors(form, error) -> None:
    for field, messages in getattr(error, "message_dict", {"__all__": error.messages}).items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
