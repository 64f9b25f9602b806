"""Asking for a contract change in a real browser at 375 px: from her child's page a parent asks for another
wish and sees the request waiting for the location's answer; the form with the care-day grid fits the phone."""
from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.test_parent_portal import DEMO, HEIGHT, WIDTH, arrange

SETUP = """
from django_tenants.utils import schema_context
with schema_context('zonnebloem'):
    from tenants.children.models import Child
    from tenants.contracts.models import ChangeRequest
    saar = Child.objects.get(first_name='Saar')
    ChangeRequest.objects.filter(contract__child=saar, status='open').update(status='cancelled')
    out['child'] = saar.pk
"""


def test_a_parent_asks_for_a_contract_change_on_a_phone(new_page, server):
    data = arrange(SETUP)
    page = new_page(width=WIDTH, height=HEIGHT)
    base = server.url("zonnebloem")
    login(page, base, "ouder.bakker" + DEMO)
    page.goto(f"{base}children/{data['child']}/")
    page.locator(f"a[href='/contracts/change-requests/new/?child={data['child']}']").click()
    page.wait_for_url("**/contracts/change-requests/new/*")
    assert horizontal_overflow(page) <= 0, "the care-day grid scrolls inside itself"
    page.locator("input[name=kind][value=other]").check()
    page.locator("#id_message").fill("Kan Saar op woensdag in plaats van donderdag komen?")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/contracts/change-requests/*/")
    assert page.locator("#change-status").inner_text().strip() == "wacht op antwoord"
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
