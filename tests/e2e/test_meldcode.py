"""Meldcode in a real browser: a staff member reports a route 1 concern, the pedagogue takes it through the steps
and closes it, the entrepreneur sees it; a second, route 2 case about the entrepreneur never shows up for her."""
from datetime import date, timedelta

from django.utils.translation import gettext, override

from frontend.browser import login

DEMO = "@demo.opvangkring.nl"
STAFF = "medewerker.kikker" + DEMO
OWNER = "marieke" + DEMO
PEDAGOGUE = "pedagoog" + DEMO
STEPS = ["map_signs", "consult", "talk_parents", "weigh", "decide"]


def nl(text: str) -> str:
    """The Dutch the demo users see (their language is Dutch)."""
    with override("nl"):
        return gettext(text)


def report(page, base, route: int, description: str, subject_label: str | None = None) -> str:
    page.goto(base + "meldcode/report/")
    page.locator(f"input[name=route][value='{route}']").check()
    page.get_by_label("Mila Jansen").check()
    page.locator("#id_observed_on").fill((date.today() - timedelta(days=1)).isoformat())
    page.locator("#id_observed_place").fill("Groepsruimte")
    page.locator("#id_description").fill(description)
    if subject_label:
        value = page.locator("#id_subject option", has_text=subject_label).get_attribute("value")
        page.locator("#id_subject").select_option(value)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(base + "meldcode/my-reports/")
    return page.locator("main table tbody tr").first.locator("td").first.inner_text().strip()


def test_report_handle_close_and_route_2_invisible_to_the_entrepreneur(new_page, server):
    kikker, main = server.url("kikker"), server.url()

    staff = new_page()
    login(staff, kikker, STAFF)
    first = report(staff, kikker, 1, "Blauwe plek op de arm, Mila zei: papa was boos. Woord: Zwaluwstaart.")
    assert first.startswith("MC-")
    second = report(staff, kikker, 2, "De houder schreeuwde tegen Mila. Woord: Kolibrievlucht.",
                    subject_label="Marieke Jansen")
    assert second.startswith("MC-") and second != first
    assert "Zwaluwstaart" not in staff.locator("main").inner_text()  # the reporter sees status only

    pedagogue = new_page()
    login(pedagogue, main, PEDAGOGUE)
    pedagogue.goto(main + "meldcode/")
    assert second in pedagogue.locator("main").inner_text()
    pedagogue.get_by_role("link", name=first).click()
    assert "Zwaluwstaart" in pedagogue.locator("main").inner_text()
    for step in STEPS:
        pedagogue.locator("#id_step").select_option(step)
        pedagogue.locator("#id_who").fill("Pedagoog en houder")
        pedagogue.locator("#id_notes").fill(f"Notities bij {step}")
        pedagogue.get_by_role("button", name=nl("Record step")).click()
        pedagogue.wait_for_load_state()
        assert pedagogue.locator(f"li[data-step={step}] .status").count() == 1
    pedagogue.locator("#close_outcome").select_option("help")
    pedagogue.get_by_role("button", name=nl("Close case")).click()
    pedagogue.wait_for_load_state()
    assert nl("closed") in pedagogue.locator("main h1").inner_text()
    pedagogue.goto(main + "meldcode/")
    audit_link = pedagogue.get_by_role("link", name=first)
    audit_link.click()
    pedagogue.get_by_role("link", name=nl("Audit trail")).click()
    assert "Daan Peters" in pedagogue.locator("main").inner_text()

    staff.goto(kikker + "meldcode/my-reports/")
    row = staff.locator("main table tbody tr", has_text=first)
    assert nl("closed") in row.inner_text()

    owner = new_page()
    login(owner, kikker, OWNER)
    owner.goto(kikker + "meldcode/cases/")
    text = owner.locator("main").inner_text()
    assert first in text
    assert second not in text
    owner.get_by_role("link", name=first).click()
    assert "Zwaluwstaart" in owner.locator("main").inner_text()
    # the route 2 case about her: nowhere — not in her list, home page or API, and its page is a 404
    for path in ("", "meldcode/cases/", "meldcode/my-reports/", "api/v1/meldcode/cases/", "children/"):
        owner.goto(kikker + path)
        body = owner.content()
        assert second not in body and "Kolibrievlucht" not in body, path
    pedagogue.goto(main + "meldcode/")
    hidden_href = pedagogue.get_by_role("link", name=second).get_attribute("href")
    hidden_pk = hidden_href.strip("/").split("/")[-1]
    response = owner.goto(kikker + f"meldcode/cases/{hidden_pk}/")
    assert response.status == 404
    assert "Kolibrievlucht" not in owner.content()
