"""BE-VLG income-related day price: a month with full days, short days, justified and unjustified absences,
a late pick-up, a late absence report, a settling-in session, diapers and the administration fee."""
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from billing.tariffs import rules
from tests.billing.conftest import at, location_of, make_contract

D = Decimal
PRICE = D("25.00")


@pytest.mark.parametrize("hours, factor", [
    (D("4.99"), D("0.6")), (D("5"), D("1")), (D("8"), D("1")), (D("11"), D("1")), (D("11.01"), D("1.6")),
    (D("2"), D("0.6")),
])
def test_day_factor(hours, factor):
    assert rules.day_factor(hours) == factor


@pytest.mark.parametrize("pickup, quarters", [
    (time(18, 30), 0), (time(18, 30, 59), 1), (time(18, 31), 1), (time(18, 45), 1), (time(18, 46), 2),
    (time(19, 0), 2), (time(17, 0), 0),
])
def test_late_pickup_started_quarters(pickup, quarters):
    assert rules.late_pickup_quarters(pickup, time(18, 30)) == quarters


@pytest.mark.parametrize("full_time, per_week, months, quota", [
    (30, 5, 12, D("30")), (30, 3, 12, D("18")), (30, 2, 12, D("12")), (30, 5, 6, D("15")),
    (18, 3, 7, D("6.5")),  # 18 × 3/5 × 7/12 = 6.3 → 6.5 (half days, half-up)
    (30, 4, 5, D("10")),
])
def test_justified_quota_pro_rata(full_time, per_week, months, quota):
    assert rules.justified_quota(full_time_days=full_time, days_per_week=per_week, months_in_year=months) == quota


def day(d, **kw):
    kw.setdefault("reserved_hours", D("9"))
    return rules.BeDay(date=date(2026, 3, d), day_price=PRICE, closing=time(18, 30), **kw)


def test_a_month_of_day_prices():
    """March 2026: 3 full days, 1 long day, 2 short days, 1 settling-in session, 3 absences of which 2
    justified (quota left: 2) and 1 unjustified, a late pick-up (18:50: 2 quarters), a late absence report."""
    days = [
        day(2, attended_hours=D("9")),
        day(3, attended_hours=D("8"), pickup=time(18, 50)),
        day(4, attended_hours=D("6")),
        day(5, attended_hours=D("11.5")),
        day(9, attended_hours=D("4"), reserved_hours=D("4")),   # short day reserved and attended: 60 %
        day(10, attended_hours=D("3")),                          # full day reserved, came 3 h: 60 % + ½ absence
        day(11, settling_in=True, attended_hours=D("2")),
        day(12),                                                 # absent: justified (1)
        day(16),                                                 # absent: ½ justified + ½ unjustified
        day(17),                                                 # absent: unjustified
        day(18, closed=True),                                    # location closed: not charged
    ]
    result = rules.be_month(days_in_month=days, justified_left=D("2"), fees=rules.BeFees(),
                            late_absence_fines=[(date(2026, 3, 16), D("10.00"))])
    lines = {(item.description, item.unit_price): item for item in result.lines}

    def get(text, price):
        return lines[(text, D(price))]

    assert get("Full day of care (5–11 hours) at %(price)s", "25.00").quantity == 3
    assert get("Long day of care (> 11 hours, 160 %%) at %(price)s", "40.00").quantity == 1
    assert get("Short day of care (< 5 hours, 60 %%) at %(price)s", "15.00").quantity == 2
    assert get("Settling-in session (half day, 60 %%) at %(price)s", "15.00").quantity == 1
    justified = get("Justified absence (no charge)", "0")
    assert justified.quantity == D("2") and justified.amount == 0
    unjustified = get("Unjustified absence (60 %% of %(price)s)", "15.00")
    assert unjustified.quantity == D("1.5") and unjustified.amount == D("22.50")
    late = get("Picked up after closing time (%(date)s), per started quarter", "15.00")
    assert late.quantity == 2 and late.amount == D("30.00")
    assert get("Absence reported after 08:00 (%(date)s)", "10.00").amount == D("10.00")
    assert get("Diapers, full day", "1.82").quantity == 4
    assert get("Diapers, half day", "1.09").quantity == 3
    assert get("Monthly administration fee", "4.37").amount == D("4.37")
    assert result.justified_used == D("2")
    expected = (3 * D("25") + D("40") + 3 * D("15") + D("22.50") + D("30") + D("10") + 4 * D("1.82")
                + 3 * D("1.09") + D("4.37"))
    assert rules.total(result.lines) == expected == D("237.42")


def test_unjustified_absence_of_a_reserved_half_day():
    """60 % of the price of the reserved day part; a half day is itself 60 %: 25 × 0.6 × 0.6 = 9.00."""
    result = rules.be_month(days_in_month=[day(2, reserved_hours=D("4"))], justified_left=D("0"),
                            fees=rules.BeFees(admin_fee=D("0")))
    assert rules.total(result.lines) == D("9.00")


def monday_thursday_from_march(world, end=None):
    """Location A's child on Mondays and Thursdays 08:00–17:00 from Monday 2 March 2026, with an income
    certificate at PRICE for the year. Returns the contract and the child."""
    from billing.tariffs import services as tariffs
    from tenants.children.models import Child

    contract = make_contract(world, start="2026-03-02", end=end, schedule=[[
        {"weekday": 0, "start": "08:00", "end": "17:00"}, {"weekday": 3, "start": "08:00", "end": "17:00"}]])
    with at(world.a):
        child = Child.objects.get(pk=world.a.child_id)
        tariffs.add_income_certificate(child=child, day_price=PRICE, valid_from=date(2026, 1, 1),
                                       valid_until=date(2026, 12, 31))
    return contract, child


def test_invoice_of_a_flemish_month(billing, flemish_a):
    """The run at a Flemish location invoices March in April: certificate price, attendance from the
    register, a late pick-up, due in 21 days, no LRK number."""
    from billing.invoices import services
    from billing.invoices.models import Invoice
    from tenants.attendance.models import AttendanceRecord

    world = billing
    contract, child = monday_thursday_from_march(world)
    zone = timezone.get_fixed_timezone(60)
    with at(world.a):
        mondays_thursdays = [date(2026, 3, 2) + timedelta(days=i) for i in range(30)]
        care_days = [d for d in mondays_thursdays if d.weekday() in (0, 3) and d.month == 3]
        assert len(care_days) == 9
        for d in care_days[:7]:
            end = time(18, 40) if d == care_days[0] else time(17, 0)
            AttendanceRecord.objects.create(child=child, date=d, check_in=datetime.combine(d, time(8), zone),
                                            check_out=datetime.combine(d, end, zone),
                                            registered_at=timezone.now())
        result = services.run_due(location_of(world.a), date(2026, 4, 2))
        assert result["previous"]["created"] == 1
        invoice = Invoice.objects.get(contract=contract)
        assert (invoice.period_start, invoice.period_end) == (date(2026, 3, 1), date(2026, 3, 31))
        assert invoice.due_date == date(2026, 4, 23)
        assert invoice.lrk_number == ""
        # 7 full days, 2 justified absence days (quota 30 × 2/5 × 10/12 = 10), never reported: 10.00 each
        # (seed 003, 4.2.4 "niet verwittigde afwezigheden"), late pick-up 18:40 → 1 quarter, diapers 7 × 1.82,
        # admin fee.
        assert invoice.total == 7 * PRICE + 2 * D("10.00") + D("15.00") + 7 * D("1.82") + D("4.37")
        assert invoice.lines.get(kind="absence").quantity == 2


# --- certificates in time, announced late pick-ups (house rules 4.2.4 and 4.3.1) ----------------------


def test_certificate_deadline_follows_the_locations_public_holidays(billing, flemish_a):
    """The deadline rule is the attendance register's (its table of cases lives with it); billing passes the
    location's public holidays: from Friday 3 April 2026 the fifth working day is 13 April, Easter Monday
    not counted, so a certificate on the 13th exempts the days and one on the 14th does not."""
    from billing.care_month import selectors as care_month
    from tenants.attendance.models import Absence

    def exempt_days():
        ctx = care_month.LocationContext(location_of(billing.a))
        reports = care_month.absence_reports(ctx, billing.a.child_id, date(2026, 4, 1), date(2026, 4, 30))
        return {day for day, report in reports.items() if report.exempt}

    with at(billing.a):
        absence = Absence.objects.create(child_id=billing.a.child_id, kind=Absence.Kind.HOSPITAL,
                                         start_date=date(2026, 4, 3), end_date=date(2026, 4, 3), reason="opname",
                                         reported_at=timezone.now(), certificate_received_on=date(2026, 4, 13))
        assert exempt_days() == {date(2026, 4, 3)}
        Absence.objects.filter(pk=absence.pk).update(certificate_received_on=date(2026, 4, 14))
        assert exempt_days() == set()


FINE = "Picked up after closing time (%(date)s), per started quarter"
JUSTIFIED = "Justified absence (no charge)"
UNJUSTIFIED = "Unjustified absence (60 %% of %(price)s)"


@pytest.mark.parametrize("case, days, left, expected", [
    ("announced late pick-up: no fine",
     [day(2, attended_hours=D("9"), pickup=time(18, 50), pickup_announced=True)], D("5"),
     {FINE: None}),
    ("unannounced late pick-up: 2 started quarters",
     [day(2, attended_hours=D("9"), pickup=time(18, 50))], D("5"),
     {FINE: (D("2"), D("30.00"))}),
    ("certified hospitalisation: no justified day, no charge",
     [day(2, exempt=True), day(3, exempt=True)], D("0"),
     {JUSTIFIED: None, UNJUSTIFIED: None}),
    ("late certificate, justified days left: justified as usual",
     [day(2), day(3)], D("5"),
     {JUSTIFIED: (D("2"), D("0.00")), UNJUSTIFIED: None}),
    ("late certificate, no justified days left: unjustified at 60 %",
     [day(2), day(3)], D("0"),
     {JUSTIFIED: None, UNJUSTIFIED: (D("2"), D("30.00"))}),
    ("certified days take none of the quota; the next absence does",
     [day(2, exempt=True), day(3)], D("1"),
     {JUSTIFIED: (D("1"), D("0.00")), UNJUSTIFIED: None}),
])
def test_fines_and_certified_absences(case, days, left, expected):
    result = rules.be_month(days_in_month=days, justified_left=left, fees=rules.BeFees(admin_fee=D("0")))
    found = {item.description: (item.quantity, item.amount) for item in result.lines}
    for description, want in expected.items():
        assert found.get(description) == want, case


def test_invoice_waives_announced_pick_up_and_certified_hospitalisation(billing, flemish_a):
    """Through the monthly run: an announced late pick-up costs nothing, an unannounced one 15.00; a
    hospitalisation with its certificate in time takes no justified day, one with a late certificate does."""
    from billing.invoices import services
    from billing.invoices.models import Invoice
    from tenants.attendance.models import Absence, AttendanceRecord

    world = billing
    contract, child = monday_thursday_from_march(world)
    zone = timezone.get_fixed_timezone(60)
    with at(world.a):
        for d, end, announced in ((date(2026, 3, 2), time(18, 40), True), (date(2026, 3, 5), time(18, 40), False)):
            AttendanceRecord.objects.create(child=child, date=d, check_in=datetime.combine(d, time(8), zone),
                                            check_out=datetime.combine(d, end, zone), late_pickup_announced=announced,
                                            registered_at=timezone.now())
        moment = datetime(2026, 3, 1, 7, 0, tzinfo=zone)  # reported in time
        # Mon 9 and Thu 12 March: certificate on the 5th working day (16 March) → exempt.
        Absence.objects.create(child=child, kind=Absence.Kind.HOSPITAL, start_date=date(2026, 3, 9),
                               end_date=date(2026, 3, 12), reason="opname", reported_at=moment,
                               certificate_received_on=date(2026, 3, 16))
        # Mon 16 March: certificate a day too late (24 March) → a justified absence day as usual.
        Absence.objects.create(child=child, kind=Absence.Kind.QUARANTINE, start_date=date(2026, 3, 16),
                               end_date=date(2026, 3, 16), reason="quarantaine", reported_at=moment,
                               certificate_received_on=date(2026, 3, 24))
        services.run_due(location_of(world.a), date(2026, 4, 2))
        invoice = Invoice.objects.get(contract=contract)
        lines = list(invoice.lines.all())
        fines = [line for line in lines if line.kind == "fine" and line.unit == "quarter"]
        assert [(f.quantity, f.amount) for f in fines] == [(1, D("15.00"))]
        assert "5 March 2026" in fines[0].description
        # Care days in March: 2, 5, 9, 12, 16, 19, 23, 26, 30; attended 2 and 5; 9 and 12 exempt; the other
        # five are absences, all justified (quota 30 × 2/5 × 10/12 = 10); 19, 23, 26 and 30 were never
        # reported: 10.00 each (seed 003, 4.2.4).
        assert sum(line.quantity for line in lines if line.kind == "absence") == 5
        unreported = [line for line in lines if line.kind == "fine" and line.unit == ""]
        assert [(line.quantity, line.amount) for line in unreported] == [(1, D("10.00"))] * 4
        assert invoice.total == 2 * PRICE + D("15.00") + 4 * D("10.00") + 2 * D("1.82") + D("4.37")


def test_a_swapped_day_is_billed_on_the_new_day_and_not_as_an_absence(billing, flemish_a):
    """Through the monthly run: Thursday 5 March swapped for Friday 6 March (attended). The given-up
    Thursday is no absence; the Friday is a day of care at the certificate price."""
    from billing.invoices import services
    from billing.invoices.models import Invoice
    from tenants.attendance.models import AttendanceRecord, SwapRequest

    world = billing
    contract, child = monday_thursday_from_march(world, end="2026-03-06")
    zone = timezone.get_fixed_timezone(60)
    with at(world.a):
        SwapRequest.objects.create(child=child, give_up_date=date(2026, 3, 5), date=date(2026, 3, 6),
                                   start_time=time(8), end_time=time(17), requested_at=timezone.now(),
                                   status=SwapRequest.Status.ACCEPTED)
        for d in (date(2026, 3, 2), date(2026, 3, 6)):
            AttendanceRecord.objects.create(child=child, date=d, check_in=datetime.combine(d, time(8), zone),
                                            check_out=datetime.combine(d, time(17), zone),
                                            registered_at=timezone.now())
        services.run_due(location_of(world.a), date(2026, 4, 2))
        lines = list(Invoice.objects.get(contract=contract).lines.all())
    assert not [line for line in lines if line.kind == "absence"]
    assert sum(line.quantity for line in lines if line.kind == "care") == 2
