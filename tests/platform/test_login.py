"""Logging in: at a location only its members, on the main domain everyone with an account."""
from django.test import Client

from tests.conftest import PASSWORD


def login(host, email, password=PASSWORD):
    client = Client(HTTP_HOST=host)
    response = client.post("/accounts/login/", {"username": email, "password": password})
    return client, response


def test_entrepreneur_logs_in_at_own_location(world):
    client, response = login(world.a.host, world.a.entrepreneur.email)
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_member_of_a_cannot_log_in_at_b(world):
    _client, response = login(world.b.host, world.a.entrepreneur.email)
    assert response.status_code == 200
    assert "geen toegang" in response.content.decode() or "no access" in response.content.decode()


def test_wrong_password_is_refused(world):
    _client, response = login("localhost", world.coop_admin.email, "wrong-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in _client.session
