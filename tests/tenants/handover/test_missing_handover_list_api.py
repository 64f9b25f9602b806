"""Staff list today's children without a handover through the API: a list (not pages), as documented."""
from tests.platform.openapi_conformance import assert_conforms


def test_the_missing_list_is_documented(world, client_for):
    staff = client_for(world.a.staff, world.a)
    response = staff.get("/api/v1/handovers/missing/")
    assert response.status_code == 200 and isinstance(response.json(), list)
    assert_conforms(staff, "/api/v1/handovers/missing/", "get", response)
