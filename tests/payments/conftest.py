"""Payments tests: Stripe answered from recordings, a location's connected account, invoices to pay."""
from datetime import date, timedelta
from decimal import Decimal
from itertools import count
from pathlib import Path

import pytest

from tests.payments.stripe_fake import recorded_stripe  # noqa: F401 (fixture)
from tests.tenants.conftest import in_schema  # noqa: F401 (re-exported for the payments tests)

_numbers = count(9000)


@pytest.fixture(autouse=True)
def _english(english):
    """Pages in English for the assertions on text."""


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


FILES = Path(__file__).parent / "files"
ALPHA_IBAN = "NL91ABNA0417164300"
FLEMISH_IBAN = "BE68539007547034"


def numbered_invoice(site, number: int, total: str, *, jurisdiction="NL", parent=None, status="sent",
                     method="bank_transfer"):
    """A sent invoice with a chosen number (the example statements in files/ name these numbers)."""
    from billing.invoices.models import Invoice

    parent = parent or site.parent
    with in_schema(site):
        return Invoice.objects.create(
            number=number, child_id=site.child_id, parent=parent, period_start=date(2026, 11, 1),
            period_end=date(2026, 11, 30), issue_date=date(2026, 11, 1), due_date=date(2026, 11, 22),
            total=Decimal(total), status=status, payment_method=method, jurisdiction=jurisdiction,
            location_name=site.location.name, parent_name=parent.full_name)


def give_bank_account(site, iban=ALPHA_IBAN, name="Kinderopvang Alpha"):
    """The location's account for transfers (it collects through Stripe)."""
    from billing.payments import services

    with in_schema(site):
        return services.save_collection_settings(method="stripe", creditor_name=name, creditor_iban=iban)


def upload(name: str, content: bytes | None = None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, (FILES / name).read_bytes() if content is None else content)
