"""Issue 7 in a real browser: an adviser plans a visit, fills in the checklist and creates a follow-up action;
the entrepreneur reads the report and marks the action done; the adviser's dashboard tiles change."""
from datetime import date

from frontend.browser import horizontal_overflow, login

DEMO = "@demo.opvangkring.nl"


def tile(page, server, key: str) -> int:
    page.goto(server.url() + "advisory/")
    return int(page.locator(f'#tiles [data-tile="{key}"] .stat-value').inner_text())


def test_adviser_visit_report_and_action_done_by_entrepreneur(new_page, server):
    adviser = new_page()
    login(adviser, server.url(), "adviseur" + DEMO)
    done_before = tile(adviser, server, "visits_done")
    open_before = tile(adviser, server, "actions_open")

    # Plan the business visit at Kikker for today.
    adviser.goto(server.url() + "advisory/locations/kikker/visits/new/?type=business")
    adviser.select_option("#id_visit_type", "business")
    adviser.fill("#id_scheduled_at", f"{date.today():%Y-%m-%d}T09:00")
    adviser.locator("main form button[type=submit]").click()
    adviser.wait_for_url("**/advisory/visits/*/")
    visit_url = adviser.url

    # Fill in the checklist: every question "yes", a summary, and finish the report.
    adviser.locator("#fill-checklist").click()
    adviser.wait_for_url("**/checklist/")
    for radio in adviser.locator('#checklist-form input[type=radio][value="yes"]').all():
        radio.check()
    adviser.fill("#id_summary", "Veilige opvang, het beleid V&G moet worden bijgewerkt.")
    adviser.locator('button[name="complete"]').click()
    adviser.wait_for_url(visit_url)
    assert "Veilige opvang" in adviser.locator("main").inner_text()

    # A follow-up action for the entrepreneur.
    adviser.fill("#id_description", "Beleid veiligheid en gezondheid bijwerken")
    adviser.select_option("#id_owner", "entrepreneur")
    adviser.fill("#id_due_date", f"{date.today().year}-12-31")
    adviser.locator("#action-form button[type=submit]").click()
    adviser.wait_for_url(visit_url)
    assert "Beleid veiligheid en gezondheid bijwerken" in adviser.locator("#visit-actions").inner_text()
    assert tile(adviser, server, "visits_done") == done_before + 1
    assert tile(adviser, server, "actions_open") == open_before + 1

    # The entrepreneur reads the report and marks the action done.
    owner = new_page()
    login(owner, server.url("kikker"), "marieke" + DEMO)
    owner.goto(server.url("kikker") + "advisory/")
    row = owner.locator("#actions tr", has_text="Beleid veiligheid en gezondheid bijwerken")
    owner.locator('section[aria-labelledby="h-visits"] a[href*="/advisory/visits/"]').first.click()
    assert "Veilige opvang" in owner.locator("#summary").inner_text()
    owner.goto(server.url("kikker") + "advisory/")
    row.locator('button[name="done"]').click()
    owner.wait_for_url(server.url("kikker") + "advisory/")
    assert row.locator('button[name="done"]').count() == 0

    # The adviser's dashboard tile has changed back.
    assert tile(adviser, server, "actions_open") == open_before

    # A tile's list of locations (ten columns) fits the adviser's 1280 px window: the table scrolls, not the page.
    adviser.locator('#tiles [data-tile="occupancy"] a').click()
    adviser.wait_for_url("**/advisory/list/all/**")
    assert adviser.locator("main table").count() == 1 and horizontal_overflow(adviser) == 0
