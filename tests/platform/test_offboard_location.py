"""Offboarding a location (opzeggen): its data is exported to a file, its schema dropped, its host gone.

The cooperative admin offboards through `cooperative.services.offboard_location` or the API action
`/api/v1/locations/<slug>/offboard/`. The `place` fixture provisions a fresh location inside the test's
transaction; the rollback restores everything the test dropped.
"""
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from accounts.models import Membership
from cooperative import services
from cooperative.models import Domain, Location
from tenants.exports.models import Export


@pytest.fixture(autouse=True)
def export_root(settings, tmp_path) -> Path:
    settings.EXPORT_ROOT = tmp_path
    return tmp_path


def schema_exists(schema_name: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema_name])
        return cursor.fetchone() is not None


def test_offboarding_writes_an_export_file_with_the_locations_children(place, export_root):
    path = services.offboard_location(place.location)
    assert path.parent == export_root
    assert path.exists()
    data = json.loads(path.read_text())
    assert data["location"]["slug"] == "suspend-sun"
    children = data["tables"]["children.Child"]
    assert [(c["fields"]["first_name"], c["fields"]["last_name"]) for c in children] == [("Zoë", "Zon")]
    assert children[0]["fields"]["guardians"] == [place.parent.pk]


def test_offboarding_export_has_every_table_of_every_location_app(place):
    data = json.loads(services.offboard_location(place.location).read_text())
    location_apps = [
        c for c in apps.get_app_configs() if c.name in settings.TENANT_APPS and not c.name.startswith("django.")
    ]
    expected = {model._meta.label for config in location_apps for model in config.get_models() if model is not Export}
    assert "children.Child" in expected
    assert set(data["tables"]) == expected


def test_offboarding_drops_the_schema(place):
    schema = place.location.schema_name
    assert schema_exists(schema)
    services.offboard_location(place.location)
    assert not schema_exists(schema)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s", [schema])
        assert cursor.fetchone()[0] == 0


def test_offboarding_marks_the_location_and_ends_memberships(place):
    services.offboard_location(place.location)
    location = Location.objects.get(pk=place.location.pk)
    assert location.status == "offboarded"
    assert not Domain.objects.filter(tenant=location).exists()
    assert not Membership.objects.filter(location=location, is_active=True).exists()
    assert Membership.objects.filter(location=location).count() == 3  # kept for the record


def test_the_host_of_an_offboarded_location_answers_404(place):
    sessions = []
    for user in place.people:
        client = Client(HTTP_HOST=place.location.host)
        client.force_login(user)
        sessions.append(client)
    services.offboard_location(place.location)
    for client in [*sessions, Client(HTTP_HOST=place.location.host)]:
        for path in ("/", "/children/", "/accounts/login/", "/api/v1/children/", "/api/v1/me/"):
            assert client.get(path).status_code == 404, path
        assert client.post("/accounts/login/", {"username": place.entrepreneur.email}).status_code == 404


def test_offboarding_leaves_other_locations_alone(place, world, client_for):
    services.offboard_location(place.location)
    assert schema_exists(world.a.location.schema_name)
    response = client_for(world.a.entrepreneur, world.a).get("/api/v1/children/")
    assert response.status_code == 200
    assert world.a.child_name.split()[0] in response.content.decode()


def test_a_location_cannot_be_offboarded_twice(place):
    services.offboard_location(place.location)
    with pytest.raises(ValidationError):
        services.offboard_location(Location.objects.get(pk=place.location.pk))


def test_coop_admin_offboards_through_the_api(place, world, client_for, export_root):
    response = client_for(world.coop_admin).post(f"/api/v1/locations/{place.location.slug}/offboard/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "offboarded"
    export = export_root / body["export_file"]
    assert "Zoë" in export.read_text()
    assert not schema_exists(place.location.schema_name)
    assert Client(HTTP_HOST=place.location.host).get("/").status_code == 404
    again = client_for(world.coop_admin).post(f"/api/v1/locations/{place.location.slug}/offboard/")
    assert again.status_code == 400


def test_only_the_coop_admin_may_offboard(place, world, client_for, export_root):
    world.adviser.adviser_assignments.create(location=place.location)
    for user in (world.adviser, world.lead_adviser, world.pedagogue, place.entrepreneur, place.parent):
        response = client_for(user).post(f"/api/v1/locations/{place.location.slug}/offboard/")
        assert response.status_code in (403, 404), user.email
    owner = Client(HTTP_HOST=place.location.host)
    owner.force_login(place.entrepreneur)
    assert owner.post(f"/api/v1/locations/{place.location.slug}/offboard/").status_code in (403, 404)
    assert Location.objects.get(pk=place.location.pk).status == "active"
    assert schema_exists(place.location.schema_name)
    assert list(export_root.iterdir()) == []
