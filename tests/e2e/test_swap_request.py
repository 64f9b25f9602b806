"""Swapping a contract day in a real browser at 375 px: from her child's page a parent asks to swap a contract
day for a day on which the childminder's group is full and sees why it is refused, then swaps to a day with
room and sees it accepted (the attendance app's pages at the childminder location 'zonnebloem')."""
from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.test_parent_portal import DEMO, HEIGHT, WIDTH, arrange

SETUP = """
from datetime import date, time, timedelta
from django.utils import timezone
from django_tenants.utils import schema_context
with schema_context('zonnebloem'):
    from tenants.attendance import planned
    from tenants.attendance.models import ExtraDayRequest, SwapRequest
    from tenants.calendar import selectors as cal
    from tenants.children.models import Child
    from tenants.children.services import create_child
    saar = Child.objects.get(first_name='Saar')
    SwapRequest.objects.filter(child=saar).delete()
    days = []
    day = date.today() + timedelta(days=1)
    while len(days) < 3 or not any(planned.expected_by_contract(saar.pk, d) for d in days):
        if cal.is_open(day):
            days.append(day)
        day += timedelta(days=1)
    give_up = next(d for d in days if planned.expected_by_contract(saar.pk, d))
    free = [d for d in (day + timedelta(days=i) for i in range(60))
            if cal.is_open(d) and not planned.expected_on(saar.pk, d)][:2]
    full, roomy = free
    for index in range(5):
        baby = create_child(first_name=f'Vol{index}', last_name='Test', birth_date=date(2025, 1, 1))
        baby.group = saar.group
        baby.save(update_fields=['group'])
        ExtraDayRequest.objects.create(child=baby, group=saar.group, date=full, start_time=time(8, 0),
                                       end_time=time(17, 0), requested_at=timezone.now(), status='accepted')
    out.update(child=saar.pk, give_up=give_up.isoformat(), full=full.isoformat(), roomy=roomy.isoformat())
"""


def ask_swap(page, give_up: str, day: str) -> None:
    page.locator("#id_give_up_date").fill(give_up)
    page.locator("#id_date").fill(day)
    page.locator("#id_start_time").fill("08:30")
    page.locator("#id_end_time").fill("16:00")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/attendance/swaps/*/")


def test_a_parent_swaps_a_day_refused_when_full_and_accepted_when_there_is_room(new_page, server):
    data = arrange(SETUP)
    page = new_page(width=WIDTH, height=HEIGHT)
    base = server.url("zonnebloem")
    login(page, base, "ouder.bakker" + DEMO)
    page.goto(f"{base}children/{data['child']}/")
    page.locator(f"a[href='/attendance/swaps/new/?child={data['child']}']").click()
    page.wait_for_url("**/attendance/swaps/new/*")
    assert horizontal_overflow(page) <= 0

    ask_swap(page, data["give_up"], data["full"])
    reasons = page.locator("#refusal-reasons")
    assert reasons.is_visible() and reasons.inner_text().strip(), "the reason is shown"
    assert horizontal_overflow(page) <= 0

    page.goto(base + "attendance/swaps/new/")
    ask_swap(page, data["give_up"], data["roomy"])
    decision = page.locator("#swap-decision")
    assert "message success" in decision.get_attribute("class")
    assert page.get_by_role("button", name="Deze ruil annuleren").is_visible()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
