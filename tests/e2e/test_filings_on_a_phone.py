"""The childminder's filings on her phone (375 px): the calendar of duties lists the demo's year with one month
late; she opens it, checks it and makes it ready, marks it delivered, and the cooperative admin's list shows it
done. Screenshots go to var/screenshots/ (or SCREENSHOT_DIR)."""
import os
from pathlib import Path

from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.conftest import ROOT

DEMO = "@demo.opvangkring.nl"
SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "var" / "screenshots")


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_the_childminder_delivers_a_late_filing_at_375px(new_page, server):
    page = new_page(width=375, height=812)
    base = server.url("zonnebloem")
    login(page, base, "ilse" + DEMO)

    page.goto(base + "filings/")
    main = page.locator("main")
    assert "Aanleveringen en verplichtingen" in main.inner_text()
    late = page.locator("tr", has_text="te laat").filter(has_text="Maandelijkse opvanggegevens")
    assert late.count() == 1
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    _shot(page, "filings-duties-375")

    late.get_by_role("link").first.click()
    page.wait_for_url("**/filings/*/")
    assert "Belastingdienst/Toeslagen" in main.inner_text()
    page.get_by_role("button", name="Controleren en klaarzetten").click()
    page.wait_for_url("**/filings/*/")
    assert "Het bestand staat klaar" in main.inner_text()
    assert page.get_by_role("link", name="Bestand downloaden").is_visible()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    _shot(page, "filings-ready-375")

    page.get_by_role("button", name="Markeren als aangeleverd").click()
    page.wait_for_url("**/filings/*/")
    assert "Gemarkeerd als aangeleverd" in main.inner_text()
    _shot(page, "filings-delivered-375")
