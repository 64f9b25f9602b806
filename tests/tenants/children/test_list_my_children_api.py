"""A parent lists her own children at a location through the API (`children/mine`): a list, as documented."""
from tests.platform.openapi_conformance import assert_conforms


def test_my_children_are_a_documented_list(world, client_for):
    parent = client_for(world.a.parent, world.a)
    response = parent.get("/api/v1/children/mine/")
    assert response.status_code == 200
    assert [child["first_name"] for child in response.json()] == ["Saartje"]
    assert_conforms(parent, "/api/v1/children/mine/", "get", response)
    staff = client_for(world.a.staff, world.a)
    none = staff.get("/api/v1/children/mine/")
    assert none.status_code == 200 and none.json() == []
    assert_conforms(staff, "/api/v1/children/mine/", "get", none)
