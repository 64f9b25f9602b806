"""One login on every host: log in on the main domain, then every location's host gets the login through a
single-use token (accounts.handoff) without typing anything."""
from datetime import timedelta
from urllib.parse import quote, urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import HandoffToken, User
from cooperative.models import Location
from tests.accounts.browser import MAIN, Browser, text


def handoff_url(next_url: str, state: str = "") -> str:
    return f"http://{MAIN}/accounts/handoff/?next={quote(next_url, safe='')}" + (f"&state={state}" if state else "")


def token_redirect(browser: Browser, next_url: str) -> str:
    """The main domain's redirect to the location's host, with the token in it: the browser goes to the
    location's login page (which gives it its handoff secret), then to the main domain's handoff."""
    parts = urlsplit(next_url)
    entrance = browser.get(f"http://{parts.hostname}/accounts/login/?next={quote(parts.path, safe='')}",
                           follow=False)
    assert entrance.status_code == 302 and urlsplit(entrance["Location"]).path == "/accounts/handoff/"
    response = browser.get(entrance["Location"], follow=False)
    assert response.status_code == 302
    return response["Location"]


def test_parent_logs_in_once_and_opens_both_locations(world):
    browser = Browser()
    parent = world.two_location_parent
    assert browser.log_in(parent.email).status_code == 200
    for site in (world.a, world.b):
        page = browser.get(f"http://{site.host}/")
        assert page.status_code == 200, page.hops
        assert urlsplit(page.final_url).hostname == site.host
        assert browser.user_id(site.host) == str(parent.pk)
        assert len(page.hops) == 4  # the page, the main domain's handoff, the token, the page again


def test_login_page_of_a_location_sends_to_the_main_domain_and_back(world):
    browser = Browser()
    entrance = browser.get(f"http://{world.a.host}/accounts/login/?next=/children/")
    assert urlsplit(entrance.final_url).hostname == MAIN
    assert urlsplit(entrance.final_url).path == "/accounts/login/"
    arrived = browser.post(entrance.final_url, {"login": world.a.entrepreneur.email, "password": "test-password-123"})
    assert arrived.status_code == 200, arrived.hops
    assert arrived.final_url == f"http://{world.a.host}/children/"
    assert "Saartje" in text(arrived)


def test_a_token_works_once(world):
    browser = Browser()
    browser.log_in(world.a.parent.email)
    link = token_redirect(browser, f"http://{world.a.host}/")
    assert browser.get(link).status_code == 200
    thief = Browser()
    refused = thief.get(link)
    assert refused.status_code == 400
    assert thief.user_id(world.a.host) is None


def test_an_expired_token_is_refused(world):
    browser = Browser()
    browser.log_in(world.a.parent.email)
    link = token_redirect(browser, f"http://{world.a.host}/")
    HandoffToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert browser.get(link).status_code == 400
    assert browser.user_id(world.a.host) is None


def test_a_token_only_works_in_the_browser_that_asked_for_it(world):
    """A member makes a token for her own account and has someone else open it: refused, nobody logged in
    (otherwise the other person would be working in the member's account without knowing it)."""
    attacker = Browser()
    attacker.log_in(world.a.staff.email)
    link = token_redirect(attacker, f"http://{world.a.host}/")
    victim = Browser()
    victim.get(f"http://{world.a.host}/accounts/login/", follow=False)  # the victim's browser has a secret too
    refused = victim.get(link)
    assert refused.status_code == 400
    assert victim.user_id(world.a.host) is None
    assert attacker.get(link).status_code == 400  # spent: a refused token is used up all the same


def test_a_copied_handoff_link_goes_by_the_locations_login_first(world):
    """The main domain's handoff without the browser's secret (a copied or old link) sends the browser to the
    location's login page, which gives it one, and then on: the person still arrives, nothing is skipped."""
    browser = Browser()
    browser.log_in(world.a.parent.email)
    first = browser.get(handoff_url(f"http://{world.a.host}/children/"), follow=False)
    assert first["Location"] == f"http://{world.a.host}/accounts/login/?next=/children/"
    assert not HandoffToken.objects.exists()
    page = browser.get(handoff_url(f"http://{world.a.host}/"))
    assert page.status_code == 200 and browser.user_id(world.a.host) == str(world.a.parent.pk)


def test_the_secret_cookie_is_only_sent_to_the_handoff_and_gone_after_arriving(world):
    browser = Browser()
    browser.log_in(world.a.parent.email)
    entrance = browser.get(f"http://{world.a.host}/accounts/login/?next=/", follow=False)
    cookie = entrance.cookies["handoff_state"]
    assert cookie["path"] == "/accounts/handoff/" and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert f"state={cookie.value}" in entrance["Location"]
    arrived = browser.get(browser.get(entrance["Location"], follow=False)["Location"], follow=False)
    assert arrived.status_code == 302 and arrived.cookies["handoff_state"].value == ""
    assert HandoffToken.objects.get().state_hash not in (cookie.value, "")


def test_a_token_for_one_host_is_refused_on_another(world):
    browser = Browser()
    browser.log_in(world.two_location_parent.email)
    link = token_redirect(browser, f"http://{world.a.host}/")
    moved = urlsplit(link)._replace(netloc=world.b.host).geturl()
    assert browser.get(moved).status_code == 400
    assert browser.user_id(world.b.host) is None


def test_no_token_for_an_inactive_person(world):
    browser = Browser()
    browser.log_in(world.a.parent.email)
    link = token_redirect(browser, f"http://{world.a.host}/")
    User.objects.filter(pk=world.a.parent.pk).update(is_active=False)  # not on `world`'s shared object
    assert browser.get(link).status_code == 400
    assert browser.user_id(world.a.host) is None


def test_only_the_hash_of_a_token_is_stored(world):
    browser = Browser()
    browser.log_in(world.a.parent.email)
    token = urlsplit(token_redirect(browser, f"http://{world.a.host}/")).path.split("/")[3]
    stored = HandoffToken.objects.get()
    assert token not in stored.token_hash and len(stored.token_hash) == 64
    assert stored.host == world.a.host
    assert (stored.expires_at - stored.created_at) <= timedelta(seconds=61)


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example", "http://evil.example/",
                                      "http://localhost.evil.example/", "http://user@evil.example/",
                                      "javascript:alert(1)", "http://nowhere.localhost/"])
def test_no_open_redirect_from_the_handoff(world, next_url):
    browser = Browser()
    browser.log_in(world.a.parent.email)
    response = browser.get(handoff_url(next_url), follow=False)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not HandoffToken.objects.exists()


@pytest.mark.parametrize("next_path", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
def test_no_open_redirect_after_arriving(world, next_path):
    browser = Browser()
    browser.log_in(world.a.parent.email)
    link = token_redirect(browser, f"http://{world.a.host}/")
    link = link.split("?")[0] + "?next=" + quote(next_path, safe="")
    response = browser.get(link, follow=False)
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize("status", ["suspended", "offboarded"])
def test_no_token_for_a_suspended_or_offboarded_location(world, status):
    Location.objects.filter(pk=world.b.location.pk).update(status=status)
    browser = Browser()
    browser.log_in(world.b.parent.email)
    response = browser.get(handoff_url(f"http://{world.b.host}/", state="s" * 43), follow=False)
    assert response["Location"] == "/"
    assert not HandoffToken.objects.exists()


def test_login_next_is_checked_too(world):
    browser = Browser()
    page = browser.get(f"http://{MAIN}/accounts/login/?next=https://evil.example/")
    response = browser.post(page.final_url, {"login": world.a.parent.email, "password": "test-password-123"},
                            follow=False)
    assert response.status_code == 302
    assert "evil" not in response["Location"]


def test_no_login_loop_for_a_person_without_a_role_at_the_location(world, parent_without_role_at_b):
    browser = Browser()
    browser.log_in(parent_without_role_at_b.email)
    page = browser.get(f"http://{world.b.host}/")
    assert page.status_code == 403
    assert len(page.hops) == 3  # the page, the handoff, the token: then the page that says so
    assert f"http://{MAIN}:8000/" in text(page)
    assert browser.user_id(world.b.host) is None
    assert world.b.child_name.split()[0] not in text(page)


def test_an_anonymous_visitor_of_a_location_goes_to_the_central_login(world):
    response = Client(HTTP_HOST=world.a.host).get("/children/")
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert (target.hostname, target.path) == (MAIN, "/accounts/handoff/")
    assert quote(f"http://{world.a.host}/children/", safe="") in target.query
    assert f"state={response.cookies['handoff_state'].value}" in target.query
