"""The API describes itself: an OpenAPI schema and readable docs on the main domain and at a location."""


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
