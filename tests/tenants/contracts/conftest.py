"""Fixtures for the contract tests: opening hours and a group at both locations, and helpers."""
from datetime import date, time

import pytest

from tests.tenants.calendar.conftest import at, flemish_a  # noqa: F401 (fixture re-exported)

WEEKLY = [[{"weekday": 0, "start": "08:00", "end": "17:00"}, {"weekday": 2, "start": "08:00", "end": "17:00"},
           {"weekday": 3, "start": "08:00", "end": "13:00"}]]


@pytest.fixture
def setup(world):
    """Both locations open Monday to Friday 07:30–18:30; alpha has stamgroep 'Egeltjes', beta a childminder group."""
    from tenants.calendar import services as calendar
    from tenants.groups.models import Group

    groups = {}
    for site, kind in ((world.a, "stamgroep"), (world.b, "gastouder")):
        with at(site):
            calendar.set_week_hours({d: (time(7, 30), time(18, 30)) for d in range(5)})
            groups[site.location.slug] = Group.objects.create(name=f"Groep {site.location.slug}", kind=kind).pk
    world.groups = groups
    return world


def payload(world, site=None, **overrides):
    site = site or world.a
    data = {
        "child": site.child_id, "care_type": site.location.kind, "group": world.groups[site.location.slug],
        "start_date": "2026-01-05", "end_date": "2027-12-31", "schedule_type": "weekly", "schedule": WEEKLY,
    }
    data.update(overrides)
    return data


def create(client, world, site=None, **overrides):
    return client.post("/api/v1/contracts/", payload(world, site, **overrides), content_type="application/json")


def make_contract(world, site=None, signed=True, **overrides):
    """A contract made through the service (and signed by the site's parent)."""
    from tenants.children.models import Child
    from tenants.contracts import services
    from tenants.groups.models import Group

    site = site or world.a
    data = payload(world, site, **overrides)
    with at(site):
        contract = services.create_contract(
            child=Child.objects.get(pk=data["child"]), care_type=data["care_type"],
            group=Group.objects.get(pk=data["group"]), start_date=date.fromisoformat(data["start_date"]),
            end_date=date.fromisoformat(data["end_date"]) if data["end_date"] else None,
            schedule_type=data["schedule_type"], schedule=data["schedule"],
            estimated_hours_per_quarter=data.get("estimated_hours_per_quarter"), user=site.entrepreneur)
        if signed:
            services.sign_version(contract.current_version, user=site.parent, typed_name=site.parent.full_name,
                                  ip="192.0.2.1")
            contract.refresh_from_db()
    return contract
