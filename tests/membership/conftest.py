"""Membership-fee tests: Stripe Billing answered from the payments recordings."""
import pytest

from tests.payments.stripe_fake import recorded_stripe  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def english(world, db):
    from accounts.models import User

    User.objects.update(language="en")


@pytest.fixture
def api(client_for):
    """api(user, site or None for the main domain) -> a client whose post sends JSON."""
    import json

    class JsonClient:
        def __init__(self, client):
            self.client = client

        def get(self, path, data=None):
            return self.client.get(path, data)

        def post(self, path, data=None):
            return self.client.post(path, json.dumps(data or {}), content_type="application/json")

    return lambda user, site: JsonClient(client_for(user, site))
