"""The entrepreneur makes the annual statements of a year through the API; a parent is refused with the
API's error body, and a body that is no object or a year that is no past year is a 400 naming the year. All
as the schema documents."""
import pytest

from tests.platform.openapi_conformance import assert_conforms

PATH = "/api/v1/billing/statements/generate/"


def test_the_entrepreneur_makes_them(billing, api, client_for):
    response = api(billing.a.entrepreneur, billing.a).post(PATH, {"year": 2025})
    assert response.status_code == 200 and response.json() == {"created": 0}
    assert_conforms(client_for(billing.a.entrepreneur, billing.a), PATH, "post", response)


def test_a_parent_is_refused_with_a_reason(billing, api, client_for):
    response = api(billing.a.parent, billing.a).post(PATH, {"year": 2025})
    assert response.status_code == 403 and response.json()["detail"]
    assert_conforms(client_for(billing.a.parent, billing.a), PATH, "post", response)


@pytest.mark.parametrize("body", ["[]", "[null, null]", '"2025"', "null", '{"year": 1999}', '{"year": "x"}'])
def test_bad_input_names_the_year(billing, client_for, body):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.post(PATH, body, content_type="application/json")
    assert response.status_code == 400 and "year" in response.json()
    assert_conforms(owner, PATH, "post", response)
