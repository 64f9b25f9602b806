"""On a phone (375 px) in a real browser: the entrepreneur closes her location from 28 December to 3 January in
one step and sees the 47-open-weeks check while she types (a static script asking the server's rule); a parent
reads on the contract's page what it costs. Screenshots go to var/screenshots/."""
from pathlib import Path

from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.conftest import ROOT
from tests.e2e.test_parent_portal import DEMO, HEIGHT, WIDTH, arrange

SHOTS = Path(ROOT) / "var" / "screenshots"


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_the_entrepreneur_closes_a_range_across_the_new_year_on_a_phone(new_page, server):
    arrange("from tenants.calendar.models import ClosingPeriod\n"
            "ClosingPeriod.objects.filter(start_date__gte='2026-12-28').delete()")
    page = new_page(width=WIDTH, height=HEIGHT)
    base = server.url("kikker")
    login(page, base, "marieke" + DEMO)
    page.goto(f"{base}calendar/manage/?year=2026")
    form = page.locator("form[data-closing-check]")
    form.locator("input[name=start_date]").fill("2026-12-28")
    form.locator("input[name=end_date]").fill("2027-01-03")
    check = form.locator("[data-closing-check-result]")
    check.locator("p").first.wait_for()
    assert "2026: open 48 van 53 weken" in check.inner_text(), check.inner_text()
    form.locator("input[name=note]").fill("Kerst en oud en nieuw")
    assert horizontal_overflow(page) <= 0
    shoot(page, "closing_period_form_375")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/calendar/manage/?year=2026")
    assert "28 december 2026 – 3 januari 2027" in page.locator("#closing-periods").inner_text()
    assert axe_violations(page) == []
    for year in (2026, 2027):
        page.goto(f"{base}calendar/?year={year}")
        assert "28 december 2026 – 3 januari 2027 — Kerst en oud en nieuw" in page.locator("main").inner_text()
    shoot(page, "calendar_overview_2027_375")


def test_a_parent_reads_what_the_contract_costs_on_a_phone(new_page, server):
    data = arrange("with schema_context('zonnebloem'):\n"
                   "    from tenants.contracts.models import Contract\n"
                   "    out['contract'] = Contract.objects.filter(child__first_name='Saar').order_by('-pk').first().pk")
    page = new_page(width=WIDTH, height=HEIGHT)
    base = server.url("zonnebloem")
    login(page, base, "ouder.bakker" + DEMO)
    page.goto(f"{base}contracts/{data['contract']}/")
    terms = page.locator("section.contract-terms").inner_text()
    for part in ("Start", "Einde proefperiode", "Opzegging", "Uurtarief", "Uren per maand", "Prijs per maand", "€"):
        assert part in terms, terms
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    shoot(page, "contract_costs_375")
