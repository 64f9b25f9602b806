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
    """Pages in English for the assertions on text."""
