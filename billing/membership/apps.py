from django.apps import AppConfig


class MembershipConfig(AppConfig):
    """Lidmaatschapsbijdrage die de coöperatie elke vestiging rekent (Stripe Billing)."""

    name = "billing.membership"
    label = "membership_fees"
