"""Issue 3's acceptance in a real browser: every demo role at its own host, forms, languages, a11y, phones."""
import os
import re
import secrets
from pathlib import Path

import pytest

from frontend.browser import axe_violations, horizontal_overflow, login, logout

DEMO = "@demo.opvangkring.nl"

# role: (e-mail, host slug or None for the main domain, the heading only that role's home page has)
ROLES = {
    "coop_admin": ("beheer" + DEMO, None, "Locaties van de coöperatie"),
    "adviser": ("adviseur" + DEMO, None, "Mijn locaties"),
    "pedagogue": ("pedagoog" + DEMO, None, "Aandachtsfunctionaris van de coöperatie"),
    "entrepreneur": ("marieke" + DEMO, "kikker", "Vraagt je aandacht"),
    "staff": ("medewerker.kikker" + DEMO, "kikker", "Overdrachten nog te schrijven"),
    "parent": ("ouder.jansen" + DEMO, None, "Je kinderen"),
}
# Texts that belong to one role's page and must never show on another's.
MARKERS = {
    "coop_admin": ["Locaties per soort", "Locatie aanmaken"],
    "adviser": ["Dit zijn de locaties die je adviseert"],
    "pedagogue": ["Aandachtsfunctionaris", "Casussen die op een stap wachten"],
    "entrepreneur": ["Vraagt je aandacht"],
    "staff": [],  # the staff's day is the entrepreneur's too, without what needs her attention
    "parent": ["Je kinderen"],
}
CHILDREN = ["Mila Jansen", "Finn Jansen", "Saar Bakker", "Deniz Yilmaz", "Lotte de Vries"]


def open_home(new_page, server, role, **size):
    email, slug, _heading = ROLES[role]
    page = new_page(**size)
    login(page, server.url(slug), email)
    return page


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_sees_its_own_home_and_nothing_of_another(new_page, server, role):
    page = open_home(new_page, server, role)
    text = page.locator("main").inner_text()
    assert ROLES[role][2] in text
    for other, markers in MARKERS.items():
        if other != role:
            for marker in markers:
                assert marker not in text, f"{role} sees {other}'s '{marker}'"
    nav = page.locator("header nav").inner_text()
    assert ("Locaties" in nav) == (role in ("coop_admin", "adviser"))
    assert ("Kinderen" in nav) == (role in ("entrepreneur", "staff"))
    if role in ("coop_admin", "adviser", "pedagogue"):
        assert not any(child in text for child in CHILDREN), "cooperative roles never see children"


def test_location_member_cannot_log_in_at_another_location(page, server):
    page.goto(server.url("boomhut") + "accounts/login/")
    page.locator("#id_login").fill("marieke" + DEMO)
    page.locator("#id_password").fill("kinderopvang-demo")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(rf"^{re.escape(server.url('boomhut'))}accounts/handoff/"))
    assert page.get_by_role("heading", name="Geen toegang tot deze locatie").is_visible()
    assert page.locator("header form[action$='/accounts/logout/']").count() == 0  # not logged in there


def test_adviser_sees_only_assigned_locations(new_page, server):
    text = open_home(new_page, server, "adviser").locator("main").inner_text()
    for name in ("Gastouder De Zonnebloem", "Kinderdagverblijf Kikker", "Kindercentrum De Regenboog"):
        assert name in text
    for name in ("Gastouder De Boomhut", "BSO Speelwerk"):
        assert name not in text


def test_parent_with_children_at_two_locations_sees_both_on_the_main_domain(new_page, server):
    page = open_home(new_page, server, "parent")
    assert page.url == server.url()
    cards = page.locator("main article.card")
    assert cards.count() == 2
    kikker = cards.filter(has_text="Kinderdagverblijf Kikker")
    speelwerk = cards.filter(has_text="BSO Speelwerk")
    assert "Mila Jansen" in kikker.inner_text() and "Finn Jansen" not in kikker.inner_text()
    assert "Finn Jansen" in speelwerk.inner_text()
    text = page.locator("main").inner_text()
    assert not any(child in text for child in ("Saar Bakker", "Deniz Yilmaz", "Lotte de Vries"))


def test_coop_admin_creates_a_location_and_opens_its_site(new_page, server):
    page = open_home(new_page, server, "coop_admin")
    slug = "e2e-" + secrets.token_hex(3)
    form = page.locator("#new-location form")
    form.locator("#id_name").fill("Gastouder Het Vogelnest")
    form.get_by_label("Webadres (slug)").fill(slug)
    form.get_by_label("Soort").select_option("gastouder")
    form.get_by_label("Rechtsgebied").select_option("NL")
    form.get_by_label("LRK-nummer").fill("723456787")
    form.get_by_label("Naam van de ondernemer").fill("Sophie Vogel")
    form.get_by_label("E-mailadres van de ondernemer").fill(f"sophie@{slug}.example")
    form.get_by_role("button", name="Locatie aanmaken").click()
    page.wait_for_url(server.url() + "locations/")
    assert page.get_by_role("status").filter(has_text="Gastouder Het Vogelnest").is_visible()
    row = page.locator("main tr").filter(has_text="Gastouder Het Vogelnest")
    assert "Sophie Vogel" in row.inner_text() and "gastouderopvang" in row.inner_text()
    row.get_by_role("link", name="Gastouder Het Vogelnest").click()
    # The admin's login is handed to the new host, where the admin has no role: no login form, no loop.
    page.wait_for_url(re.compile(rf"^http://{slug}\.localhost:{server.port}/"))
    assert page.locator(".site-name").inner_text() == "Gastouder Het Vogelnest"
    assert page.get_by_role("heading", name="Geen toegang tot deze locatie").is_visible()


def test_bad_input_shows_the_field_error_and_keeps_what_was_typed(new_page, server):
    page = open_home(new_page, server, "coop_admin")
    form = page.locator("#new-location form")
    form.locator("#id_name").fill("Kinderopvang Typfout")
    form.get_by_label("Webadres (slug)").fill("Geen Geldige Slug!")
    form.get_by_label("Naam van de ondernemer").fill("Iemand Anders")
    form.get_by_label("E-mailadres van de ondernemer").fill("iemand@example.org")
    form.get_by_role("button", name="Locatie aanmaken").click()
    page.wait_for_load_state()
    slug = page.locator("#id_slug")
    assert slug.get_attribute("aria-invalid") == "true"
    assert page.locator("#id_slug_error").is_visible()
    assert page.locator("#id_slug_error").inner_text().strip()
    assert slug.input_value() == "Geen Geldige Slug!"
    assert page.locator("#id_name").input_value() == "Kinderopvang Typfout"
    assert page.locator("#id_entrepreneur_email").input_value() == "iemand@example.org"
    assert page.get_by_role("alert").first.is_visible()


def test_login_with_bad_input_shows_the_error_and_keeps_the_address(page, server):
    page.goto(server.url() + "accounts/login/")
    page.locator("#id_login").fill("niet-een-adres")
    page.locator("#id_password").fill("x")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator("#id_login").input_value() == "niet-een-adres"
    assert page.locator("#id_login_error").is_visible()


def test_switching_to_english_changes_the_page_and_survives_a_new_login(new_page, server):
    email = "ouder.bakker" + DEMO
    page = new_page()
    login(page, server.url(), email)
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Your children").is_visible()
    logout(page)
    page.context.close()

    fresh = new_page()  # a new browser: no language cookie, only what is stored on the user
    fresh.goto(server.url() + "accounts/login/")
    assert fresh.locator("html").get_attribute("lang") == "nl"
    login(fresh, server.url(), email)
    assert fresh.locator("html").get_attribute("lang") == "en"
    assert fresh.get_by_role("heading", name="Your children").is_visible()
    assert fresh.get_by_role("button", name="Log out").is_visible()
    fresh.get_by_role("button", name="Nederlands", exact=True).click()
    fresh.wait_for_load_state()
    assert fresh.get_by_role("heading", name="Je kinderen").is_visible()


@pytest.mark.parametrize("role", [None, *ROLES])
def test_no_serious_or_critical_accessibility_violation(new_page, server, role):
    if role is None:
        page = new_page()
        page.goto(server.url() + "accounts/login/")
    else:
        page = open_home(new_page, server, role)
    assert axe_violations(page) == []


@pytest.mark.parametrize("role", list(ROLES))
def test_pages_fit_a_375px_phone_without_horizontal_scrolling(new_page, server, role):
    page = open_home(new_page, server, role, width=375, height=740)
    pages = [page.url]
    for link in page.locator("header nav a").all():
        pages.append(link.get_attribute("href"))
    for url in dict.fromkeys(pages):
        page.goto(url if url.startswith("http") else page.url.split("/", 3)[0] + "//" + page.url.split("/")[2] + url)
        assert horizontal_overflow(page) <= 0, f"{url} scrolls sideways at 375 px"
    if role == "coop_admin":
        page.goto(server.url() + "locations/new/")
        assert horizontal_overflow(page) <= 0


def test_login_page_fits_375px(new_page, server):
    page = new_page(width=375, height=740)
    page.goto(server.url("kikker") + "accounts/login/")
    assert horizontal_overflow(page) <= 0


def test_keyboard_reaches_the_skip_link_first_with_visible_focus(new_page, server):
    page = open_home(new_page, server, "pedagogue")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_parent_portal_is_installable_and_works_offline(new_page, server):
    page = open_home(new_page, server, "parent")
    manifest = page.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    page.wait_for_function("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)
    page.goto(server.url())
    assert page.get_by_role("heading", name="Je bent offline").is_visible()
    page.context.set_offline(False)


SCREENSHOT_DIR = os.environ.get("SCREENSHOT_DIR")


@pytest.mark.parametrize("role", list(ROLES))
def test_home_page_screenshots_in_dutch(new_page, server, role, tmp_path):
    """`make screenshots` sets SCREENSHOT_DIR=docs/screenshots; otherwise they go to a temporary folder."""
    phone = role in ("parent", "staff")
    page = open_home(new_page, server, role, **({"width": 390, "height": 844} if phone else {}))
    assert page.locator("html").get_attribute("lang") == "nl"
    target = Path(SCREENSHOT_DIR) if SCREENSHOT_DIR else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{role}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
