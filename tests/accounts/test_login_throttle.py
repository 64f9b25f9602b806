"""Failed logins are throttled per account *and* client address, the address taken from the trusted proxy's
X-Forwarded-For: five wrong passwords lock that account from that address only; a password reset lifts it."""
import re

import pytest
from django.core import mail
from django.test import Client

from accounts.throttling import client_ip
from tests.accounts.browser import MAIN, Browser, text
from tests.conftest import PASSWORD

PROXY = "10.0.0.5"  # the ingress: every request arrives from here
ADDRESS_1, ADDRESS_2 = "198.51.100.1", "203.0.113.2"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def fail_five_times(browser: Browser, email: str):
    for _ in range(5):
        response = browser.post(f"http://{MAIN}/accounts/login/", {"login": email, "password": "wrong-password"})
    return response


def test_client_address_comes_from_the_trusted_proxy(behind_proxy, rf):
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"6.6.6.6, {ADDRESS_1}")
    assert client_ip(request) == ADDRESS_1  # what the client wrote itself (6.6.6.6) is ignored


def test_without_trusted_proxies_the_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(rf.get("/", REMOTE_ADDR=ADDRESS_2, HTTP_X_FORWARDED_FOR=ADDRESS_1)) == ADDRESS_2


def test_five_failures_lock_that_account_from_that_address_only(world, behind_proxy):
    parent_x, parent_y = world.a.parent, world.b.parent
    attacker = Browser(ADDRESS_1, proxy=PROXY)
    locked = fail_five_times(attacker, parent_x.email)
    assert locked.status_code == 429

    # X from address 1: locked, even with the right password; the page says so in Dutch and offers a reset.
    page = Browser(ADDRESS_1, proxy=PROXY).post(f"http://{MAIN}/accounts/login/",
                                                  {"login": parent_x.email, "password": PASSWORD})
    assert page.status_code == 429
    assert "Te veel pogingen" in text(page) and "/accounts/password/reset/" in text(page)

    # Y from address 1 and X from address 2 (the same proxy in front): not locked.
    y_browser = Browser(ADDRESS_1, proxy=PROXY)
    assert y_browser.log_in(parent_y.email).final_url == f"http://{MAIN}/"
    x_elsewhere = Browser(ADDRESS_2, proxy=PROXY)
    assert x_elsewhere.log_in(parent_x.email).final_url == f"http://{MAIN}/"


def test_a_password_reset_lifts_the_lock(world, behind_proxy):
    parent_x = world.a.parent
    browser = Browser(ADDRESS_1, proxy=PROXY)
    fail_five_times(browser, parent_x.email)
    browser.post(f"http://{MAIN}/accounts/password/reset/", {"email": parent_x.email})
    link = re.search(r"(http://\S+/accounts/password/reset/key/\S+/)", mail.outbox[0].body).group(1)
    form = browser.get(link)
    new = "een-nieuw-wachtwoord-42"
    browser.post(form.final_url, {"password1": new, "password2": new})
    assert Browser(ADDRESS_1, proxy=PROXY).log_in(parent_x.email, new).final_url == f"http://{MAIN}/"


def test_one_address_trying_many_accounts_is_stopped(world, behind_proxy):
    """allauth's limit per address (10 failures a minute), whoever the accounts are."""
    browser = Browser(ADDRESS_1, proxy=PROXY)
    emails = [f"someone{i}@nowhere.test" for i in range(10)]
    for email in emails:
        browser.post(f"http://{MAIN}/accounts/login/", {"login": email, "password": "wrong-password"})
    stopped = browser.post(f"http://{MAIN}/accounts/login/", {"login": world.a.staff.email, "password": PASSWORD})
    assert browser.user_id(MAIN) is None
    assert stopped.status_code in (200, 429)
    # ...while the same account from another address still gets in.
    assert Browser(ADDRESS_2, proxy=PROXY).log_in(world.a.staff.email).final_url == f"http://{MAIN}/"


def test_api_token_locked_after_five_failures_from_that_address(world, behind_proxy):
    email = world.a.entrepreneur.email
    client = Client(HTTP_HOST=MAIN, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ADDRESS_1)
    for _ in range(5):
        client.post("/api/v1/auth/token/", {"username": email, "password": "wrong-password"})
    response = client.post("/api/v1/auth/token/", {"username": email, "password": PASSWORD})
    assert response.status_code == 429
    assert "token" not in response.content.decode()
    other = Client(HTTP_HOST=MAIN, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ADDRESS_2)
    assert other.post("/api/v1/auth/token/", {"username": email, "password": PASSWORD}).status_code == 200
