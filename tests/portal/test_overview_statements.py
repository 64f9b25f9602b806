"""Acceptance (issue 21): the overview of a parent at two locations costs a small, fixed number of statements.

Each location's part is one statement naming its schema's tables (prepared: PostgreSQL plans it once per
connection and schema, not on every page), so the page sets no search path for her locations; her locations
and the open cooperative surveys are one read, her roles another. Read again and again, alternating between
her two locations as every page does, each location still answers with its own child and nobody else's."""
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

#: session, user, roles, locations with surveys, one per location. The cooperative's name comes from the cache
#: (Cooperative.cached_name), and the search path is not set again when the last request left it at the public
#: schema (the location middleware).
STATEMENTS_FOR_TWO_LOCATIONS = 6


def statements(client) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/")
    assert response.status_code == 200
    return [query["sql"] for query in ctx.captured_queries]


def name_in_cache():
    """As a page outside a transaction leaves it (a test runs in one, where the name is read but not kept)."""
    from django.core.cache import cache

    from cooperative.models import NAME_CACHE_KEY, NAME_CACHE_SECONDS, Cooperative

    cache.set(NAME_CACHE_KEY, Cooperative.load().name, NAME_CACHE_SECONDS)


def test_two_locations_in_six_statements_without_entering_their_schemas(world, client_for):
    client = client_for(world.two_location_parent)
    client.get("/")  # the closing days of both locations into the cache
    name_in_cache()
    sql = statements(client)
    assert len(sql) <= STATEMENTS_FOR_TWO_LOCATIONS, "\n".join(sql)
    assert not [s for s in sql if s.startswith("SET search_path")], "the search path is public already"
    assert not [s for s in sql if "cooperative_cooperative" in s], "the cooperative's name is in the cache"
    for site in (world.a, world.b):
        assert sum(f'"{site.location.schema_name}".' in s for s in sql) == 1, "one statement per location"


def test_with_a_shared_cache_the_session_is_not_read_from_the_database(world, client_for, settings):
    """Where a cache is shared by every web process (production: Redis), sessions are `cached_db`: five
    statements, none of them the session's."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client = client_for(world.two_location_parent)
    client.get("/")
    name_in_cache()
    sql = statements(client)
    assert len(sql) <= STATEMENTS_FOR_TWO_LOCATIONS - 1, "\n".join(sql)
    assert not [s for s in sql if "django_session" in s]


def test_after_a_page_at_a_location_the_search_path_is_set_back(world, client_for):
    """The connection left in a location's schema (here: by hand) is set back to the public schema before the
    main domain's page reads anything."""
    client = client_for(world.two_location_parent)
    client.get("/")
    connection.set_schema(world.a.location.schema_name)
    sql = statements(client)
    assert sql[0] == 'SET search_path = "public"', sql[0]
    assert connection.schema_name == "public"


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


def test_her_locations_are_the_orm_s_locations_field_for_field(world):
    from django.utils import timezone

    from cooperative.models import Location
    from portal.selectors import parent_locations_with_coop_surveys

    locations, _surveys = parent_locations_with_coop_surveys(world.two_location_parent, timezone.localdate())
    assert [location.pk for location in locations] == [world.a.location.pk, world.b.location.pk]
    for location in locations:
        orm = Location.objects.get(pk=location.pk)
        assert not location._state.adding and location._state.db == "default"
        for field in Location._meta.concrete_fields:
            mine, theirs = getattr(location, field.attname), getattr(orm, field.attname)
            assert mine == theirs and type(mine) is type(theirs), field.name
