"""The cooperative admin reads this year's complaint report at 1280 px, in Dutch: the totals, the charts and
the locations by state of their annual report, without a sideways scroll; the figures are the API's (both read
from the tally). An entrepreneur is refused. Screenshot: var/screenshots/complaint-report-nl-1280.png."""
from datetime import date
from pathlib import Path

from frontend.browser import horizontal_overflow, login

DEMO = "@demo.opvangkring.nl"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def test_the_cooperative_admin_reads_this_years_complaint_report(new_page, server):
    year = date.today().year  # the demo's locations joined this year
    admin = new_page(width=1280)
    login(admin, server.url(), "beheer" + DEMO)
    admin.goto(server.url() + f"complaint-reports/?year={year}")
    main = admin.locator("main")
    assert admin.locator("#totals-heading").inner_text() == "In totaal"
    api = admin.request.get(server.url() + f"api/v1/complaint-reports/{year}/").json()
    assert int(admin.locator("#total-complaints").inner_text()) == api["totals"]["complaints"]
    assert int(admin.locator("#escalated").inner_text()) == api["totals"]["escalated"]
    if not api["totals"]["complaints"]:  # the demo's year: no empty charts, a sentence instead
        assert f"Bij deze vestigingen is in {year} geen klacht geregistreerd." in main.inner_text()
        assert admin.locator("#chart-subject").count() == 0
    listed = sum(len(rows) for rows in api["reports"].values())
    assert listed == sum(api["report_counts"].values()) == api["locations"] > 0
    assert admin.locator('#reports-heading').is_visible()
    for name in (row["name"] for rows in api["reports"].values() for row in rows):
        assert name in main.inner_text()
    assert horizontal_overflow(admin) == 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    admin.screenshot(path=str(SCREENSHOTS / "complaint-report-nl-1280.png"), full_page=True)

    owner = new_page(width=1280)
    login(owner, server.url("kikker"), "marieke" + DEMO)
    assert owner.goto(server.url() + f"complaint-reports/?year={year}").status == 403
