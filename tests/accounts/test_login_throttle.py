"""Failed logins are throttled: after five failures even the right password is refused for a while."""
from django.test import Client

from tests.conftest import PASSWORD


def test_login_locked_after_five_failures(world):
    client = Client(HTTP_HOST="localhost", REMOTE_ADDR="10.1.2.3")
    email = world.pedagogue.email
    for _ in range(5):
        client.post("/accounts/login/", {"username": email, "password": "wrong-password"})
    response = client.post("/accounts/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_api_token_locked_after_five_failures(world):
    client = Client(HTTP_HOST="localhost", REMOTE_ADDR="10.1.2.4")
    email = world.lead_adviser.email
    for _ in range(5):
        client.post("/api/v1/auth/token/", {"username": email, "password": "wrong-password"})
    response = client.post("/api/v1/auth/token/", {"username": email, "password": PASSWORD})
    assert response.status_code == 429
    assert "token" not in response.content.decode()
