"""A closing period across the new year (23 December 2026 – 3 January 2027), entered by dates in one step,
lands in the closed days billing reads (tenants.calendar.selectors.closed_days_between) and in the NL
monthly average of both years (seed 001, 2.1: "Rekening houdend met de vakantiesluiting van het Thuishuis
(deze periode hoeft niet betaald te worden) ... De nationale feestdagen waarop het Thuishuis gesloten is en
die buiten de vakantie van het Thuishuis vallen worden wel doorberekend").

Plan Monday + Friday 07:30–18:00 (10.5 hours a day). 2026 has 52 Mondays and 52 Fridays (104 days); the period
closes Friday 25 December (Christmas, now inside the closing period: not paid) and Monday 28 December: 102
care days. 2027 has 52 Mondays and 53 Fridays (105); the period closes Friday 1 January (New Year's Day, paid
as a public holiday without the period, not paid inside it): 104 care days."""
from datetime import date
from decimal import Decimal

from tenants.calendar import rules
from tests.billing.conftest import at, make_contract, monthly_invoice, run

MON_FRI = [[{"weekday": 0, "start": "07:30", "end": "18:00"}, {"weekday": 4, "start": "07:30", "end": "18:00"}]]




def test_a_closing_period_across_the_new_year_is_in_both_years_averages(billing, client_for):
    from tenants.calendar import selectors

    c = client_for(billing.a.entrepreneur, billing.a)
    assert c.post("/calendar/manage/closing-periods/", {"start_date": "2026-12-23", "end_date": "2027-01-03",
                                                         "note": "Kerst"}).status_code == 302
    with at(billing.a):
        closed = {d.date: d for d in selectors.closed_days_between(date(2026, 12, 1), date(2027, 1, 31))}
    assert [day for day, d in closed.items() if rules.CLOSING_WEEK in d.reasons] == [
        date(2026, 12, 23), date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 28), date(2026, 12, 29),
        date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 1)]
    assert not any(closed[day].billable for day in (date(2026, 12, 25), date(2027, 1, 1)))

    contract = make_contract(billing, start="2026-01-05", schedule=MON_FRI)
    run(billing, 2026, 2)
    run(billing, 2027, 2, today=date(2027, 2, 1))
    with at(billing.a):
        lines = {year: monthly_invoice(contract, year, 2).lines.get(kind="care") for year in (2026, 2027)}
    text_2026, text_2027 = (lines[2026].description, lines[2027].description)
    assert "102 care days in 2026" in text_2026 and "open 51.4 of 53 weeks" in text_2026, text_2026
    assert "104 care days in 2027" in text_2027 and "open 52 of 52 weeks" in text_2027, text_2027
    # 102 × 10.5 = 1071 hours ÷ 12 = 89.25 a month; 104 × 10.5 = 1092 ÷ 12 = 91.
    assert lines[2026].quantity == Decimal("89.25") and lines[2026].amount == Decimal("914.81")
    assert lines[2027].quantity == Decimal("91") and lines[2027].amount == Decimal("932.75")
