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


def login(page, base_url: str, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the form at `base_url` (a host root, ending in /) and wait for the home page."""
    page.goto(f"{base_url}accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base_url}")


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
