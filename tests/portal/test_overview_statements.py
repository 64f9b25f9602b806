"""Acceptance (issue 21): the overview of a parent at two locations costs a small, fixed number of statements.

Each location's part is one statement naming its schema's tables (prepared: PostgreSQL plans it once per
connection and schema, not on every page), so the page sets no search path for her locations; her locations
and the open cooperative surveys are one read, her roles another. Read again and again, alternating between
her two locations as every page does, each location still answers with its own child and nobody else's."""
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

#: session, user, roles, locations with surveys, one per location, the cooperative's name; and the search
#: path set back to the public schema once at the start of the request (the location middleware).
STATEMENTS_FOR_TWO_LOCATIONS = 8


def statements(client) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/")
    assert response.status_code == 200
    return [query["sql"] for query in ctx.captured_queries]


def test_two_locations_in_eight_statements_without_entering_their_schemas(world, client_for):
    client = client_for(world.two_location_parent)
    client.get("/")  # the closing days of both locations into the cache
    sql = statements(client)
    assert len(sql) <= STATEMENTS_FOR_TWO_LOCATIONS, "\n".join(sql)
    assert [s for s in sql if s.startswith("SET search_path")] in ([], ['SET search_path = "public"'])
    for site in (world.a, world.b):
        assert sum(f'"{site.location.schema_name}".' in s for s in sql) == 1, "one statement per location"


def test_each_location_answers_with_its_own_child_however_often_it_is_read(world, client_for):
    from portal.models import CoopSurvey

    CoopSurvey.objects.create(title="Hoe tevreden bent u?", opens_on=date(2020, 1, 1),
                              questions=[{"text": "Tevreden?", "kind": "scale"}])
    client = client_for(world.two_location_parent)
    for _ in range(8):  # past PostgreSQL's first five plans of a prepared statement
        html = client.get("/").content.decode()
        alpha, beta = html.split(f'id="loc-{world.b.location.pk}"')  # by name: "Test alpha", then "Test beta"
        assert "Mila Jansen" in alpha and "Finn Jansen" not in alpha
        assert "Finn Jansen" in beta and "Mila Jansen" not in beta
        assert "Saartje" not in html and "Bram" not in html, "another family's children"
        assert html.count("Hoe tevreden bent u?") == 2, "the cooperative's survey at each of her locations"
