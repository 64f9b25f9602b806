"""The cook's warning in a real browser at 375 px: Deniz (demo, Kindercentrum De Regenboog) has an allergy on his
sheet and comes on Mondays and Thursdays; next week's Thursday warm meal holds his allergen, so the menu warns on that
day, and not on the Tuesday, when he does not come (issue 19 point 7). Next week is computed in the location's zone,
so the test holds at any hour and on any weekday."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from frontend.browser import axe_violations, horizontal_overflow, login

DEMO = "@demo.opvangkring.nl"


def test_a_child_with_an_allergy_on_a_day_whose_menu_holds_it_gives_a_warning(new_page, server):
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    next_monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
    thursday = next_monday + timedelta(days=3)
    page = new_page(width=375, height=812)
    base = server.url("regenboog")
    login(page, base, "sanne" + DEMO)
    page.goto(base + f"meals/?week={next_monday.isoformat()}")
    day = page.locator(f"li.menu-day[data-day='{thursday.isoformat()}']")
    warning = day.locator(".menu-conflict", has_text="Deniz Yilmaz").filter(has_text="Macaroni met kaassaus")
    assert warning.is_visible()
    tuesday = page.locator(f"li.menu-day[data-day='{(next_monday + timedelta(days=1)).isoformat()}']")
    assert tuesday.locator(".menu-conflict").count() == 0, "Deniz does not come on Tuesdays"
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
