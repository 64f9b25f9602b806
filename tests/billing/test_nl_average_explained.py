"""The NL monthly average, shown as it is reached (seed 001, 2.1: "Rekening houdend met de vakantiesluiting
... zal een gemiddeld aantal uren per maand berekend worden. Dit aantal uren x het uurbedrag zal twaalf keer
per jaar aan de ouders worden gefactureerd. De nationale feestdagen ... die buiten de vakantie van het
Thuishuis vallen worden wel doorberekend"; 2.3: during a childminder's closure "wordt geen ouderbijdrage in
rekening gebracht").

The convention (billing.tariffs.rules, docs/architecture.md): the planned days of the calendar year are
counted one by one, leaving out the days of the closing weeks and counting the public holidays outside them;
their hours ÷ 12 × the rate of the year is the monthly amount, the same twelve times. A childminder's
closure does not change the average: its planned hours come off the month it falls in. The invoice line and
the contract's tariff page show the same terms from the same function (rules.nl_average_explained).

Wrong before this rule was fixed: the invoice said neither the hours a week, the weeks open, the public
holidays paid nor the rate; the contract's page showed no amount; and a closure recorded during the year
lowered the average of every month invoiced after it (so the months before and after it differed, and
the year's total was not the planned hours less the closed hours)."""
from datetime import date
from decimal import Decimal

import pytest

from tests.billing.conftest import at, closing_weeks, make_contract, monthly_invoice, run

D = Decimal
MON_THU = [[{"weekday": 0, "start": "07:30", "end": "18:00"}, {"weekday": 3, "start": "07:30", "end": "18:00"}]]


@pytest.mark.parametrize("case, year, weeks, closing, parts", [
    ("the worked example, 2026", 2026, ("weekly", MON_THU), (30, 31, 32, 52),
     ["21 hours a week", "97 care days in 2026", "open 49 of 53 weeks", "public holidays paid",
      "1018.5 hours a year ÷ 12 = 84.875 hours a month × 10.25"]),
    ("2027 has 52 weeks; no closing weeks", 2027, ("weekly", MON_THU), (),
     ["21 hours a week", "104 care days in 2027", "open 52 of 52 weeks", "1092 hours a year ÷ 12 = 91 hours a month"]),
    ("an alternating plan: 10.5 and 21 hours, 15.75 a week", 2026,
     ("alternating", [[{"weekday": 0, "start": "07:30", "end": "18:00"}], MON_THU[0]]), (30, 31, 32, 52),
     ["15.75 hours a week"]),
])
def test_the_invoice_line_says_how_the_amount_was_reached(billing, case, year, weeks, closing, parts):
    if closing:
        closing_weeks(billing.a, year=year, weeks=closing)
    contract = make_contract(billing, start=f"{year}-01-05", schedule_type=weeks[0], schedule=weeks[1])
    run(billing, year, 2)
    with at(billing.a):
        text = monthly_invoice(contract, year, 2).lines.get(kind="care").description
    for part in parts:
        assert part in text, (case, part, text)


def test_public_holidays_outside_the_closing_weeks_are_counted_and_shown(billing):
    """2026, Mon+Thu: Easter Monday, King's Day (Mon 27 April), Ascension (Thu 14 May) and Whit Monday
    are care days the location closes and are paid: "4 public holidays paid"; New Year's Day (Thu 1 Jan)
    is one too when the location closes then: 5."""
    closing_weeks(billing.a)
    contract = make_contract(billing, schedule=MON_THU)
    run(billing, 2026, 3)
    with at(billing.a):
        text = monthly_invoice(contract, 2026, 3).lines.get(kind="care").description
    assert "5 public holidays paid" in text, text


def test_a_closure_comes_off_its_own_month_and_leaves_the_average(billing):
    """At the childminder (location B): she is sick on Monday 8 and Thursday 11 June 2026, recorded in May:
    January–May and July are 869.97 each as before; June is 869.97 less 21 hours × 10.25 = 215.25."""
    from tenants.calendar import services as calendar

    site = billing.b
    closing_weeks(site)
    contract = make_contract(billing, site, schedule=MON_THU)
    for month in (1, 2, 3, 4, 5):
        run(billing, 2026, month, site=site)
    with at(site):
        calendar.close_for_childminder(start_date=date(2026, 6, 8), end_date=date(2026, 6, 11))
    for month in (6, 7):
        run(billing, 2026, month, site=site)
    with at(site):
        totals = [monthly_invoice(contract, 2026, month).total for month in range(1, 8)]
        june = monthly_invoice(contract, 2026, 6).lines.filter(kind="care")
        assert sorted(line.quantity for line in june) == [D("-21"), D("84.875")]
    assert totals == [D("869.97")] * 5 + [D("654.72"), D("869.97")]


def test_the_contracts_tariff_page_shows_the_same_terms(billing, client_for):
    closing_weeks(billing.a)
    contract = make_contract(billing, schedule=MON_THU)
    owner = client_for(billing.a.entrepreneur, billing.a)
    page = owner.get(f"/billing/tariffs/contracts/{contract.pk}/").content.decode()
    for part in ("How the monthly amount is reached", "<td>21</td>", "<td>49 / 53</td>", "<td>97</td>",
                 "<td>1018.5</td>", "<td>84.875</td>", "€ 10.25", "€ 869.97"):
        assert part in page, part
    assert 'name="location_diapers"' not in page  # a Dutch invoice has no diapers line
    # The same page in Dutch writes its numbers with a decimal comma.
    from accounts.models import User

    User.objects.filter(pk=billing.a.entrepreneur.pk).update(language="nl")
    page = owner.get(f"/billing/tariffs/contracts/{contract.pk}/").content.decode()
    for part in ("Zo komt het maandbedrag tot stand", "<td>1018,5</td>", "<td>84,875</td>", "€ 10,25"):
        assert part in page, part
