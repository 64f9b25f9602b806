"""Page helpers for the browser tests (tests/e2e): Debian's Chromium, logging in, axe-core, layout checks.

Kept free of pytest so `make screenshots` and the tests share them.
"""
from pathlib import Path

FRONTEND = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
AXE_JS = FRONTEND / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSWORD = "kinderopvang-demo"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    # Every location answers on <slug>.localhost: send them all to the test server on the loopback.
    "--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


#: Authenticator-app keys set up by `login` for people who must use a second factor (e-mail -> key).
TOTP_SECRETS: dict[str, str] = {}


def totp_code(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows for `secret` now (or at `at`), computed by allauth's own TOTP."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int((at if at is not None else time.time()) // 30)))


def login(page, base_url: str, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in from `base_url`'s login page (a host root, ending in /) and wait for its home page.

    Every host sends its visitors to the main domain's login, which hands the login back (at once when the page
    is already logged in there). People who must
    use a second factor get one set up the first time (its key kept in TOTP_SECRETS) and enter its code."""
    page.goto(f"{base_url}accounts/login/")
    if "/accounts/login/" not in page.url:  # already logged in on the main domain: handed over at once
        page.wait_for_url(f"{base_url}")
        return
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    if "/accounts/2fa/authenticate/" in page.url:
        enter_totp_code(page, TOTP_SECRETS[email])
    elif page.url.endswith("/accounts/2fa/"):
        TOTP_SECRETS[email] = set_up_totp(page, password)
        page.goto(base_url)
    page.wait_for_url(f"{base_url}")


#: Per authenticator key, the last 30-second step whose code was entered (each code is accepted once).
_LAST_STEP: dict[str, int] = {}


def unused_totp_code(secret: str) -> str:
    """A code the server has not seen yet, from the steps it accepts (one either side of now:
    MFA_TOTP_TOLERANCE), oldest first; the step before only early in the current one, so that it is still
    accepted when the form arrives. Saves waiting up to 30 s whenever a test logs the same person in again."""
    import time

    while True:
        clock = time.time()
        now = int(clock // 30)
        steps = ((now - 1,) if clock % 30 < 20 else ()) + (now, now + 1)
        step = next((s for s in steps if s > _LAST_STEP.get(secret, -1)), None)
        if step is not None:
            _LAST_STEP[secret] = step
            return totp_code(secret, at=step * 30)
        time.sleep(30 - clock % 30 + 0.5)


def enter_totp_code(page, secret: str) -> None:
    """The login's second step, with a code not used before."""
    page.locator("#id_code").fill(unused_totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    if "/accounts/2fa/authenticate/" in page.url:
        raise AssertionError("the authenticator code was refused")


def confirm_password_if_asked(page, password: str, then_url: str) -> None:
    """allauth asks for the password again before a second factor is added: give it, and wait for `then_url`."""
    page.wait_for_load_state()
    if "/accounts/reauthenticate/" in page.url:
        page.locator("#id_password").fill(password)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_url(then_url)


def set_up_totp(page, password: str) -> str:
    """From the security page: set up an authenticator app (confirming the password first); returns its key."""
    page.get_by_role("link", name="Authenticator-app instellen").click()
    confirm_password_if_asked(page, password, "**/accounts/2fa/totp/activate/")
    secret = page.locator("#authenticator_secret").inner_text().strip()
    page.locator("#id_code").fill(unused_totp_code(secret))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/recovery-codes/**")
    return secret


def logout(page) -> None:
    page.locator("header form[action$='/accounts/logout/'] button").click()
    page.wait_for_url("**/accounts/login/**")


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (from the npm registry, injected into the page) for WCAG 2.1 A/AA."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as a <script> tag: the pages' CSP allows no inline script.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [node["target"] for node in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def watch_csp(page) -> list[str]:
    """Collect the browser's reports of content-security-policy violations on `page` (the list fills up)."""
    violations: list[str] = []
    page.on("console", lambda message: violations.append(f"{page.url} ({message.location.get('url')}): {message.text}")
            if "Content Security Policy" in message.text else None)
    return violations
