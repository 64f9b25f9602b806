"""A parent files a complaint through the API: the new complaint (no child, no outcome yet) is what the
schema documents; a body that is no object is a 400, never a server error."""
import pytest

from tests.platform.openapi_conformance import assert_conforms

PATH = "/api/v1/complaints/"


def test_a_filed_complaint_is_documented(world, api, client_for):
    response = api(world.a.parent, world.a).post(PATH, {"subject": "method", "description": "De overdracht."})
    assert response.status_code == 201
    assert response.json()["outcome"] == "" and response.json()["child_name"] is None
    assert_conforms(client_for(world.a.parent, world.a), PATH, "post", response)


@pytest.mark.parametrize("body", ["[]", "[null, null]", '"klacht"', "1", "null"])
def test_a_body_that_is_no_object_is_a_400(world, client_for, body):
    parent = client_for(world.a.parent, world.a)
    response = parent.post(PATH, body, content_type="application/json")
    assert response.status_code == 400 and response.json()["non_field_errors"]
    assert_conforms(parent, PATH, "post", response)
