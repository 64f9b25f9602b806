"""The API describes itself: an OpenAPI schema and readable docs on the main domain and at a location."""
import json
import re


def test_schema_on_main_domain_lists_location_endpoints(client_for):
    response = client_for().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/locations/" in paths
    assert "/api/v1/me/" in paths


def test_schema_at_location_lists_children(client_for, world):
    response = client_for(site=world.a).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert "/api/v1/children/" in response.json()["paths"]


def test_docs_page_is_served_without_a_cdn(client_for):
    response = client_for().get("/api/docs/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "swagger" in body.lower()
    assert "cdn." not in body and "unpkg" not in body


# Enum names that collide across apps (e.g. two different `status` choice sets) are resolved by the
# generator with a suffix: the schema stays correct, so these two messages are the only ones tolerated.
TOLERATED = ("enum naming encountered", "multiple names for the same choice set")


def generator_warnings(urlconf: str) -> list[str]:
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    GENERATOR_STATS.silent = True
    try:
        SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)
        problems = list(GENERATOR_STATS._warn_cache) + list(GENERATOR_STATS._error_cache)
    finally:
        GENERATOR_STATS.silent = False
        GENERATOR_STATS.reset()
    return [p for p in problems if not any(t in p for t in TOLERATED)]


def test_main_domain_schema_generates_without_warnings(db):
    assert generator_warnings("config.urls_public") == []


def test_location_schema_generates_without_warnings(db):
    assert generator_warnings("config.urls_location") == []


def served_schema(client) -> dict:
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_main_domain_schema_is_valid_openapi(client_for):
    from openapi_spec_validator import validate

    validate(served_schema(client_for()))


def test_location_schema_is_valid_openapi(client_for, world):
    from openapi_spec_validator import validate

    validate(served_schema(client_for(site=world.a)))


def test_every_operation_documents_the_error_answers(client_for, world):
    for client in (client_for(), client_for(site=world.a)):
        schema = served_schema(client)
        for path, item in schema["paths"].items():
            for method, operation in item.items():
                codes = set(operation["responses"])
                assert {"400", "401", "403", "404", "405"} <= codes, (method, path)
                assert ("415" in codes) == ("requestBody" in operation), (method, path)
        assert schema["components"]["responses"]["NotFound"]["content"]["application/json"]
    token = served_schema(client_for())["paths"]["/api/v1/auth/token/"]["post"]["responses"]
    assert token["429"] == {"$ref": "#/components/responses/TooManyRequests"}


def test_an_unknown_api_path_answers_not_found_in_json(client_for, world):
    for client in (client_for(world.coop_admin), client_for(world.a.entrepreneur, world.a), client_for()):
        response = client.get("/api/v1/children/abc/")
        assert response.status_code == 404 and response.json() == {"detail": "Niet gevonden."}
    assert client_for().get("/no-such-page/")["Content-Type"].startswith("text/html")


def test_times_of_day_are_described_as_they_are_sent(client_for, world):
    """DRF sends "08:30"; JSON Schema's `time` format would demand an offset ("08:30:00+01:00")."""
    text = json.dumps(served_schema(client_for(site=world.a)))
    assert '"format": "time"' not in text
    opening = served_schema(client_for(site=world.a))["components"]["schemas"]["OpeningHours"]["properties"]
    assert re.fullmatch(opening["opens"]["pattern"], "07:30") and not re.fullmatch(opening["opens"]["pattern"], "7u30")
