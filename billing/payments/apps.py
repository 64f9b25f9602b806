from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    """Betalingen: Stripe (incasso-machtiging, iDEAL, webhooks) en SEPA-incassobestanden (pain.008)."""

    name = "billing.payments"
    label = "payments"
