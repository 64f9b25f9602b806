"""Sickness and a contagious disease in a real browser at 375 px: a staff member at Kikker records Mila's
temperature on her phone (the Dutch health policy: admitted with conditions, the parents get a message), then
records chickenpox in Mila's group; Mila's mother reads the message and the anonymous notice on her phone."""
import re

from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.test_parent_portal import DEMO, HEIGHT, WIDTH, arrange

SETUP = """
from tenants.children.models import Child
mila = Child.objects.get(first_name='Mila')
out['mila'] = mila.pk
out['group'] = mila.group_id
"""


def test_staff_record_sickness_and_a_contagious_disease_and_the_parent_reads_both(new_page, server):
    data = arrange(SETUP)
    base = server.url("kikker")
    staff = new_page(width=WIDTH, height=HEIGHT)
    login(staff, base, "medewerker.kikker" + DEMO)
    staff.goto(f"{base}sickness/new/?child={data['mila']}")
    assert horizontal_overflow(staff) <= 0
    assert axe_violations(staff) == []
    staff.locator("#id_temperature").fill("38,7")
    staff.locator("input[name=symptoms][value=runny_nose]").check()
    staff.locator("#id_time").fill("00:00")  # always in the past on the location's day
    staff.locator("main form button[type=submit]").click()
    staff.wait_for_url(re.compile(r".*/sickness/\d+/$"))
    assert "toegelaten onder voorwaarden" in staff.locator("#sickness-decision").inner_text()
    assert horizontal_overflow(staff) <= 0
    assert axe_violations(staff) == []

    staff.goto(f"{base}outbreaks/new/")
    staff.locator("#id_group").select_option(str(data["group"]))
    staff.locator("#id_disease").select_option("chickenpox")
    staff.locator("main form button[type=submit]").first.click()
    staff.wait_for_url(re.compile(r".*/outbreaks/\d+/$"))
    assert "Melden is niet nodig." in staff.locator("#agency-verdict").inner_text()
    assert horizontal_overflow(staff) <= 0
    assert axe_violations(staff) == []

    parent = new_page(width=WIDTH, height=HEIGHT)
    login(parent, base, "ouder.jansen" + DEMO)
    parent.goto(f"{base}outbreaks/notices/")
    parent.locator("main a", has_text="Waterpokken").first.click()
    advice = parent.locator("#notice-advice").inner_text()
    assert "Zwangere vrouwen" in advice and "Mila" not in parent.locator("main").inner_text()
    assert horizontal_overflow(parent) <= 0
    assert axe_violations(parent) == []
    parent.goto(f"{base}sickness/mine/")
    assert "38.7" in parent.locator("main").inner_text() or "38,7" in parent.locator("main").inner_text()
    assert horizontal_overflow(parent) <= 0
    assert axe_violations(parent) == []
