"""The location's tablet as a kiosk, in Chromium at 1024 px (a tablet): the entrepreneur sets her kiosk PIN and
turns the browser into the kiosk; she unlocks it with her PIN on the keypad, checks in a planned child (silently),
checks in a child who is not planned (the kiosk asks for a reason), and the kiosk locks itself after inactivity
(a short lock time set for the test). The flagged check-in is on her list. Screenshots in var/screenshots/
(or SCREENSHOT_DIR)."""
from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.test_childminder_backup import _in_server, _shot

DEMO = "@demo.opvangkring.nl"

#: At De Regenboog (no other journey uses it): open all day today (also on a weekend, a closing week or a holiday),
#: Sanne on the roster of the Peuters all day, two new toddlers: Noor planned today (an accepted extra day), Sem not.
SETUP = """
from datetime import time
from django.utils import timezone
from django_tenants.utils import schema_context
from cooperative.models import Location
loc = Location.objects.get(slug="regenboog")
with schema_context(loc.schema_name):
    from tenants.attendance.models import ExtraDayRequest
    from tenants.attendance.selectors import local_today
    from tenants.calendar import rules as calendar_rules
    from tenants.calendar.models import ClosingPeriod, Closure, HolidayChoice, OpeningHours
    from tenants.children.services import create_child
    from tenants.groups.models import Group, Shift, StaffProfile
    today = local_today(loc)
    OpeningHours.objects.update_or_create(weekday=today.weekday(), defaults={"opens": time(0, 0),
                                                                            "closes": time(23, 59)})
    ClosingPeriod.objects.filter(start_date__lte=today, end_date__gte=today).delete()
    Closure.objects.filter(start_date__lte=today, end_date__gte=today).delete()
    holiday = calendar_rules.public_holidays(loc.jurisdiction, today.year).get(today)
    if holiday:
        HolidayChoice.objects.update_or_create(name=holiday, defaults={"closed": False})
    group = Group.objects.get(name="Peuters")
    for profile in StaffProfile.objects.all():
        Shift.objects.create(staff=profile, group=group, date=today, start_time=time(0, 0), end_time=time(23, 59))
    for first in ("Noor", "Sem"):
        child = create_child(first_name=first, last_name="Kiosk", birth_date=today.replace(year=today.year - 2,
                             day=1), guardians=[])
        child.group = group
        child.save(update_fields=["group"])
        if first == "Noor":
            ExtraDayRequest.objects.create(child=child, group=group, date=today, start_time=time(0, 0),
                                           end_time=time(23, 59), requested_at=timezone.now(), status="accepted")
"""

SHORT_LOCK = """
from django_tenants.utils import schema_context
from cooperative.models import Location
with schema_context(Location.objects.get(slug="regenboog").schema_name):
    from tenants.kiosk.models import KioskSettings
    settings = KioskSettings.load()
    settings.lock_after_seconds = 4
    settings.save()
"""


def test_the_kiosk_at_1024px(new_page, server):
    _in_server(SETUP)
    base = server.url("regenboog")
    page = new_page(width=1024, height=768)
    login(page, base, "sanne" + DEMO)

    # Her own PIN, then this browser becomes the kiosk.
    page.goto(base + "attendance/kiosk/pin/")
    page.locator("#id_pin").fill("2580")
    page.locator("#id_pin_again").fill("2580")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/attendance/kiosk/pin/")
    assert "Je kioskpincode is opgeslagen." in page.locator("main").inner_text()
    page.goto(base + "attendance/kiosk/")
    page.locator("#id_name").fill("Tablet bij de ingang")
    _shot(page, "kiosk-enrol-1024")
    page.get_by_role("button", name="Maak van deze browser de kiosk").click()
    page.wait_for_url("**/kiosk/")
    assert page.get_by_role("heading", name="Tik op je naam").is_visible()
    assert page.locator("nav").count() == 0, "no menu on the kiosk"
    assert "Noor" not in page.locator("main").inner_text(), "no child on the locked screen"
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    _shot(page, "kiosk-locked-1024")

    # Any other page of the location sends the tablet back to the kiosk.
    page.goto(base + "children/")
    page.wait_for_url("**/kiosk/")

    # Unlock with the PIN on the keypad.
    page.get_by_role("link", name="Sanne Visser").click()
    page.wait_for_url("**/kiosk/pin/**")
    keypad = page.locator(".kiosk-keypad")
    assert keypad.is_visible()
    for digit in "2580":
        keypad.locator(f"[data-key='{digit}']").click()
    assert axe_violations(page) == []
    _shot(page, "kiosk-pin-1024")
    keypad.locator(".kiosk-key-ok").click()
    page.wait_for_url("**/kiosk/")
    assert "Ontgrendeld door Sanne Visser" in page.locator("header").inner_text()
    assert page.locator("#ratio-now").is_visible()

    # A planned child passes silently.
    page.locator("li.att-card", has_text="Noor Kiosk").locator("button.att-in").click()
    page.wait_for_url("**/kiosk/")
    assert "Noor Kiosk is ingecheckt." in page.locator(".messages").inner_text()
    assert page.locator("li.att-card.att-present", has_text="Noor Kiosk").count() == 1

    # A child who is not planned: the kiosk asks for a reason first.
    page.locator("li.att-card", has_text="Sem Kiosk").locator("button.att-in").click()
    card = page.locator("li.att-card", has_text="Sem Kiosk")
    assert "vandaag niet gepland" in card.inner_text() and "Geef een reden" in card.inner_text()
    assert axe_violations(page) == []
    assert horizontal_overflow(page) <= 0
    _shot(page, "kiosk-reason-1024")
    card.locator("textarea[name=reason]").fill("Oma is ziek, moeder moet werken")
    card.get_by_role("button", name="Inchecken met deze reden").click()
    page.wait_for_url("**/kiosk/")
    messages = page.locator(".messages").inner_text()
    assert "Sem Kiosk is ingecheckt." in messages and "De houder ziet deze incheck en je reden." in messages
    assert page.locator("li.att-card.att-present", has_text="Sem Kiosk").count() == 1
    _shot(page, "kiosk-checked-in-1024")

    # Inactivity: with a lock time of 4 seconds the page locks itself, without a tap.
    _in_server(SHORT_LOCK)
    page.reload()
    assert page.locator("body").get_attribute("data-kiosk-lock-seconds") == "4"
    page.get_by_role("heading", name="Tik op je naam").wait_for(timeout=15_000)
    assert "Sem Kiosk" not in page.locator("main").inner_text()
    _shot(page, "kiosk-locked-after-inactivity-1024")

    # The entrepreneur, on her own device, sees the flagged check-in with the reason.
    office = new_page(width=1024, height=768)
    login(office, base, "sanne" + DEMO)
    office.goto(base + "attendance/kiosk/flags/")
    row = office.locator("tr", has_text="Sem Kiosk")
    assert "vandaag niet gepland" in row.inner_text() and "Oma is ziek" in row.inner_text()
    assert "Tablet bij de ingang" in row.inner_text()
    assert office.locator("tr", has_text="Noor Kiosk").count() == 0
    assert axe_violations(office) == []
    _shot(office, "kiosk-flags-1024")
