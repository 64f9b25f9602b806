"""The dashboard runs the same number of SQL queries for few and for many locations."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advisory import services
from tests.advisory.conftest import bare_location


def add_locations(world, start, count):
    for n in range(start, start + count):
        location = bare_location(f"q-{n}", adviser=world.adviser, region=f"R{n % 3}")
        services.plan_visit(location, year=2025, visit_type="business", adviser=world.adviser, user=world.adviser)
        services.create_action(location, description="x", owner="entrepreneur",
                               due_date=__import__("datetime").date(2025, 1, 1), user=world.adviser)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


def test_same_number_of_queries_at_two_sizes(client_for, world):
    client = client_for(world.lead_adviser)
    add_locations(world, 0, 3)
    urls = ("/advisory/?year=2025", "/advisory/export.csv?year=2025", "/advisory/list/all/?year=2025",
            "/api/v1/advisory/dashboard/")
    for url in urls:  # warm up: the session and per-process caches on the first request
        queries(client, url)
    small = {url: queries(client, url) for url in urls}
    add_locations(world, 3, 40)
    large = {url: queries(client, url) for url in small}
    assert small == large
