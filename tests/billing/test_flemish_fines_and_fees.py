"""Flemish fines and fees (house rules of a Flemish day-care centre, seed 003, 4.2.4 "Extra bijdragen" and
4.3.2 on reporting an absence before 08:00): an absence reported at or after 08:00 on the day, and an absence
never reported, both cost 10 euro plus the absence day; a pick-up after closing time without warning 15 euro
per started quarter of an hour; diapers at the location's price (full day 1.82, half day 1.09) or at the
reduced price when the parents bring their own (0.36 / 0.22); the monthly administration fee (4.37). The
amounts are the jurisdiction's (jurisdictions.be_vlg), a location may set its own (TariffSettings).

Wrong before this rule was fixed: an absence never reported cost nothing; a late report for a day the child
was not booked was fined; parents bringing their own diapers were charged nothing instead of 0.36 / 0.22."""
from datetime import date
from decimal import Decimal

import pytest

from tests.billing.conftest import at, flemish_contract, local, monthly_invoice, run, stay

D = Decimal
MONDAY, THURSDAY, FRIDAY = date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 6)


def report(world, child, day, moment):
    from tenants.attendance import services as attendance

    attendance.report_absence(child, kind="sick", start_date=day, end_date=day, reason="ziek", by=world.a.parent,
                              now=moment)


def fines_of(invoice):
    return sorted((line.unit, line.quantity, line.amount) for line in invoice.lines.filter(kind="fine"))


@pytest.mark.parametrize("case, reported, fines", [
    ("reported the evening before: no fine", (THURSDAY.replace(day=4), "20:00:00"), []),
    ("reported at 07:59:59 on the day: no fine", (THURSDAY, "07:59:59"), []),
    ("reported at 08:00:00 on the day: 10 euro", (THURSDAY, "08:00:00"), [("", 1, D("10.00"))]),
    ("reported at 09:30 on the day: 10 euro", (THURSDAY, "09:30:00"), [("", 1, D("10.00"))]),
    ("never reported: 10 euro", None, [("", 1, D("10.00"))]),
])
def test_absence_reports(billing, flemish_a, case, reported, fines):
    """Monday 2 March attended; Thursday 5 March the child does not come (a justified absence day as well)."""
    contract, child = flemish_contract(billing, end="2026-03-06")
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
        if reported:
            report(billing, child, THURSDAY, local(*reported))
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        invoice = monthly_invoice(contract, 2026, 3)
        assert fines_of(invoice) == fines, case
        assert invoice.lines.get(kind="absence").quantity == 1, case


def test_a_late_report_for_a_day_not_booked_costs_nothing(billing, flemish_a):
    """Friday 6 March is no care day: reporting it at 09:00 on the day fines nothing (nothing was booked)."""
    contract, child = flemish_contract(billing, end="2026-03-06")
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
        stay(child, THURSDAY, "08:00:00", "17:00:00")
        report(billing, child, FRIDAY, local(FRIDAY, "09:00:00"))
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        assert fines_of(monthly_invoice(contract, 2026, 3)) == []


@pytest.mark.parametrize("case, pickup, announced, fines", [
    ("at closing time", "18:30:00", False, []),
    ("one second late: a started quarter", "18:30:01", False, [("quarter", 1, D("15.00"))]),
    ("a quarter late: one quarter", "18:45:00", False, [("quarter", 1, D("15.00"))]),
    ("a quarter and a second: two quarters", "18:45:01", False, [("quarter", 2, D("30.00"))]),
    ("an hour late: four quarters", "19:30:00", False, [("quarter", 4, D("60.00"))]),
    ("announced by phone: no fine", "18:50:00", True, []),
])
def test_late_pick_up(billing, flemish_a, case, pickup, announced, fines):
    contract, child = flemish_contract(billing, end="2026-03-06")
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", pickup, announced=announced)
        stay(child, THURSDAY, "08:00:00", "17:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        assert fines_of(monthly_invoice(contract, 2026, 3)) == fines, case


@pytest.mark.parametrize("case, own, monday_until, settings, fees", [
    ("the location's diapers, two full days", False, "17:00:00", {},
     [(D("1.82"), 2), (D("4.37"), 1)]),
    ("the location's diapers, a full and a half day", False, "11:00:00", {},
     [(D("1.09"), 1), (D("1.82"), 1), (D("4.37"), 1)]),
    ("the parents' own diapers, two full days", True, "17:00:00", {},
     [(D("0.36"), 2), (D("4.37"), 1)]),
    ("the parents' own diapers, a full and a half day", True, "11:00:00", {},
     [(D("0.22"), 1), (D("0.36"), 1), (D("4.37"), 1)]),
    ("the location's own prices", False, "17:00:00", {"diaper_full_day": "1.95", "admin_fee": "5.10"},
     [(D("1.95"), 2), (D("5.10"), 1)]),
])
def test_diapers_and_the_administration_fee(billing, flemish_a, case, own, monday_until, settings, fees):
    from billing.tariffs import services as tariffs

    contract, child = flemish_contract(billing, end="2026-03-06")
    with at(billing.a):
        if own:
            tariffs.set_contract_tariff(contract, model="be_day_price", paying_parent=billing.a.parent,
                                        location_diapers=False, jurisdiction="BE-VLG")
        if settings:
            tariffs.update_settings(**settings)
        stay(child, MONDAY, "08:00:00", monday_until)
        stay(child, THURSDAY, "08:00:00", "17:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        found = sorted((line.unit_price, line.quantity) for line in monthly_invoice(contract, 2026, 3).lines.filter(
            kind="fee"))
    assert found == fees, case


def test_a_location_sets_its_own_absence_fines(billing, flemish_a):
    """TariffSettings: 12.50 for a late report and 15.00 for none, instead of the jurisdiction's 10.00."""
    from billing.tariffs import services as tariffs

    contract, child = flemish_contract(billing, end="2026-03-13")
    with at(billing.a):
        tariffs.update_settings(late_absence_fine="12.50", unreported_absence_fine="15.00")
        report(billing, child, MONDAY, local(MONDAY, "08:30:00"))  # Thursday 5 and Monday 9: never reported
        stay(child, date(2026, 3, 12), "08:00:00", "17:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        assert fines_of(monthly_invoice(contract, 2026, 3)) == [("", 1, D("12.50")), ("", 1, D("15.00")),
                                                                ("", 1, D("15.00"))]
