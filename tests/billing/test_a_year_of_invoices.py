"""Acceptance: one Flemish and one Dutch contract walked through 2026, month by month, with the months
invoiced out of order — closures, a childminder's sickness, absences reported late and never, a swap, an
extra day, a change of contract and credit notes — checking every invoice's total and the lines that carry
a rule, and the Flemish justified-absence quota over the year.

Sources: seed 003 (Flemish house rules 4.2.1, 4.2.4, 4.3.1, 4.3.2) and seed 001 (Thuishuis guide 2.1, 2.3).
Each year ends with its annual statement (billing/invoices/statements.py): the Dutch jaaropgave with every
hour and euro invoiced, less what was credited; the Flemish fiscal certificate with the days of care paid."""
from datetime import date, time, timedelta
from decimal import Decimal

from tests.billing.conftest import (
    at,
    closing_weeks,
    flemish_contract,
    local,
    make_contract,
    monthly_invoice,
    run,
    stay,
)

D = Decimal
PRICE = D("25.00")
MON_THU = [[{"weekday": 0, "start": "08:00", "end": "17:00"}, {"weekday": 3, "start": "08:00", "end": "17:00"}]]
MON_TUE_THU = [[{"weekday": d, "start": "08:00", "end": "17:00"} for d in (0, 1, 3)]]
NL_MON_THU = [[{"weekday": 0, "start": "07:30", "end": "18:00"}, {"weekday": 3, "start": "07:30", "end": "18:00"}]]
NL_MON = [[{"weekday": 0, "start": "07:30", "end": "18:00"}]]

# Flanders: the days that are not a plain full day of care (08:00–17:00).
SWAPPED_FROM, SWAPPED_TO = date(2026, 2, 12), date(2026, 2, 13)
REPORTED_IN_TIME = date(2026, 2, 16)    # reported the evening before: a justified day, no fine
REPORTED_LATE = date(2026, 3, 5)        # reported at 09:15: 10.00 and a justified day
NEVER_REPORTED = date(2026, 3, 9)       # 10.00 and a justified day
EXTRA_DAY = date(2026, 3, 18)           # a Wednesday, asked and accepted: a full day
SHORT_DAY = date(2026, 3, 23)           # 4 h 59 min 50 s: 60 %, half diapers, half a justified day
LATE_PICK_UP = date(2026, 4, 16)        # 18:40: one started quarter, 15.00
HOLIDAY = (date(2026, 10, 1), date(2026, 10, 31))  # reported on 30 September: every care day absent

# Full days, and the invoice total, per month. Every total: full days × 25.00 + diapers 1.82 a full day +
# administration 4.37, and what the comment adds.
FLEMISH = {
    1: (8, D("218.93")),
    2: (7, D("192.11")),   # Thu 12 swapped to Fri 13; Mon 16 a justified absence
    3: (7, D("228.20")),   # + short day 15.00 + diapers 1.09 + two fines of 10.00; 2.5 justified days
    4: (8, D("233.93")),   # Easter Monday closed; + late pick-up 15.00
    5: (6, D("165.29")),   # Ascension and Whit Monday closed
    6: (9, D("245.75")),
    7: (7, D("192.11")),   # Mon+Tue+Thu from 1 July; closing weeks 30 and 31 (6 care days closed)
    8: (13, D("353.03")),
    9: (13, D("353.03")),
    10: (0, D("26.87")),   # 13 days absent: 11.5 justified (the quota's rest), 1.5 unjustified × 15.00
    11: (13, D("353.03")),
    12: (11, D("299.39")),  # closing week 52 (3 care days closed)
}
ORDER = [2, 1, 3, "credit 3", 5, 4, 6, 8, 7, 10, 9, 12, 11]


def _flemish_year(world):
    from tenants.attendance import services as attendance
    from tenants.attendance.models import ExtraDayRequest, SwapRequest
    from tenants.contracts import services as contracts
    from tests.billing.conftest import location_of

    closing_weeks(world.a, weeks=(30, 31, 52))
    contract, child = flemish_contract(world, start="2026-01-05", schedule=MON_THU)
    with at(world.a):
        version = contracts.change_contract(contract, effective_from=date(2026, 7, 1), schedule_type="weekly",
                                            schedule=MON_TUE_THU, requested_on=date(2026, 5, 1),
                                            location=location_of(world.a))
        contracts.sign_version(version, user=world.a.parent, typed_name=world.a.parent.full_name, ip="192.0.2.1")
        now = local(date(2026, 1, 2), "10:00:00")
        SwapRequest.objects.create(child=child, give_up_date=SWAPPED_FROM, date=SWAPPED_TO, start_time=time(8),
                                   end_time=time(17), requested_at=now, status=SwapRequest.Status.ACCEPTED)
        ExtraDayRequest.objects.create(child=child, date=EXTRA_DAY, start_time=time(8), end_time=time(17),
                                       requested_at=now, status=ExtraDayRequest.Status.ACCEPTED)
        for day, moment in ((REPORTED_IN_TIME, local(REPORTED_IN_TIME - timedelta(days=1), "20:00:00")),
                            (REPORTED_LATE, local(REPORTED_LATE, "09:15:00"))):
            attendance.report_absence(child, kind="sick", start_date=day, end_date=day, reason="ziek",
                                      by=world.a.parent, now=moment)
        attendance.report_absence(child, kind="holiday", start_date=HOLIDAY[0], end_date=HOLIDAY[1],
                                  reason="vakantie", by=world.a.parent, now=local(date(2026, 9, 30), "20:00:00"))
        closed = {d.date for d in calendar_closed(2026)}
        day = date(2026, 1, 5)
        while day.year == 2026:
            plan = {0, 3} if day < date(2026, 7, 1) else {0, 1, 3}
            booked = (day.weekday() in plan and day != SWAPPED_FROM) or day in (SWAPPED_TO, EXTRA_DAY)
            absent = day in (REPORTED_IN_TIME, REPORTED_LATE, NEVER_REPORTED) or HOLIDAY[0] <= day <= HOLIDAY[1]
            if booked and not absent and day not in closed:
                until = {SHORT_DAY: "12:59:50", LATE_PICK_UP: "18:40:00"}.get(day, "17:00:00")
                stay(child, day, "08:00:00", until)
            day += timedelta(days=1)
    return contract


def calendar_closed(year):
    from tenants.calendar import selectors

    return selectors.closed_days(year)


def _lines(invoice):
    return {(line.kind, line.unit_price): line.quantity for line in invoice.lines.all()}


def test_a_flemish_year(billing, flemish_a):
    from billing.invoices import services

    contract = _flemish_year(billing)
    for step in ORDER:
        if isinstance(step, str):
            with at(billing.a):
                services.create_credit_note(monthly_invoice(contract, 2026, int(step.split()[1])),
                                            reason="correctie van de maand")
            continue
        result = run(billing, 2026, step, today=date(2026 + step // 12, step % 12 + 1, 2))
        assert result.problems == [] and len(result.created) == 1, (step, result.problems)
    with at(billing.a):
        invoices = {month: monthly_invoice(contract, 2026, month) for month in range(1, 13)}
        for month, (full_days, total) in FLEMISH.items():
            lines = _lines(invoices[month])
            assert lines.get(("care", PRICE), 0) == full_days, month
            assert lines.get(("fee", D("4.37"))) == 1, month
            assert invoices[month].total == total, (month, invoices[month].total, lines)
        assert _lines(invoices[2])[("absence", D("0"))] == 1
        march = _lines(invoices[3])
        assert march[("care", D("15.00"))] == 1 and march[("fee", D("1.09"))] == 1
        assert march[("absence", D("0"))] == D("2.5")
        assert sorted(line.amount for line in invoices[3].lines.filter(kind="fine")) == [D("10.00"), D("10.00")]
        assert _lines(invoices[4])[("fine", D("15.00"))] == 1
        october = _lines(invoices[10])
        assert october[("absence", D("0"))] == D("11.5") and october[("absence", D("15.00"))] == D("1.5")
        # The quota of the year (30 × (6 months × 2/5 + 6 months × 3/5) / 12 = 15) is used exactly once.
        justified = sum(_lines(invoice).get(("absence", D("0")), 0) for invoice in invoices.values())
        assert justified == 15
        assert invoices[3].status == "credited" and invoices[3].credited_amount == D("228.20")
        assert all(invoice.due_date == invoice.issue_date + timedelta(days=21) for invoice in invoices.values())
    _fiscal_certificate(billing, invoices)


def _fiscal_certificate(world, invoices):
    """Every invoice of December 2025–November 2026 paid but March (credited): the certificate counts the
    84 days of care paid at 25.00, nothing for absences, diapers, fines or the administration fee."""
    from django.utils import timezone

    from billing.invoices import services, statements
    from billing.invoices.models import AnnualStatement

    with at(world.a):
        for month in range(1, 12):
            if month != 3:
                services.mark_paid(invoices[month], paid_at=timezone.now(), reference=f"overschrijving {month}")
        statements.make_statements(2026, today=date(2026, 12, 5))
        certificate = AnnualStatement.objects.filter(year=2026).order_by("-version").first()
    assert certificate.days == 84 and certificate.amount_paid == D("2100.00")
    assert certificate.day_rates == [{"price": "25.00", "days": "84", "amount": "2100.00"}]


def test_a_dutch_year(billing):
    """At the childminder (location B): Mon+Thu 10.5 h (869.97 a month) until August, Monday only from
    September (48 Mondays × 10.5 h = 504 h a year → 42 h a month → 430.50); sick Monday 8 to Thursday 11
    June, recorded in May (21 hours off June); an absence reported late, one never reported and a swap
    change nothing of the monthly average; February partly credited."""
    from billing.invoices import services
    from tenants.attendance import services as attendance
    from tenants.attendance.models import SwapRequest
    from tenants.calendar import services as calendar
    from tenants.children.models import Child
    from tenants.contracts import services as contracts
    from tests.billing.conftest import location_of

    site = billing.b
    closing_weeks(site)
    contract = make_contract(billing, site, schedule=NL_MON_THU)
    with at(site):
        child = Child.objects.get(pk=site.child_id)
        version = contracts.change_contract(contract, effective_from=date(2026, 9, 1), schedule_type="weekly",
                                            schedule=NL_MON, requested_on=date(2026, 7, 1),
                                            location=location_of(site))
        contracts.sign_version(version, user=site.parent, typed_name=site.parent.full_name, ip="192.0.2.1")
        SwapRequest.objects.create(child=child, give_up_date=date(2026, 2, 12), date=date(2026, 2, 13),
                                   start_time=time(8), end_time=time(17), requested_at=local(date(2026, 2, 1), "10:00"),
                                   status=SwapRequest.Status.ACCEPTED)
        attendance.report_absence(child, kind="sick", start_date=date(2026, 3, 16), reason="ziek", by=site.parent,
                                  now=local(date(2026, 3, 16), "10:00:00"))
    expected = [D("869.97")] * 5 + [D("654.72"), D("869.97"), D("869.97")] + [D("430.50")] * 4
    for step in [2, 1, 3, 5, 4, "closure", 6, 8, 7, "credit 2", 9, 10, 12, 11]:
        if step == "closure":
            with at(site):
                calendar.close_for_childminder(start_date=date(2026, 6, 8), end_date=date(2026, 6, 11))
        elif isinstance(step, str):
            with at(site):
                services.create_credit_note(monthly_invoice(contract, 2026, 2), amount=D("100.00"),
                                            reason="korting")
        else:
            result = run(billing, 2026, step, site=site)
            assert result.problems == [] and len(result.created) == 1, (step, result.problems)
    with at(site):
        invoices = [monthly_invoice(contract, 2026, month) for month in range(1, 13)]
        assert [invoice.total for invoice in invoices] == expected
        june = sorted(line.quantity for line in invoices[5].lines.all())
        assert june == [D("-21"), D("84.875")]
        assert [line.quantity for line in invoices[8].lines.all()] == [D("42")]
        assert "48 care days in 2026" in invoices[8].lines.get().description
        assert invoices[1].credited_amount == D("100.00") and invoices[1].status == "sent"
        assert sum(invoice.total for invoice in invoices) == 7 * D("869.97") + D("654.72") + 4 * D("430.50")
        from billing.invoices import statements
        from billing.invoices.models import AnnualStatement

        assert statements.make_statements(2026, today=date(2027, 1, 5)) == 1
        statement = AnnualStatement.objects.get(year=2026)
        # 7 × 84.875 + (84.875 − 21) + 4 × 42 hours; 7 × 869.97 + 654.72 + 4 × 430.50 less the 100.00 credited.
        assert statement.hours == D("826")
        assert statement.amount_invoiced == D("8366.51")
