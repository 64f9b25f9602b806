"""Acceptance: the overview's SQL queries grow with the locations the parent belongs to, not with the
locations on the platform (1 against 300 locations on the platform: the same count)."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperative.models import Location


def queries_for(client) -> int:
    """Every statement of one overview request (django-tenants' `SET search_path` before each query included)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def reads_for(client) -> int:
    """The same without the `SET search_path` statements."""
    with CaptureQueriesContext(connection) as ctx:
        client.get("/")
    return sum(1 for q in ctx.captured_queries if not q["sql"].startswith("SET search_path"))


def add_locations(count: int) -> None:
    """Location rows of other members (no schema needed: the parent is not a member there)."""
    Location.objects.bulk_create([
        Location(name=f"Elders {i}", slug=f"elders{i}", schema_name=f"loc_elders{i}", kind="kdv", jurisdiction="NL",
                 time_zone="Europe/Amsterdam") for i in range(count)])


def test_same_count_with_1_or_300_locations_on_the_platform(world, client_for):
    client = client_for(world.a.parent)
    client.get("/")  # warm caches that have nothing to do with the number of locations
    Location.objects.exclude(pk__in=[world.a.location.pk, world.b.location.pk]).delete()
    baseline = queries_for(client)
    add_locations(298)
    assert Location.objects.count() == 300
    assert queries_for(client) == baseline


def test_count_grows_with_the_parents_own_locations(world, client_for):
    one = client_for(world.a.parent)
    two = client_for(world.two_location_parent)
    one.get("/"), two.get("/")
    per_location = queries_for(two) - queries_for(one)
    reads_per_location = reads_for(two) - reads_for(one)
    assert 0 < reads_per_location <= 16, "a fixed, small number of reads for each of the parent's locations"
    add_locations(300)
    assert queries_for(two) - queries_for(one) == per_location
