"""A sent invoice is never edited: corrections are credit notes with their own gapless numbers."""
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.billing.conftest import at, location_of, make_contract


@pytest.fixture
def invoice(billing):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    make_contract(billing)
    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
        return Invoice.objects.get()


def test_partial_then_full_credit(billing, invoice):
    from billing.invoices import services

    with at(billing.a):
        total = invoice.total
        first = services.create_credit_note(invoice, amount=Decimal("100"), reason="Closed for a day")
        invoice.refresh_from_db()
        assert invoice.status == "sent" and invoice.total == total
        assert invoice.amount_due == total - Decimal("100.00")
        second = services.create_credit_note(invoice, reason="Contract cancelled")
        invoice.refresh_from_db()
        assert second.total == total - Decimal("100.00") and invoice.status == "credited"
        assert second.number == first.number + 1
        assert bytes(second.pdf).startswith(b"%PDF")


@pytest.mark.parametrize("amount, reason, field", [
    (Decimal("-1"), "x", "amount"), (Decimal("0"), "x", "amount"), (Decimal("99999"), "x", "amount"),
    (Decimal("1"), "  ", "reason"), ("abc", "x", "amount"),
])
def test_bad_credit_notes_are_field_errors_and_store_nothing(billing, invoice, amount, reason, field):
    from billing.invoices import services
    from billing.invoices.models import CreditNote

    with at(billing.a):
        with pytest.raises(ValidationError) as error:
            services.create_credit_note(invoice, amount=amount, reason=reason)
        assert field in error.value.message_dict
        assert not CreditNote.objects.exists()


def test_credit_note_through_the_api_and_a_400(billing, invoice, api):
    client = api(billing.a.entrepreneur, billing.a)
    response = client.post(f"/api/v1/billing/invoices/{invoice.pk}/credit/", {"amount": "-5", "reason": "x"})
    assert response.status_code == 400 and "amount" in response.json()
    response = client.post(f"/api/v1/billing/invoices/{invoice.pk}/credit/", {"amount": "5.00", "reason": "x"})
    assert response.status_code == 201, response.content
    assert response.json()["total"] == "5.00"
