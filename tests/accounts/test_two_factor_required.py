"""A second factor: required for the cooperative admin, advisers and the pedagogue (nothing else opens until it
is set up, on any host, pages and API alike), offered to everyone else."""
import re

import pytest
from allauth.mfa.models import Authenticator

from accounts.models import Membership
from tests.accounts.browser import MAIN, Browser, text, totp_code
from tests.conftest import PASSWORD


def secret_on(page) -> str:
    return re.search(r'id="authenticator_secret">([A-Z2-7]+)<', page.content.decode()).group(1)


def set_up_totp(browser: Browser) -> str:
    page = browser.get(f"http://{MAIN}/accounts/2fa/totp/activate/")
    assert page.status_code == 200, page.hops
    if "/accounts/reauthenticate/" in page.final_url:  # allauth asks for the password again before a change
        page = browser.post(page.final_url, {"password": PASSWORD})
        assert page.final_url == f"http://{MAIN}/accounts/2fa/totp/activate/"
    secret = secret_on(page)
    done = browser.post(page.final_url, {"code": totp_code(secret)})
    assert done.status_code == 200, text(done)[-2000:]
    return secret


@pytest.mark.parametrize("who", ["new_adviser", "new_admin", "new_pedagogue"])
def test_blocked_until_a_second_factor_is_set_up(world, request, who):
    user = request.getfixturevalue(who)
    browser = Browser()
    page = browser.log_in(user.email)
    assert page.final_url == f"http://{MAIN}/accounts/2fa/"
    assert "Beveiliging" in text(page)
    for path in ("/", "/locations/", "/advisory/", "/meldcode/", "/api/v1/me/", "/api/v1/locations/"):
        response = browser.get(f"http://{MAIN}{path}", follow=False)
        assert response.status_code in (302, 403), path
        if response.status_code == 302:
            assert response["Location"] == "/accounts/2fa/", path
    refused = browser.get(f"http://{MAIN}/api/v1/me/")
    assert refused.status_code == 403
    assert "tweestapsverificatie verplicht" in refused.json()["detail"]
    set_up_totp(browser)
    assert browser.get(f"http://{MAIN}/").status_code == 200
    assert browser.get(f"http://{MAIN}/api/v1/me/").status_code == 200


def test_blocked_on_a_location_host_too(world, new_adviser, client_for):
    Membership.objects.create(user=new_adviser, location=world.a.location, role="staff")
    client = client_for(new_adviser, world.a)
    page = client.get("/children/")
    assert page.status_code == 302
    assert page["Location"] == f"http://{MAIN}:8000/accounts/2fa/"
    assert client.get("/api/v1/children/").status_code == 403
    assert "Saartje" not in client.get("/api/v1/children/").content.decode()


def test_an_api_token_of_someone_who_owes_a_second_factor_is_refused(world, new_adviser):
    from django.test import Client
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=new_adviser)
    response = Client(HTTP_HOST=MAIN).get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code in (401, 403)


def test_logging_in_asks_for_the_code_and_a_code_works_once(world, new_adviser):
    browser = Browser()
    browser.log_in(new_adviser.email)
    secret = set_up_totp(browser)
    browser.post(f"http://{MAIN}/accounts/logout/")

    again = Browser()
    step = again.log_in(new_adviser.email)
    assert step.final_url == f"http://{MAIN}/accounts/2fa/authenticate/"
    assert again.user_id(MAIN) is None
    code = totp_code(secret)
    assert again.post(step.final_url, {"code": code}).final_url == f"http://{MAIN}/"
    assert again.user_id(MAIN) == str(new_adviser.pk)

    replay = Browser()
    step = replay.log_in(new_adviser.email)
    refused = replay.post(step.final_url, {"code": code})
    assert refused.status_code == 200
    assert replay.user_id(MAIN) is None


def test_a_wrong_code_is_refused(world, new_adviser):
    browser = Browser()
    browser.log_in(new_adviser.email)
    page = browser.get(f"http://{MAIN}/accounts/2fa/totp/activate/")
    page = browser.post(page.final_url, {"password": PASSWORD})
    refused = browser.post(page.final_url, {"code": "000000" if totp_code(secret_on(page)) != "000000" else "111111"})
    assert refused.status_code == 200
    assert not Authenticator.objects.filter(user=new_adviser).exists()


def test_recovery_codes_work_once(world, new_pedagogue):
    browser = Browser()
    browser.log_in(new_pedagogue.email)
    set_up_totp(browser)
    codes = Authenticator.objects.get(user=new_pedagogue, type="recovery_codes").wrap().get_unused_codes()
    assert len(codes) == 10
    shown = browser.get(f"http://{MAIN}/accounts/2fa/recovery-codes/")
    assert codes[0] in text(shown)
    browser.post(f"http://{MAIN}/accounts/logout/")

    first = Browser()
    step = first.log_in(new_pedagogue.email)
    assert first.post(step.final_url, {"code": codes[0]}).final_url == f"http://{MAIN}/"
    second = Browser()
    step = second.log_in(new_pedagogue.email)
    assert second.post(step.final_url, {"code": codes[0]}).status_code == 200
    assert second.user_id(MAIN) is None
    assert second.post(step.final_url, {"code": codes[1]}).final_url == f"http://{MAIN}/"


def test_a_parent_may_but_need_not(world):
    parent = world.a.parent
    browser = Browser()
    page = browser.log_in(parent.email)
    assert page.final_url == f"http://{MAIN}/"
    assert browser.get(f"http://{world.a.host}/").status_code == 200
    security = browser.get(f"http://{MAIN}/accounts/2fa/")
    assert security.status_code == 200
    assert "Tweestapsverificatie is verplicht" not in text(security)
    set_up_totp(browser)
    assert Authenticator.objects.filter(user=parent, type="totp").exists()


def test_the_header_links_to_the_security_page(world, client_for):
    page = client_for(world.a.parent, world.a).get("/")
    assert f'href="http://{MAIN}:8000/accounts/2fa/"' in page.content.decode()
