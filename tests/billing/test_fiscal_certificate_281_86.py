"""The Flemish fiscal certificate (model 281.86 of the FOD Financiën; art. 145/35 WIB 92, circular
2022/C/104; period December–November by the house rules, seed 003, 4.2.5) counts only the days of actual
care and what was paid for them: not amounts charged for absence, not diapers (separately charged costs),
not fines or reminder costs (sanctions), not the administration fee; only invoices paid in full; each day
price received listed with its days. The Dutch jaaropgave keeps the hours and the amounts invoiced and paid."""
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from billing.invoices import rules
from tests.billing.conftest import at

D = Decimal
L = rules.StatementLine

# A Flemish month (seed 003, 4.2–4.3): two full days at 30.00, a short day (60 %) at 18.00, an unjustified
# absence day at 60 %, diapers, a late-pickup fine, a late absence report and the administration fee.
BE_LINES = (
    L("care", "day", D("1"), D("30.00"), D("30.00")), L("care", "day", D("1"), D("30.00"), D("30.00")),
    L("care", "day", D("1"), D("18.00"), D("18.00")), L("absence", "day", D("1"), D("18.00"), D("18.00")),
    L("fee", "day", D("3"), D("1.82"), D("5.46")), L("fine", "", D("1"), D("15.00"), D("15.00")),
    L("fine", "", D("1"), D("10.00"), D("10.00")), L("fee", "", D("1"), D("4.37"), D("4.37")),
)
BE_TOTAL = D("130.83")


def be(paid=True, credited="0"):
    return rules.StatementInvoice(total=BE_TOTAL, credited=D(credited), paid=paid, lines=BE_LINES)


@pytest.mark.parametrize("invoices, days, paid, invoiced, day_rates", [
    # Paid in full: 3 days of care, 78.00; absence, diapers, fines and the fee left out (281.86).
    ([be()], D("3"), D("78.00"), D("78.00"), ((D("18.00"), D("1"), D("18.00")), (D("30.00"), D("2"), D("60.00")))),
    # Not paid (in full): nothing on the certificate (FOD Financiën: only care paid in full).
    ([be(paid=False)], D("0"), D("0.00"), D("78.00"), ()),
    # Credited for a quarter: the care counts for the three quarters not credited.
    ([be(credited="32.71")], D("3"), D("58.50"), D("58.50"),
     ((D("18.00"), D("1"), D("13.50")), (D("30.00"), D("2"), D("45.00")))),
    # Credited in full: nothing paid for care.
    ([be(credited="130.83")], D("0"), D("0.00"), D("0.00"), ()),
    # Two months, one paid: only the paid month's days.
    ([be(), be(paid=False)], D("3"), D("78.00"), D("156.00"),
     ((D("18.00"), D("1"), D("18.00")), (D("30.00"), D("2"), D("60.00")))),
])
def test_be_certificate_counts_only_paid_days_of_care(invoices, days, paid, invoiced, day_rates):
    figures = rules.be_fiscal_certificate(invoices)
    assert (figures.days, figures.amount_paid, figures.amount_invoiced, figures.day_rates) == (
        days, paid, invoiced, day_rates)


def test_nl_jaaropgave_hours_rate_and_amounts():
    # Seed 001, 2.1: the monthly average; a closure credited (2.3) is no care: its hours come off.
    month = rules.StatementInvoice(total=D("869.97"), credited=D("0"), paid=True,
                                   lines=(L("care", "h", D("84.875"), D("10.25"), D("869.97")),))
    closed = rules.StatementInvoice(total=D("869.97"), credited=D("184.50"), paid=False, credited_hours=D("18"),
                                    lines=(L("care", "h", D("84.875"), D("10.25"), D("869.97")),))
    figures = rules.nl_jaaropgave([month, closed])
    assert figures.hours == D("151.750") and figures.hourly_rate == D("10.2500")
    assert figures.amount_invoiced == D("1555.44") and figures.amount_paid == D("869.97")


def test_a_flemish_certificate_leaves_out_fines_fees_diapers_and_reminder_costs(billing, flemish_a):
    from billing.invoices import services, statements
    from billing.invoices.models import AnnualStatement, Invoice, InvoiceLine, Reminder

    site = billing.a
    with at(site):
        invoice = Invoice.objects.create(
            number=9301, child_id=site.child_id, parent=site.parent, period_start=date(2026, 3, 1),
            period_end=date(2026, 3, 31), issue_date=date(2026, 4, 1), due_date=date(2026, 4, 22), total=BE_TOTAL,
            status="sent", jurisdiction="BE-VLG", location_name=site.location.name,
            parent_name=site.parent.full_name, kind="monthly")
        InvoiceLine.objects.bulk_create([
            InvoiceLine(invoice=invoice, position=i, kind=line.kind, description=line.kind, quantity=line.quantity,
                        unit=line.unit, unit_price=line.unit_price, amount=line.amount)
            for i, line in enumerate(BE_LINES)])
        Reminder.objects.create(invoice=invoice, step="be_notice", sent_on=date(2026, 4, 23), amount=D("25.01"))
        services.mark_paid(invoice, paid_at=timezone.now(), reference="+++090/9337/55493+++")
        assert statements.make_statements(2026, today=date(2026, 12, 1)) == 1
        certificate = AnnualStatement.objects.get()
    assert certificate.kind == "be_fiscal"
    assert (certificate.period_start, certificate.period_end) == (date(2025, 12, 1), date(2026, 11, 30))
    assert certificate.days == D("3") and certificate.amount_paid == D("78.00")
    assert certificate.day_rates == [{"price": "18.00", "days": "1", "amount": "18.00"},
                                     {"price": "30.00", "days": "2", "amount": "60.00"}]
    assert bytes(certificate.pdf).startswith(b"%PDF")
