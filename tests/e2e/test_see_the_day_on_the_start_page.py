"""Issue 16's acceptance in Chromium: each role's start page on a phone (375 px) and a tablet (1024 px), in Dutch,
Flemish and English, shows that role's day, and the phone's menu has at most five entries. Screenshots of every
start page go to var/screenshots/<role>-<language>-<width>.png."""
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import formats, translation

from frontend.browser import horizontal_overflow, login
from frontend.navigation import PHONE_MAX
from tests.e2e.conftest import ROOT, server_database

DEMO = "@demo.opvangkring.nl"
SCREENSHOTS = ROOT / "var" / "screenshots"
WIDTHS = (375, 1024)
#: Dutch, English and, once its catalogue is there (frontend/locale/nl_BE), Flemish: every language offered.
LANGUAGES = tuple(code for code in ("nl", "nl-be", "en") if code in dict(settings.LANGUAGES))

# role: (login, host for nl and en, host for nl-BE (a Flemish location speaks Flemish), facts on the page)
ROLES = {
    "staff": ("medewerker.kikker", "kikker", "pagadder"),
    "entrepreneur": ("marieke", "kikker", "pagadder"),
    "parent": ("ouder.jansen", None, None),
    "adviser": ("adviseur", None, None),
    "pedagogue": ("pedagoog", None, None),
}
FLEMISH_ENTREPRENEUR = "lieve"


@contextmanager
def speaking(email: str, language: str):
    """The person's stored language for the test (the demo's own afterwards)."""
    with server_database() as db:
        before = db.execute("SELECT language FROM accounts_user WHERE email = %s", [email]).fetchone()[0]
        db.execute("UPDATE accounts_user SET language = %s WHERE email = %s", [language, email])
    try:
        yield
    finally:
        with server_database() as db:
            db.execute("UPDATE accounts_user SET language = %s WHERE email = %s", [before, email])


def staff_at_the_flemish_location(email: str) -> None:
    """The demo's staff member also works at 't Pagadderke, to see a staff start page in Flemish."""
    with server_database() as db:
        db.execute(
            "INSERT INTO accounts_membership (user_id, location_id, role, is_active, created_at) "
            "SELECT u.id, l.id, 'staff', true, now() FROM accounts_user u, cooperative_location l "
            "WHERE u.email = %s AND l.slug = 'pagadder' ON CONFLICT DO NOTHING", [email])


def long_date(day: date, language: str) -> str:
    with translation.override(language):
        return formats.date_format(day, "j F Y")


def phone_menu(page) -> list[str]:
    """The menu entries the screen shows (on a phone the others wait on "More")."""
    return [link.inner_text().strip() for link in page.locator("header nav a").all() if link.is_visible()]


def check_facts(page, role: str, language: str) -> None:
    main = page.locator("main")
    text = main.inner_text()
    if role in ("staff", "entrepreneur"):
        for fact in ("present", "expected", "left", "absent"):
            assert main.locator(f"[data-fact={fact}] .stat-value").inner_text().strip().isdigit(), fact
        assert main.locator("#ratio-heading").is_visible() and main.locator("#handover-heading").is_visible()
        assert main.locator("#today-children-heading").is_visible()
        # today's date as the reader writes it (4 december 2026), then the opening hours or why closed
        assert long_date(datetime.now(ZoneInfo("Europe/Amsterdam")).date(), language) in \
            main.locator(".day-line").inner_text()
    if role == "entrepreneur":
        assert main.locator("#attention-heading").is_visible()
        assert main.locator(".attention li, .attention .empty").count() >= 1
    if role == "staff":
        assert main.locator("#attention-heading").count() == 0
    if role == "parent":
        children = main.locator("li.child")
        assert children.count() == 2, "Mila at Kikker and Finn at Speelwerk"
        for index in range(children.count()):
            assert children.nth(index).locator(".today-plan").inner_text().strip() or \
                children.nth(index).locator(".child-now").inner_text().strip()
        assert main.locator(".closing-days").count() >= 1
    if role == "adviser":
        assert main.locator("#week-heading").is_visible() and main.locator("#actions-heading").is_visible()
    if role == "pedagogue":
        assert main.locator("#waiting-heading").is_visible()
        assert main.locator("li.case-waiting").count() >= 1, "the demo's concern at Kikker waits for its first step"
    assert "Traceback" not in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", list(ROLES))
def test_each_start_page_shows_the_day_on_a_phone_and_a_tablet(new_page, server, role, language):
    name, slug, flemish_slug = ROLES[role]
    if language == "nl-be" and role == "entrepreneur":
        name = FLEMISH_ENTREPRENEUR
    if language == "nl-be" and role == "staff":
        staff_at_the_flemish_location(name + DEMO)
    host = flemish_slug if language == "nl-be" and flemish_slug else slug
    email = name + DEMO
    with speaking(email, language):
        page = new_page(width=WIDTHS[0], height=800)
        login(page, server.url(host), email)
        page.goto(server.url(host))
        assert page.locator("html").get_attribute("lang") == language
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.reload()
            check_facts(page, role, language)
            visible = phone_menu(page)
            if width == 375:
                assert 1 <= len(visible) <= PHONE_MAX, visible
                assert horizontal_overflow(page) <= 0
            path = SCREENSHOTS / f"{role}-{language}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000


def test_the_more_page_holds_the_rest_of_the_phone_menu(new_page, server):
    page = new_page(width=375, height=800)
    login(page, server.url("kikker"), "marieke" + DEMO)
    shown = [link.get_attribute("href") for link in page.locator("header nav a").all() if link.is_visible()]
    assert "/menu/" in shown
    hidden = [link.get_attribute("href") for link in page.locator("header nav a").all() if not link.is_visible()]
    page.locator("header nav").get_by_role("link", name="Meer").click()
    page.wait_for_url(server.url("kikker") + "menu/")
    listed = [link.get_attribute("href") for link in page.locator("main a").all()]
    assert set(hidden) <= set(listed)


PARKED = date(1900, 1, 1)


@contextmanager
def checked_in_this_morning(slug: str, first_name: str):
    """The demo child checked in today at 8:12 (the location's time), or a few minutes ago when the test runs
    before 8:17, as the only record of her day, with no handover yet (what other tests registered or wrote today
    is put back afterwards; a handover is parked on a day long ago so its photos and replies stay attached).
    Yields the time as the pages write it ("8:12")."""
    zone = ZoneInfo("Europe/Amsterdam")
    with server_database() as db:
        schema = db.execute("SELECT schema_name FROM cooperative_location WHERE slug = %s", [slug]).fetchone()[0]
        db.execute(f'SET search_path TO "{schema}", public')
        child_id, group_id = db.execute("SELECT id, group_id FROM children_child WHERE first_name = %s",
                                        [first_name]).fetchone()
        now = datetime.now(zone).replace(second=0, microsecond=0)
        arrived = min(datetime.combine(now.date(), time(8, 12), tzinfo=zone),
                      max(now - timedelta(minutes=5), datetime.combine(now.date(), time(0, 0), tzinfo=zone)))
        earlier = db.execute("DELETE FROM attendance_attendancerecord WHERE child_id = %s AND date = %s "
                             "RETURNING *", [child_id, now.date()])
        columns = [c.name for c in earlier.description]
        earlier = earlier.fetchall()
        record_id = db.execute(
            "INSERT INTO attendance_attendancerecord (child_id, group_id, date, check_in, late_pickup_announced, "
            "registered_at, created_at) VALUES (%s, %s, %s, %s, false, now(), now()) RETURNING id",
            [child_id, group_id, now.date(), arrived]).fetchone()[0]
        parked = db.execute("UPDATE handover_handover SET date = %s WHERE child_id = %s AND date = %s RETURNING id",
                            [PARKED, child_id, now.date()]).fetchone()
    try:
        yield f"{arrived.hour}:{arrived.minute:02d}"
    finally:
        with server_database() as db:
            db.execute(f'DELETE FROM "{schema}".attendance_attendancerecord WHERE id = %s', [record_id])
            if parked:
                db.execute(f'UPDATE "{schema}".handover_handover SET date = %s WHERE id = %s', [now.date(), parked[0]])
            for row in earlier:
                db.execute(f'INSERT INTO "{schema}".attendance_attendancerecord ({", ".join(columns)}) '
                           f'VALUES ({", ".join(["%s"] * len(columns))})', list(row))


def test_a_child_checked_in_shows_on_the_staff_and_the_parent_start_page(new_page, server):
    with checked_in_this_morning("kikker", "Mila") as arrived:
        staff = new_page(width=375, height=800)
        login(staff, server.url("kikker"), "medewerker.kikker" + DEMO)
        main = staff.locator("main")
        assert main.locator("[data-fact=present] .stat-value").inner_text().strip() == "1"
        assert f"Mila Jansen binnen sinds {arrived}" in " ".join(main.locator(".today-present").inner_text().split())
        assert "Mila Jansen" in main.locator(".day-handovers").inner_text(), "her handover is still to write"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        staff.screenshot(path=str(SCREENSHOTS / "staff-nl-375-checked-in.png"), full_page=True)

        parent = new_page(width=375, height=800)
        login(parent, server.url(), "ouder.jansen" + DEMO)
        mila = parent.locator("main li.child").filter(has_text="Mila Jansen")
        assert f"ingecheckt om {arrived}" in mila.inner_text()
        parent.screenshot(path=str(SCREENSHOTS / "parent-nl-375-checked-in.png"), full_page=True)


def test_the_oversight_chart_leaves_its_table_alone_at_1280px(new_page, server):
    page = new_page(width=1280, height=900)
    login(page, server.url(), "beheer" + DEMO)
    page.goto(server.url() + "advisory/")
    table = page.locator(".dashboard-table table").bounding_box()
    chart = page.locator(".dashboard-chart svg").bounding_box()
    assert table and chart
    overlap_x = min(table["x"] + table["width"], chart["x"] + chart["width"]) - max(table["x"], chart["x"])
    overlap_y = min(table["y"] + table["height"], chart["y"] + chart["height"]) - max(table["y"], chart["y"])
    assert overlap_x <= 0 or overlap_y <= 0, (table, chart)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "oversight-nl-1280.png"), full_page=True)
