"""The entrepreneur sets a weekday's opening hours (201) or closes it with two nulls (200) through the API;
times of day are "HH:MM", which the schema describes as such (not as RFC 3339 times with an offset)."""
from tests.platform.openapi_conformance import assert_conforms

PATH = "/api/v1/calendar/opening-hours/"


def test_set_and_close_a_weekday_as_documented(world, api, client_for):
    owner = api(world.a.entrepreneur, world.a)
    schema_client = client_for(world.a.entrepreneur, world.a)
    opened = owner.post(PATH, {"weekday": 0, "opens": "07:30", "closes": "18:30"})
    assert opened.status_code == 201 and opened.json()["opens"] == "07:30"
    assert_conforms(schema_client, PATH, "post", opened)
    closed = owner.post(PATH, {"weekday": 0, "opens": None, "closes": None})
    assert closed.status_code == 200 and closed.json()["opens"] is None
    assert_conforms(schema_client, PATH, "post", closed)
    listed = owner.get(PATH)
    assert_conforms(schema_client, PATH, "get", listed)
