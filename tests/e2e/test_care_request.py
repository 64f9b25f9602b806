"""Issue 17 in a real browser at 375 px: a parent without an account asks three locations for care at once on
the main domain, confirms her e-mail address (making her account) and sees her place on the three lists; Kikker's
entrepreneur offers a place, the parent accepts, the other two locations see the request placed elsewhere; the
draft contract carries the requested days and start date and the parent signs it. Screenshots of each step go
to var/screenshots/ (or SCREENSHOT_DIR)."""
import os
import re
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta
from email import message_from_bytes
from pathlib import Path

from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.conftest import ROOT, _database
from tests.e2e.test_parent_portal import DEMO, HEIGHT, WIDTH

LOCATIONS = ("Kinderdagverblijf Kikker", "Kindercentrum De Regenboog", "Gastouder De Zonnebloem")
SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "var" / "screenshots")


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"care-request-{name}-375.png"), full_page=True)


DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december")


def deliver(server) -> None:
    """Deliver the server's outgoing messages as the outbox's sweep does (the test server runs no worker), with
    the server's mail settings: the e-mails land in its mail folder."""
    _admin, url, extra = _database()
    env = {**os.environ, **extra, "DJANGO_ENV": "test", "DATABASE_URL": url, "SITE_PORT": str(server.port),
           "SITE_SCHEME": "http", "EMAIL_URL": f"filemail:///{server.mail_dir}"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    done = subprocess.run([sys.executable, str(ROOT / "platform" / "manage.py"), "shell", "-c",
                           "from outbox.services import sweep\nsweep()"], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]


def confirmation_path(server, email: str) -> str:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        deliver(server)
        for path in sorted(server.mail_dir.glob("*.log")):
            for chunk in path.read_bytes().split(b"-" * 79):
                message = message_from_bytes(chunk.strip()) if chunk.strip() else None
                if message is None or email not in (message["To"] or ""):
                    continue
                body = (message.get_payload(decode=True) or b"").decode()
                found = re.search(r"https?://[^/\s]+(/care-request/confirm/\S+/)", body)
                if found:
                    return found.group(1)
        time.sleep(0.5)
    raise AssertionError(f"no confirmation e-mail for {email}")


def places(page) -> dict[str, str]:
    return {item.get_attribute("data-location"): item.inner_text() for item in page.locator("li.entry").all()}


def test_one_request_three_locations_a_place_and_a_signed_contract(new_page, server):
    email = f"e2e.{uuid.uuid4().hex[:8]}@example.test"
    start = date.today() + timedelta(days=100)
    while start.weekday() != 0:
        start += timedelta(days=1)
    main = server.url()

    parent = new_page(width=WIDTH, height=HEIGHT)
    parent.goto(f"{main}care-request/?postal_code=3311+AA&care_kind=kdv")
    for name in LOCATIONS:
        box = parent.locator("#id_locations label", has_text=name).locator("input")
        if not box.is_checked():
            box.check()
    for day in ("0", "1", "3"):
        parent.locator(f"#id_days input[value='{day}']").check()
    parent.locator("#id_start_date").fill(start.isoformat())
    parent.locator("#id_child_first_name").fill("Roosmarijn")
    parent.locator("#id_birth_date").fill((date.today() - timedelta(days=200)).isoformat())
    parent.locator("#id_parent_name").fill("Hanna Brouwer")
    parent.locator("#id_email").fill(email)
    parent.locator("#id_city").fill("Dordrecht")
    assert horizontal_overflow(parent) <= 0
    assert axe_violations(parent) == []
    shot(parent, "1-form")
    parent.get_by_role("button", name="Verstuur mijn aanvraag").click()
    assert email in parent.locator("main").inner_text()

    parent.goto(main.rstrip("/") + confirmation_path(server, email))
    parent.locator("#id_password").fill("een-lang-wachtwoord-2026")
    parent.get_by_role("button", name="Bevestigen").click()
    parent.wait_for_url("**/care-requests/")
    seen = places(parent)
    assert set(seen) == {"kikker", "regenboog", "zonnebloem"}
    assert all("op de wachtlijst" in text for text in seen.values()), seen
    assert horizontal_overflow(parent) <= 0
    assert axe_violations(parent) == []
    shot(parent, "2-positions")

    marieke = new_page(width=WIDTH, height=HEIGHT)
    kikker = server.url("kikker")
    login(marieke, kikker, "marieke" + DEMO)
    marieke.goto(kikker + "waiting-list/")
    assert horizontal_overflow(marieke) <= 0
    shot(marieke, "3-waiting-list")
    marieke.get_by_role("link", name="Roosmarijn").click()
    assert marieke.locator("#id_start_date").input_value() == start.isoformat()
    shot(marieke, "4-offer")
    marieke.get_by_role("button", name="Bied de plaats aan").click()
    assert "Plaats aangeboden" in marieke.locator("main").inner_text() or \
        "plaats aangeboden" in marieke.locator("main").inner_text()

    parent.reload()
    parent.get_by_role("button", name="Plaats aannemen").click()
    parent.wait_for_url("**/care-requests/")
    assert "Plaatsingsgesprek op" in parent.locator("li.entry[data-location=kikker]").inner_text()
    shot(parent, "5-accepted")
    for slug in ("regenboog", "zonnebloem"):
        assert "Je kind heeft elders een plaats" in parent.locator(f"li.entry[data-location={slug}]").inner_text()

    for slug, owner in (("regenboog", "sanne"), ("zonnebloem", "ilse")):
        other = new_page(width=WIDTH, height=HEIGHT)
        base = server.url(slug)
        login(other, base, owner + DEMO)
        other.goto(base + "waiting-list/")
        left = other.locator("li.left-list", has_text="Roosmarijn")
        assert "elders geplaatst" in left.inner_text()

    parent.get_by_role("link", name="De plaatsingsovereenkomst ondertekenen").click()
    parent.wait_for_url(re.compile(r".*kikker\.localhost.*/contracts/\d+/"))
    period = parent.locator("dl.panel").inner_text()
    assert f"{start.day} {DUTCH_MONTHS[start.month - 1]} {start.year}" in period
    versions = parent.locator("table").inner_text()
    assert all(f"({day})" in versions for day in ("Maandag", "Dinsdag", "Donderdag")), versions
    assert "(Woensdag)" not in versions and "(Vrijdag)" not in versions
    parent.locator("#id_typed_name").fill("Hanna Brouwer")
    parent.get_by_role("button", name="De plaatsingsovereenkomst ondertekenen").click()
    parent.wait_for_url(re.compile(r".*/contracts/\d+/"))
    assert "Hanna Brouwer" in parent.locator("table").inner_text()
    assert horizontal_overflow(parent) <= 0
    shot(parent, "6-signed")
