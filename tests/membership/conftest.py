"""Membership-fee tests: Stripe Billing answered from the payments recordings."""
import pytest

from tests.payments.stripe_fake import recorded_stripe  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def _english(english):
    """Pages in English for the assertions on text."""
