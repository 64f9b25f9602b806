"""An invoice's lines read as a Dutch parent reads them: the unit in words ("13 dagen", not "13 day"), a price
inside a line's text with a decimal comma, and the table folded into one card per line on a phone."""
from decimal import Decimal

import pytest
from django.utils import translation

from billing.invoices.models import unit_label
from billing.invoices.services import _translated
from billing.tariffs import rules
from tests.payments.conftest import in_schema, numbered_invoice


@pytest.mark.parametrize("unit, quantity, dutch", [
    ("day", "13", "dagen"),
    ("day", "1", "dag"),
    ("day", "0.5", "dagen"),
    ("h", "84.875", "uur"),
    ("quarter", "2", "kwartier"),
    ("", "1", ""),
])
def test_the_unit_in_words(unit, quantity, dutch):
    with translation.override("nl"):
        assert unit_label(unit, Decimal(quantity)) == dutch


def test_a_price_in_a_line_is_written_with_a_decimal_comma():
    line = rules.line(rules.CARE, "Full day of care (5–11 hours) at %(price)s", 13, "day", Decimal("27.43"),
                      price="27.43")
    with translation.override("nl"):
        text = _translated(line).description
    assert "27,43" in text and "27.43" not in text


def test_the_numbers_that_explain_a_monthly_average_have_a_decimal_comma():
    line = rules.line(rules.CARE, "%(yearly)s hours a year / 12 = %(monthly)s hours a month × %(rate)s (%(month)s)",
                      Decimal("80.833"), "h", Decimal("10.25"), yearly="970", monthly="80.833", rate=Decimal("10.25"),
                      month="2026-12")
    with translation.override("nl"):
        text = _translated(line).description
    assert text == "970 hours a year / 12 = 80,833 hours a month × 10,25 (2026-12)"


def test_the_invoice_page_says_days_in_dutch(world, client_for):
    from accounts.models import User
    from billing.invoices.models import InvoiceLine

    User.objects.filter(pk=world.a.parent.pk).update(language="nl")
    invoice = numbered_invoice(world.a, 4301, "356.59")
    with in_schema(world.a):
        InvoiceLine.objects.create(invoice=invoice, kind="care", description="Volledige opvangdag", quantity=13,
                                   unit="day", unit_price=Decimal("27.43"), amount=Decimal("356.59"))
    page = client_for(world.a.parent, world.a).get(f"/billing/invoices/{invoice.pk}/").content.decode()
    assert "13 dagen" in page and "13 day" not in page
    assert 'class="table responsive"' in page and 'data-label="Aantal"' in page
