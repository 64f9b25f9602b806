"""The portal tests use the location helpers of tests/tenants (schema switching, JSON client, English)."""
from datetime import date
from decimal import Decimal

import pytest

from tests.tenants.conftest import _english, in_schema, make_child  # noqa: F401 (fixtures re-exported)


def make_invoice(site, child_id, parent, total="812.50", status="sent"):
    from billing.invoices.models import Invoice

    with in_schema(site):
        return Invoice.objects.create(
            child_id=child_id, parent=parent, period_start=date(2026, 3, 1), period_end=date(2026, 3, 31),
            issue_date=date(2026, 3, 1), due_date=date(2026, 3, 15), total=Decimal(total), status=status,
            jurisdiction="NL", location_name=site.location.name, parent_name=parent.full_name,
            child_name="", number=None)



@pytest.fixture(autouse=True)
def fresh_cache():
    """The overview keeps closing days in the process cache; every test starts without it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
