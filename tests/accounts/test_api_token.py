"""API tokens for scripts: with two-factor authentication the password alone gets no token; the current code of
the authenticator app (field `otp`) is needed too."""
from django.test import Client

from tests.accounts.browser import MAIN, totp_code
from tests.conftest import COOP_TOTP_SECRET, PASSWORD


def ask(user, **extra):
    return Client(HTTP_HOST=MAIN).post("/api/v1/auth/token/", {"username": user.email, "password": PASSWORD,
                                                               **extra})


def test_password_alone_gets_no_token_with_two_factor(world):
    response = ask(world.adviser)
    assert response.status_code == 400
    assert "otp" in response.json()
    assert "token" not in response.json()


def test_password_and_current_code_get_a_token(world):
    response = ask(world.adviser, otp=totp_code(COOP_TOTP_SECRET))
    assert response.status_code == 200
    assert response.json()["token"]


def test_a_wrong_code_gets_no_token(world):
    wrong = "123456" if totp_code(COOP_TOTP_SECRET) != "123456" else "654321"
    response = ask(world.pedagogue, otp=wrong)
    assert response.status_code == 400
    assert "token" not in response.json()


def test_someone_who_must_have_a_second_factor_and_has_none_gets_no_token(world, new_adviser):
    response = ask(new_adviser)
    assert response.status_code == 403
    assert "token" not in response.json()


def test_a_parent_without_two_factor_needs_no_code(world):
    assert ask(world.a.parent).status_code == 200


def test_the_schema_describes_the_otp_field(world):
    schema = Client(HTTP_HOST=MAIN).get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "otp" in schema
    assert "authenticator app" in schema
