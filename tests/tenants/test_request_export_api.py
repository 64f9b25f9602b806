"""The entrepreneur asks for an export of her location's data through the API: 202 and the queued export,
as documented."""
from tests.platform.openapi_conformance import assert_conforms


def test_asking_for_an_export_is_documented(world, client_for):
    owner = client_for(world.a.entrepreneur, world.a)
    response = owner.post("/api/v1/exports/")
    assert response.status_code == 202 and response.json()["status"]
    assert_conforms(owner, "/api/v1/exports/", "post", response)
