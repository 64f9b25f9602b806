from django import forms
from django.utils.translation import gettext_lazy as _

from push import rules

LABELS = {
    rules.HANDOVER: _("A new handover"),
    rules.MESSAGE: _("A new message or announcement"),
    rules.INVOICE: _("A new invoice"),
    rules.CONTRACT: _("A contract to sign"),
    rules.HEALTH: _("News about my child's health (medication given)"),
}


class KindsForm(forms.Form):
    """Which kinds of news one device receives."""

    def __init__(self, *args, subscription=None, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in rules.KINDS:
            self.fields[kind] = forms.BooleanField(
                label=LABELS[kind], required=False,
                initial=getattr(subscription, kind) if subscription is not None else True)

    def kinds(self) -> list[str]:
        return [kind for kind in rules.KINDS if self.cleaned_data.get(kind)]
