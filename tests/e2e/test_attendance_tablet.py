"""The attendance register in a real browser: staff check a child in and out on the tablet page at 768 px
(the tap swaps the child's card with HTMX, without a reload); a parent reports an absence in the portal."""
from datetime import date, timedelta

from frontend.browser import axe_violations, horizontal_overflow, login

DEMO = "@demo.opvangkring.nl"


def test_staff_check_a_child_in_and_out_on_the_tablet_at_768px(new_page, server):
    page = new_page(width=768, height=1024)
    base = server.url("kikker")
    login(page, base, "medewerker.kikker" + DEMO)
    page.goto(base + "attendance/")
    card = page.locator("li.att-card", has_text="Mila Jansen")
    check_in = card.locator("button.att-in")
    assert check_in.is_visible()
    box = check_in.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 200, "a large touch target"
    assert horizontal_overflow(page) <= 0

    page.evaluate("window.__sameDocument = true")
    check_in.click()
    check_out = page.locator("li.att-card", has_text="Mila Jansen").locator("button.att-out")
    check_out.wait_for()
    assert page.evaluate("window.__sameDocument === true"), "the card was swapped without a reload"
    # htmx keeps the old card's classes for its settle delay after the swap; wait for the new ones.
    page.locator("li.att-card.att-present", has_text="Mila Jansen").wait_for()
    assert page.locator("li.att-card.att-present", has_text="Mila Jansen").count() == 1
    assert page.locator("#att-present-count").inner_text().startswith("1 "), "the count follows the tap"
    assert axe_violations(page) == []

    check_out.click()
    page.locator("li.att-card", has_text="Mila Jansen").locator("button.att-in").wait_for()
    assert page.evaluate("window.__sameDocument === true")
    page.locator("li.att-card.att-left", has_text="Mila Jansen").wait_for()
    assert page.locator("li.att-card.att-left", has_text="Mila Jansen").count() == 1

    page.goto(base + "attendance/register/")
    row = page.locator("main tr", has_text="Mila Jansen")
    assert row.locator("td").nth(2).inner_text().strip() not in ("", "–"), "actual times are in the register"
    assert horizontal_overflow(page) <= 0


def test_a_parent_reports_an_absence_in_the_portal(new_page, server):
    page = new_page(width=390, height=844)
    base = server.url("kikker")
    login(page, base, "ouder.jansen" + DEMO)
    page.goto(base + "attendance/mine/")
    page.locator("a[href='/attendance/absences/new/']").first.click()
    page.wait_for_url("**/attendance/absences/new/")
    page.locator("input[name=kind][value=sick]").check()
    tomorrow = date.today() + timedelta(days=1)
    page.locator("#id_start_date").fill(tomorrow.isoformat())
    page.locator("#id_reason").fill("Koorts")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/attendance/mine/")
    assert page.get_by_role("status").filter(has_text="Mila Jansen").is_visible()
    assert "Mila Jansen" in page.locator("#absences-heading + ul").inner_text()
    assert horizontal_overflow(page) <= 0
