"""Scripts use an API token; the token carries the same rights as the person, no more."""
from django.test import Client

from tests.conftest import PASSWORD


def token_for(user) -> str:
    response = Client(HTTP_HOST="localhost").post(
        "/api/v1/auth/token/", {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    return response.json()["token"]


def test_token_works_at_own_location(world):
    token = token_for(world.a.entrepreneur)
    response = Client(HTTP_HOST=world.a.host).get("/api/v1/children/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200
    assert world.a.child_name.split()[0] in response.content.decode()


def test_token_of_location_a_is_refused_at_location_b(world):
    token = token_for(world.a.entrepreneur)
    response = Client(HTTP_HOST=world.b.host).get("/api/v1/children/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 403
    assert world.b.child_name.split()[0] not in response.content.decode()


def test_wrong_password_gets_no_token(world):
    response = Client(HTTP_HOST="localhost").post(
        "/api/v1/auth/token/", {"username": world.a.entrepreneur.email, "password": "nope-nope"}
    )
    assert response.status_code == 400
    assert "token" not in response.json()
