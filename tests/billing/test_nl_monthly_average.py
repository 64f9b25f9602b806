"""NL monthly average (Thuishuis method): yearly hours without closing weeks, with public holidays outside
them, / 12 × rate, rounded half-up to the cent; contracts that start or end mid-year billed for their months
only from the same yearly average, partial months pro rata by calendar days."""
from datetime import date
from decimal import Decimal

import pytest

from billing.tariffs import rules
from tests.billing.conftest import at, closing_weeks, location_of, make_contract

D = Decimal
MON_THU = [[rules.Slot(0, D("10.5")), rules.Slot(3, D("10.5"))]]


def closing(year, weeks):
    return {date.fromisocalendar(year, w, d) for w in weeks for d in range(1, 8)}


UNPAID_2026 = closing(2026, (30, 31, 32, 52))


def test_worked_example_869_97():
    days, hours = rules.nl_yearly_hours(MON_THU, date(2026, 1, 1), 2026, UNPAID_2026)
    assert (days, hours) == (97, D("1018.5"))
    assert rules.nl_monthly_hours(hours) == D("84.875")
    assert rules.nl_monthly_amount(hours, D("10.25")) == D("869.97")


@pytest.mark.parametrize("value, expected", [
    (D("869.96875"), D("869.97")), (D("0.125"), D("0.13")), (D("0.124999"), D("0.12")), (D("2.675"), D("2.68")),
    (D("-0.125"), D("-0.13")), (D("10"), D("10.00")),
])
def test_rounding_half_up_to_the_cent(value, expected):
    assert rules.cents(value) == expected


@pytest.mark.parametrize("weeks, unpaid, rate, days, hours, monthly", [
    # Worked example.
    (MON_THU, UNPAID_2026, D("10.25"), 97, D("1018.5"), D("869.97")),
    # No closing weeks: 52 Mondays + 53 Thursdays in 2026, public holidays paid.
    (MON_THU, set(), D("10.25"), 105, D("1102.5"), D("941.72")),
    # One day a week (Wednesday, 8 h), four closing weeks: 52 - 4 = 48 days.
    ([[rules.Slot(2, D("8"))]], UNPAID_2026, D("9.50"), 48, D("384"), D("304.00")),
    # Alternating plan: week A Monday, week B Monday and Tuesday.
    ([[rules.Slot(0, D("10"))], [rules.Slot(0, D("10")), rules.Slot(1, D("10"))]], set(), D("10"), 78,
     D("780"), D("650.00")),
])
def test_yearly_average_table(weeks, unpaid, rate, days, hours, monthly):
    found_days, found_hours = rules.nl_yearly_hours(weeks, date(2026, 1, 5), 2026, unpaid)
    assert (found_days, found_hours) == (days, hours)
    assert rules.nl_monthly_amount(found_hours, rate) == monthly


def test_public_holidays_outside_closing_weeks_are_paid():
    """Easter Monday 6 April and Whit Monday 25 May 2026 count; Christmas in closing week 52 does not."""
    unpaid_days = UNPAID_2026 | set()
    planned = dict(rules.planned_days(MON_THU, date(2026, 1, 1), date(2026, 1, 1), date(2026, 12, 31), unpaid_days))
    assert date(2026, 4, 6) in planned and date(2026, 5, 25) in planned and date(2026, 1, 1) in planned
    assert date(2026, 12, 21) not in planned  # Monday of closing week 52


@pytest.mark.parametrize("start, end, month, expected", [
    # Starts on 1 March: March billed in full from the same yearly average.
    (date(2026, 3, 1), None, 3, D("869.97")),
    (date(2026, 3, 1), None, 2, None),
    # Starts 16 March: 16 of 31 days → 869.96875 × 16/31 = 449.0161… → 449.02.
    (date(2026, 3, 16), None, 3, D("449.02")),
    # Ends 10 September: 10 of 30 days → 289.99.
    (date(2026, 1, 1), date(2026, 9, 10), 9, D("289.99")),
    (date(2026, 1, 1), date(2026, 9, 10), 10, None),
])
def test_mid_year_contracts(start, end, month, expected):
    segment = rules.Segment(start, end, MON_THU, start)
    lines = rules.nl_average_month(year=2026, month=month, segments=[segment], unpaid=UNPAID_2026, rate=D("10.25"))
    if expected is None:
        assert lines == []
    else:
        assert rules.total(lines) == expected


def test_a_change_of_contract_recomputes_the_average():
    """Monday+Thursday until 14 June, then Monday only from 15 June: June billed 14/30 + 16/30."""
    before = rules.Segment(date(2026, 1, 1), date(2026, 6, 14), MON_THU, date(2026, 1, 1))
    after = rules.Segment(date(2026, 6, 15), None, [[rules.Slot(0, D("10.5"))]], date(2026, 6, 15))
    june = rules.nl_average_month(year=2026, month=6, segments=[before, after], unpaid=UNPAID_2026, rate=D("10.25"))
    monday_only = rules.nl_yearly_hours([[rules.Slot(0, D("10.5"))]], date(2026, 6, 15), 2026, UNPAID_2026)[1]
    assert monday_only == D("504")  # 52 - 4 Mondays
    assert june[0].amount == rules.cents(D("1018.5") * D("10.25") / 12 * 14 / 30)
    assert june[1].amount == rules.cents(monday_only * D("10.25") / 12 * 16 / 30)
    july = rules.nl_average_month(year=2026, month=7, segments=[before, after], unpaid=UNPAID_2026, rate=D("10.25"))
    assert rules.total(july) == rules.nl_monthly_amount(monday_only, D("10.25"))


def test_invoice_of_the_worked_example_at_a_location(billing):
    """The monthly run at a Dutch location: the same amount every month, the method and LRK on the invoice."""
    from billing.invoices import services
    from billing.invoices.models import Invoice

    world = billing
    closing_weeks(world.a)
    contract = make_contract(world, schedule=[[{"weekday": 0, "start": "07:30", "end": "18:00"},
                                               {"weekday": 3, "start": "07:30", "end": "18:00"}]])
    with at(world.a):
        for month in (1, 2, 7):
            services.run_month(location_of(world.a), 2026, month, today=date(2026, month, 1))
        invoices = list(Invoice.objects.filter(contract=contract).order_by("period_start"))
        assert [i.total for i in invoices] == [D("869.97")] * 3
        invoice = invoices[0]
        assert invoice.lrk_number == "123456789"
        assert "Monthly average" in invoice.method_note
        assert "VAT" in invoice.vat_note
        assert invoice.lines.get().quantity == D("84.875")
        assert invoice.pdf is None  # rendered when first opened
        assert services.invoice_pdf(invoice).startswith(b"%PDF")


def test_mid_year_contract_invoiced_for_its_months_only(billing):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    world = billing
    closing_weeks(world.a)
    contract = make_contract(world, start="2026-03-16", end="2026-09-10")
    with at(world.a):
        for month in range(1, 13):
            services.run_month(location_of(world.a), 2026, month, today=date(2026, month, 1))
        totals = {i.period_start.month: i.total for i in Invoice.objects.filter(contract=contract)}
    assert sorted(totals) == [3, 4, 5, 6, 7, 8, 9]
    assert totals[3] == D("449.02") and totals[4] == D("869.97") and totals[9] == D("289.99")
