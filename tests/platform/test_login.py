"""Logging in: everybody on the main domain (the locations' hosts send their visitors there); at a location only
its members get in. The handoff between hosts is tested in tests/accounts/test_log_in_once.py."""
from urllib.parse import urlsplit

from tests.accounts.browser import MAIN, Browser, text


def test_entrepreneur_logs_in_at_own_location(world):
    browser = Browser()
    page = browser.log_in(world.a.entrepreneur.email, start=f"http://{world.a.host}/accounts/login/")
    assert page.status_code == 200
    assert urlsplit(page.final_url).hostname == world.a.host
    assert browser.user_id(world.a.host) == str(world.a.entrepreneur.pk)


def test_member_of_a_cannot_log_in_at_b(world):
    browser = Browser()
    page = browser.log_in(world.a.entrepreneur.email, start=f"http://{world.b.host}/accounts/login/")
    assert page.status_code == 403
    assert "Geen toegang" in text(page) or "No access" in text(page)
    assert browser.user_id(world.b.host) is None


def test_wrong_password_is_refused(world):
    browser = Browser()
    page = browser.log_in(world.coop_admin.email, "wrong-password")
    assert page.status_code == 200
    assert browser.user_id(MAIN) is None


def test_the_login_page_is_in_dutch_with_the_design_system(world):
    page = Browser().get(f"http://{MAIN}/accounts/login/")
    body = text(page)
    assert "Inloggen" in body and "E-mailadres" in body and "Wachtwoord vergeten?" in body
    assert 'class="form"' in body and "site.css" in body
    assert "<script>" not in body and " style=" not in body
