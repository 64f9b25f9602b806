"""Issue 14's accounts acceptance in Chromium: one login on every host, logging out everywhere, a required second
factor, a forgotten password, and a passkey registered and used (Chromium's virtual authenticator)."""
import re
import time
from email import message_from_bytes
from pathlib import Path

import pytest

from frontend.browser import (
    DEMO_PASSWORD,
    TOTP_SECRETS,
    confirm_password_if_asked,
    horizontal_overflow,
    login,
    unused_totp_code,
)
from tests.e2e.conftest import FAILURES, server_database

DEMO = "@demo.opvangkring.nl"
PARENT = "ouder.jansen" + DEMO  # children at kikker and speelwerk
ADVISER = "adviseur" + DEMO


def e2e_sql(sql: str, *params) -> None:
    """Change the browser tests' server database directly (what the test sets up, not what it checks)."""
    with server_database() as conn:
        conn.execute(sql, params)


def shoot(page, name: str) -> None:
    """A screenshot to look at (tests/e2e/failures/ is not committed); nothing may scroll sideways at 375 px."""
    FAILURES.mkdir(exist_ok=True)
    page.screenshot(path=str(FAILURES / f"accounts-{name}.png"), full_page=True)
    assert horizontal_overflow(page) <= 0, name


def logged_in(page, base_url: str) -> bool:
    page.goto(base_url)
    return page.locator("header form[action$='/accounts/logout/']").count() == 1


def test_parent_logs_in_once_opens_both_locations_and_logs_out_everywhere(page, server):
    login(page, server.url(), PARENT)
    for slug, child in (("kikker", "Mila"), ("speelwerk", "Finn")):
        page.goto(server.url(slug))
        page.wait_for_url(server.url(slug))
        assert "#id_login" not in page.content()
        assert child in page.locator("main").inner_text(), slug
    page.locator("header form[action$='/accounts/logout/'] button").click()
    page.wait_for_url(server.url() + "accounts/login/")
    assert page.locator("#id_login").is_visible()
    for slug in (None, "kikker", "speelwerk"):
        assert not logged_in(page, server.url(slug)), slug
        assert "/accounts/login/" in page.url


def test_adviser_without_a_second_factor_reaches_nothing_until_it_is_set_up(new_page, server):
    e2e_sql("DELETE FROM mfa_authenticator WHERE user_id = (SELECT id FROM accounts_user WHERE email = %s)", ADVISER)
    TOTP_SECRETS.pop(ADVISER, None)
    page = new_page(width=375, height=800)
    page.goto(server.url() + "accounts/login/")
    shoot(page, "login")
    page.locator("#id_login").fill(ADVISER)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(server.url() + "accounts/2fa/")
    assert "Tweestapsverificatie is verplicht" in page.locator("main").inner_text()
    shoot(page, "security-required")
    for path in ("", "locations/", "advisory/", "api/v1/me/"):
        page.goto(server.url() + path)
        assert page.url == server.url() + "accounts/2fa/" or "verplicht" in page.content(), path
    page.goto(server.url("kikker"))
    assert page.url.startswith(server.url() + "accounts/2fa/")

    page.goto(server.url() + "accounts/2fa/")
    page.get_by_role("link", name="Authenticator-app instellen").click()
    page.wait_for_load_state()
    if "/accounts/reauthenticate/" in page.url:
        shoot(page, "confirm-password")
        page.locator("#id_password").fill(DEMO_PASSWORD)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_url("**/accounts/2fa/totp/activate/")
    shoot(page, "totp-set-up")
    secret = page.locator("#authenticator_secret").inner_text().strip()
    page.locator("#id_code").fill(unused_totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/recovery-codes/")
    shoot(page, "recovery-codes")
    TOTP_SECRETS[ADVISER] = secret
    page.goto(server.url())
    assert page.url == server.url()
    assert "Mijn locaties" in page.locator("main").inner_text()


@pytest.fixture
def password_put_back():
    """The demo parent whose password a test changes gets the demo password back afterwards: later tests on the same
    server log her in with it."""
    from django.contrib.auth.hashers import make_password

    email = "ouder.peeters" + DEMO
    yield email
    with server_database() as db:
        db.execute("UPDATE accounts_user SET password = %s WHERE email = %s", [make_password(DEMO_PASSWORD), email])


def test_forgotten_password_email_leads_to_a_new_password(new_page, server, password_put_back):
    email = password_put_back
    page = new_page(width=375, height=800)
    page.goto(server.url("kikker") + "accounts/login/")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    page.wait_for_url(server.url() + "accounts/password/reset/")
    shoot(page, "reset")
    page.locator("#id_email").fill(email)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(server.url() + "accounts/password/reset/done/")
    shoot(page, "reset-sent")
    link = wait_for_reset_link(server.mail_dir, email)
    assert link.startswith(server.url() + "accounts/password/reset/key/")
    page.goto(link)
    page.wait_for_load_state()
    shoot(page, "reset-new-password")
    new = "nieuw-wachtwoord-2026"
    page.locator("#id_password1").fill(new)
    page.locator("#id_password2").fill(new)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(server.url() + "accounts/password/reset/key/done/")
    shoot(page, "reset-done")
    fresh = new_page()
    login(fresh, server.url(), email, new)
    assert "Je kinderen" in fresh.locator("main").inner_text()


def wait_for_reset_link(mail_dir: Path, email: str) -> str:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        for path in sorted(mail_dir.glob("*.log")):
            for chunk in path.read_bytes().split(b"-" * 79):
                if not chunk.strip():
                    continue
                message = message_from_bytes(chunk.strip())
                if email in (message["To"] or ""):
                    body = (message.get_payload(decode=True) or b"").decode()
                    if not body and message.is_multipart():
                        body = message.get_payload(0).get_payload(decode=True).decode()
                    found = re.search(r"(http://\S+/accounts/password/reset/key/\S+/)", body)
                    if found:
                        return found.group(1)
        time.sleep(0.3)
    raise AssertionError(f"no reset e-mail for {email} in {mail_dir}")


@pytest.mark.parametrize("width", [1280])
def test_a_passkey_is_registered_and_used_to_log_in(new_page, server, width):
    email = "ouder.yilmaz" + DEMO
    page = new_page(width=width)
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True,
        "isUserVerified": True, "automaticPresenceSimulation": True}})
    login(page, server.url(), email)
    page.goto(server.url() + "accounts/2fa/")
    page.get_by_role("link", name="Passkey toevoegen").click()
    confirm_password_if_asked(page, DEMO_PASSWORD, "**/accounts/2fa/webauthn/add/")
    page.locator("#id_name").fill("Mijn telefoon")
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url(re.compile(r".*/accounts/2fa/(recovery-codes/|webauthn/|)$"))
    page.goto(server.url() + "accounts/2fa/webauthn/")
    assert "Mijn telefoon" in page.locator("main").inner_text()
    page.locator("header form[action$='/accounts/logout/'] button").click()
    page.wait_for_url(server.url() + "accounts/login/")

    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(server.url() + "accounts/2fa/authenticate/")
    page.locator("#mfa_webauthn_authenticate").click()
    page.wait_for_url(server.url())
    assert "Je kinderen" in page.locator("main").inner_text()
