"""Asking for an API token with a JSON body that is no object (a list, a string, a number, null) is a 400
saying what to send, on the main domain and at a location, never a server error; no token is made."""
import pytest
from django.test import Client
from rest_framework.authtoken.models import Token


@pytest.mark.parametrize("body", ["[]", '"x"', "1", "null", "[null, null]", "true"])
@pytest.mark.parametrize("host", ["localhost", "alpha.localhost"])
def test_a_body_that_is_no_object_is_a_400(world, host, body):
    tokens = Token.objects.count()
    response = Client(HTTP_HOST=host).post("/api/v1/auth/token/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["non_field_errors"]
    assert Token.objects.count() == tokens
