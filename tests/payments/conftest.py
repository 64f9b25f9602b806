"""Payments tests: Stripe answered from recordings, a location's connected account, invoices to pay."""
import json
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import pytest
from django.db import connection
from django_tenants.utils import tenant_context

from tests.payments.stripe_fake import recorded_stripe  # noqa: F401 (fixture)

_numbers = count(9000)


@contextmanager
def in_schema(site):
    with tenant_context(site.location):
        yield
    connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def english(world, db):
    from accounts.models import User

    User.objects.update(language="en")


@pytest.fixture
def api(client_for):
    class JsonClient:
        def __init__(self, client):
            self.client = client

        def get(self, path, data=None):
            return self.client.get(path, data)

        def post(self, path, data=None):
            return self.client.post(path, json.dumps(data or {}, default=str), content_type="application/json")

        def put(self, path, data=None):
            return self.client.put(path, json.dumps(data or {}, default=str), content_type="application/json")

    return lambda user, site: JsonClient(client_for(user, site))


@pytest.fixture
def stripe_ready(world):
    """Location A has finished Stripe's onboarding."""
    from billing.membership.models import ConnectedAccount

    return ConnectedAccount.objects.create(location=world.a.location, account_id="acct_1RecAlpha00001",
                                           details_submitted=True, charges_enabled=True, payouts_enabled=True)


def make_invoice(site, *, parent=None, total="869.97", status="sent", method="direct_debit"):
    """A sent invoice of `site` for its child, paid by `parent` (default: the site's parent)."""
    from billing.invoices.models import Invoice

    with in_schema(site):
        return Invoice.objects.create(
            number=next(_numbers), child_id=site.child_id, parent=parent or site.parent,
            period_start=date(2026, 11, 1), period_end=date(2026, 11, 30), issue_date=date(2026, 11, 1),
            due_date=date(2026, 11, 1) + timedelta(days=14), total=Decimal(total), status=status,
            payment_method=method, jurisdiction="NL", location_name=site.location.name,
            parent_name=(parent or site.parent).full_name)


def invoice_status(site, pk) -> str:
    from billing.invoices.models import Invoice

    with in_schema(site):
        return Invoice.objects.get(pk=pk).status


def give_own_bank_settings(site):
    from billing.payments import services

    with in_schema(site):
        return services.save_collection_settings(method="own_bank", creditor_name="Kinderopvang Alpha",
                                                 creditor_iban="NL91ABNA0417164300", creditor_id="NL57ZZZ999999999999")
