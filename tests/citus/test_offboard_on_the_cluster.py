"""Offboarding a location on the cluster (issue 21, point 2): its data is exported, then its distributed
schema is dropped from its worker; the other locations stay where they are.

Offboarding runs in its own transaction after the rows it exports were committed, as it does in production
(tests/platform/test_offboard_location.py writes the rows and offboards in one test transaction, which a
Citus worker refuses: a table with deferred foreign-key checks queued cannot be dropped)."""
import json
from datetime import date

from django_tenants.utils import schema_context

from tests.citus.conftest import in_a_thread, shards_on, worker_of, worker_ports
from tests.conftest import make_user

SLUG = "vertrek"


def _provision():
    from accounts.models import Membership
    from cooperative.services import NewLocation, provision_location
    from tenants.children.services import create_child

    location = provision_location(NewLocation(
        name="Vertrekkende Vos", slug=SLUG, kind="kdv", jurisdiction="NL",
        entrepreneur_email=f"owner@{SLUG}.test", entrepreneur_name="Owner Vos",
        lrk_numbers={"kdv": "123456782"}), send_invitation=False)
    parent = make_user(f"parent@{SLUG}.test", "Parent Vos")
    Membership.objects.get_or_create(user=parent, location=location, role="parent")
    with schema_context(location.schema_name):
        create_child(first_name="Vince", last_name="Vos", birth_date=date(2023, 4, 1), guardians=[parent])
    return location


def _offboard(location):
    from cooperative.models import Location
    from cooperative.services import offboard_location

    return offboard_location(Location.objects.get(pk=location.pk))


def _cleanup(location):
    from cooperative.models import Location
    from cooperative.schemas import drop_schema

    drop_schema(location.schema_name)
    Location.objects.filter(pk=location.pk).delete()


def test_offboarding_exports_then_drops_the_schema_from_its_worker(world, django_db_blocker, settings, tmp_path):
    settings.EXPORT_ROOT = str(tmp_path)
    with django_db_blocker.unblock():
        location = in_a_thread(_provision)
        try:
            port = in_a_thread(worker_of, location.schema_name)
            others = {slug: in_a_thread(worker_of, slug) for slug in (world.a.location.schema_name,
                                                                     world.b.location.schema_name)}
            assert port in worker_ports() and shards_on(port, location.schema_name)
            path = in_a_thread(_offboard, location)
            export = json.loads(path.read_text())
            assert "Vince" in json.dumps(export)
            assert in_a_thread(worker_of, location.schema_name) is None
            assert not shards_on(port, location.schema_name)
            assert {slug: in_a_thread(worker_of, slug) for slug in others} == others
        finally:
            in_a_thread(_cleanup, location)
