"""NL jaaropgave per child and paying parent (hours, hourly rate, amount paid, location, LRK number);
BE-VLG fiscal certificate from December to November; made by the daily job in January, downloadable by
the parent only."""
from datetime import date
from decimal import Decimal

from django.utils import timezone
from jurisdictions import policy

from tests.billing.conftest import at, closing_weeks, location_of, make_contract


def test_statement_periods():
    assert policy("NL").statement_period(2026) == (date(2026, 1, 1), date(2026, 12, 31))
    assert policy("BE-VLG").statement_period(2026) == (date(2025, 12, 1), date(2026, 11, 30))


def test_nl_jaaropgave_from_the_years_invoices(billing, api):
    from billing.invoices import services, statements
    from billing.invoices.models import AnnualStatement, Invoice

    world = billing
    closing_weeks(world.a)
    make_contract(world)
    with at(world.a):
        for month in range(1, 13):
            services.run_month(location_of(world.a), 2026, month, today=date(2026, month, 1))
        for invoice in Invoice.objects.filter(period_start__month__lte=11):
            services.mark_paid(invoice, paid_at=timezone.now(), reference="x")
        result = services.daily_everywhere(today_override=date(2027, 1, 5))
        assert result.done["alpha"]["statements"] == 1
        assert statements.make_statements(2026, today=date(2027, 1, 6)) == 0  # idempotent
        statement = AnnualStatement.objects.get()
    assert statement.kind == "nl_jaaropgave" and statement.parent_id == world.a.parent.pk
    assert statement.hours == Decimal("1018.500")
    assert statement.hourly_rate == Decimal("10.2500")
    assert statement.amount_invoiced == 12 * Decimal("869.97")
    assert statement.amount_paid == 11 * Decimal("869.97")
    assert statement.lrk_number == "123456789"
    response = api(world.a.parent, world.a).get(f"/api/v1/billing/statements/{statement.pk}/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert api(world.a.staff, world.a).get(f"/api/v1/billing/statements/{statement.pk}/pdf/").status_code == 403
    other = api(world.two_location_parent, world.a).get(f"/api/v1/billing/statements/{statement.pk}/pdf/")
    assert other.status_code == 404
