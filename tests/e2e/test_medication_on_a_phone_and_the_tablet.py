"""Medication in a real browser (seed 003 §4.6.4): a parent asks for a medicine and signs the form on her phone
(375 px); a staff member sees the dose due on the attendance tablet and records it; the parent sees it given the
same day. The due time is the location's current minute, so the test holds at any hour."""
from datetime import datetime
from zoneinfo import ZoneInfo

from frontend.browser import axe_violations, horizontal_overflow, login

DEMO = "@demo.opvangkring.nl"


def test_a_parent_asks_staff_give_and_the_parent_sees_it(new_page, server):
    now = datetime.now(ZoneInfo("Europe/Amsterdam"))  # KDV Kikker is a Dutch location
    base = server.url("kikker")

    phone = new_page(width=375, height=812)
    login(phone, base, "ouder.jansen" + DEMO)
    phone.goto(base + "medication/")
    phone.get_by_role("link", name="Medicatie aanvragen voor Mila").click()
    phone.locator("#id_name").fill("Ventolin")
    phone.locator("#id_dose").fill("1 puff")
    phone.locator("#id_times").fill(now.strftime("%H:%M"))
    phone.locator("#id_start_date").fill(now.date().isoformat())
    phone.locator("#id_end_date").fill(now.date().isoformat())
    phone.locator("#id_typed_name").fill("Eva Jansen")
    phone.locator("main form button[type=submit]").click()
    assert phone.locator("#id_confirmed_error").is_visible(), "no signature without the explicit confirmation"
    assert horizontal_overflow(phone) <= 0
    assert axe_violations(phone) == []
    phone.locator("#id_confirmed").check()
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url("**/medication/*/")
    assert "Eva Jansen" in phone.locator("#medication-signed").inner_text()
    assert horizontal_overflow(phone) <= 0

    tablet = new_page(width=768, height=1024)
    login(tablet, base, "medewerker.kikker" + DEMO)
    tablet.goto(base + "attendance/")
    due = tablet.locator(".medication-tablet li", has_text="Ventolin")
    assert due.is_visible() and "Mila Jansen" in due.inner_text()
    assert axe_violations(tablet) == []
    due.get_by_role("link", name="Dosis vastleggen").click()
    tablet.locator("#id_remarks").fill("Rustig ingenomen")
    tablet.locator("main form button[type=submit]").click()
    tablet.wait_for_url(base + "attendance/")
    assert tablet.locator(".medication-tablet li", has_text="Ventolin").count() == 0, "given: no longer to give"

    phone.goto(base + "medication/")
    given = phone.locator("main li", has_text="Ventolin").first
    assert "gegeven om" in given.inner_text() and "Daan Peters" in given.inner_text()
    assert "Rustig ingenomen" in given.inner_text()
    assert horizontal_overflow(phone) <= 0
