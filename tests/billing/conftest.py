"""Fixtures for the billing tests: opening hours, a group, signed contracts and rates at location A
(Dutch; or Flemish with `flemish_a`), and location B as "another location"."""
from datetime import date, time
from decimal import Decimal

import pytest

from tests.tenants.calendar.conftest import at, flemish_a  # noqa: F401 (fixture re-exported)

MON_THU = [[{"weekday": 0, "start": "07:30", "end": "18:00"}, {"weekday": 3, "start": "07:30", "end": "18:00"}]]


@pytest.fixture
def billing(world):
    """Both locations open Monday to Friday 07:30–18:30 with a group each; rates for 2026 at both."""
    from billing.tariffs import services as tariffs
    from tenants.calendar import services as calendar
    from tenants.groups.models import Group

    groups = {}
    for site, kind in ((world.a, "stamgroep"), (world.b, "gastouder")):
        with at(site):
            calendar.set_week_hours({d: (time(7, 30), time(18, 30)) for d in range(5)})
            groups[site.location.slug] = Group.objects.create(name=f"Groep {site.location.slug}", kind=kind).pk
            for year in (2026, 2027):
                tariffs.set_tariff_year(year=year, rates=[
                    {"care_type": site.location.kind, "hourly_rate": Decimal("10.25")}])
    world.groups = groups
    return world


def location_of(site):
    from cooperative.models import Location

    return Location.objects.get(pk=site.location.pk)


def make_contract(world, site=None, *, start="2026-01-01", end=None, schedule=None, schedule_type="weekly",
                  estimate=None, child_id=None, care_type=None):
    from tenants.children.models import Child
    from tenants.contracts import services
    from tenants.groups.models import Group

    site = site or world.a
    with at(site):
        contract = services.create_contract(
            child=Child.objects.get(pk=child_id or site.child_id), care_type=care_type or site.location.kind,
            group=Group.objects.get(pk=world.groups[site.location.slug]), start_date=date.fromisoformat(start),
            end_date=date.fromisoformat(end) if end else None, schedule_type=schedule_type,
            schedule=MON_THU if schedule is None else schedule, estimated_hours_per_quarter=estimate,
            user=site.entrepreneur)
        services.sign_version(contract.current_version, user=site.parent, typed_name=site.parent.full_name,
                              ip="192.0.2.1")
        contract.refresh_from_db()
    return contract


def closing_weeks(site, year=2026, weeks=(30, 31, 32, 52)):
    from tenants.calendar import services as calendar

    with at(site):
        calendar.set_closing_weeks(year=year, weeks=list(weeks))


@pytest.fixture(autouse=True)
def _english(english):
    """Pages in English for the assertions on text, and the services' messages too (a request earlier in the
    same process must not decide the language a service writes in)."""
    from django.utils import translation

    with translation.override("en"):
        yield


BRUSSELS = "Europe/Brussels"
MON_THU_8_17 = [[{"weekday": 0, "start": "08:00", "end": "17:00"}, {"weekday": 3, "start": "08:00", "end": "17:00"}]]


def flemish_contract(world, *, start="2026-03-02", end=None, schedule=None, price="25.00", certificate_year=2026):
    """Location A's child (A must be Flemish: `flemish_a`) on a signed plan (Mondays and Thursdays 08:00–17:00
    unless given), with an income certificate at `price` a day for the year. Returns (contract, child)."""
    from billing.tariffs import services as tariffs
    from tenants.children.models import Child

    contract = make_contract(world, start=start, end=end, schedule=schedule or MON_THU_8_17)
    with at(world.a):
        child = Child.objects.get(pk=world.a.child_id)
        for year in (certificate_year, certificate_year + 1):
            tariffs.add_income_certificate(child=child, day_price=Decimal(price), valid_from=date(year, 1, 1),
                                           valid_until=date(year, 12, 31))
    return contract, child


def local(day, clock: str):
    """An aware moment in Brussels: local(date(2026, 3, 2), "12:59:50")."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.combine(day, time.fromisoformat(clock), tzinfo=ZoneInfo(BRUSSELS))


def stay(child, day, check_in: str, check_out: str, announced: bool = False):
    """A completed stay in the register, times to the second (run inside the location)."""
    from django.utils import timezone

    from tenants.attendance.models import AttendanceRecord

    return AttendanceRecord.objects.create(child=child, date=day, check_in=local(day, check_in),
                                           check_out=local(day, check_out), late_pickup_announced=announced,
                                           registered_at=timezone.now())


def monthly_invoice(contract, year, month):
    from billing.invoices.models import Invoice

    return Invoice.objects.get(contract=contract, kind="monthly", period_start=date(year, month, 1))


def run(world, year, month, today=None, site=None):
    """The monthly run for `month` at location A, or `site` (as the beat job would run it, on `today`)."""
    from billing.invoices import services

    site = site or world.a
    with at(site):
        return services.run_month(location_of(site), year, month, today=today or date(year, month, 1))
