"""The house rules and a child's summary in a real browser at 375 px: a parent at Kikker reads the announced
house rules (a change to the family's disadvantage, with the day until which she may end without notice costs)
and confirms she received them; then she comments on her child's yearly summary and confirms it was discussed."""
from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.test_parent_portal import DEMO, HEIGHT, WIDTH, arrange

SETUP = """
from accounts.models import User
from tenants.child_following.models import ParentResponse, Summary
from tenants.house_rules.models import Acknowledgement, HouseRulesVersion
eva = User.objects.get(email='ouder.jansen@demo.opvangkring.nl')
announced = HouseRulesVersion.objects.get(number=2)
Acknowledgement.objects.filter(version=announced, user=eva).delete()
summary = Summary.objects.get(child__first_name='Mila')
ParentResponse.objects.filter(summary=summary).delete()
out['version'] = announced.number
out['summary'] = summary.pk
"""


def test_a_parent_acknowledges_the_new_house_rules_and_comments_on_a_summary(new_page, server):
    data = arrange(SETUP)
    page = new_page(width=WIDTH, height=HEIGHT)
    base = server.url("kikker")
    login(page, base, "ouder.jansen" + DEMO)
    page.goto(f"{base}house-rules/")
    card = page.locator(f"#version-{data['version']}")
    assert "ten nadele van het gezin" in card.inner_text()
    assert "zonder opzegkosten" in card.inner_text()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    card.locator(f"#acknowledge-{data['version']}").click()
    page.wait_for_url(f"{base}house-rules/")
    assert page.locator(f"#acknowledged-{data['version']}").is_visible()

    page.goto(f"{base}following/summaries/{data['summary']}/")
    assert "Mila is goed gewend" in page.locator("#summary-text").inner_text()
    page.locator("#id_comment").fill("Thuis loopt ze nu ook al een stukje!")
    page.locator("#id_confirmed_discussed").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base}following/summaries/{data['summary']}/")
    answer = page.locator("#responses").inner_text()
    assert "Thuis loopt ze nu ook al een stukje!" in answer and "besproken" in answer
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
