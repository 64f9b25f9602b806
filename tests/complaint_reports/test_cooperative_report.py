"""The cooperative report for a calendar year: all locations together, per kind and region, the share
judged within the deadline, escalations, and annual reports missing or late. Figures only."""
from datetime import date

from complaint_reports import selectors
from tests.complaint_reports.conftest import pdf_text

TODAY = date(2026, 11, 1)
PERSONAL = ["Saartje", "Verbeek", "Parent alpha", "parent@alpha.test", "parent@beta.test", "Bram"]


def test_figures_across_locations_kinds_and_regions(year_2025):
    report = selectors.cooperative_report(2025, today=TODAY)
    t = report.totals
    assert (t.complaints, t.judged, t.on_time, t.due, t.escalated, t.measures) == (4, 3, 2, 4, 1, 1)
    assert t.share_on_time == 50.0  # a1 and b1 in time; a2 late; a3 unjudged past its deadline
    assert t.average_handling_days == round((29 + 57 + 18) / 3, 1)
    assert {k: b.complaints for k, b in report.by_kind.items()} == {"kdv": 3, "gastouder": 1}
    assert {k: b.complaints for k, b in report.by_region.items()} == {"Test": 3, "Zeeland": 1}
    assert report.by_kind["gastouder"].share_on_time == 100.0
    assert {k: b.complaints for k, b in report.by_subject.items()} == {"conduct": 2, "agreement": 1, "method": 1}
    assert report.by_outcome == {"founded": 1, "unfounded": 1, "resolved": 1}
    names = {state: [row["slug"] for row in rows] for state, rows in report.reports.items()}
    assert "alpha" in names["late"] and "beta" in names["missing"]


def test_another_year_is_empty(year_2025):
    report = selectors.cooperative_report(2024, today=TODAY)
    assert report.totals.complaints == 0 and report.totals.share_on_time is None


def test_page_api_and_pdf_for_the_coop_admin_without_personal_data(year_2025, client_for):
    c = client_for(year_2025.coop_admin)
    page = c.get("/complaint-reports/?year=2025")
    api = c.get("/api/v1/complaint-reports/2025/")
    document = c.get("/complaint-reports/2025/pdf/")
    assert page.status_code == api.status_code == document.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and 'id="total-complaints">4<' in html and "Test alpha" in html
    assert api.json()["totals"]["share_on_time"] == 50.0 and api.json()["totals"]["escalated"] == 1
    text = pdf_text(document.content)
    assert "Complaints: 4" in text
    for where, content in (("page", html), ("api", api.content.decode()), ("pdf", text)):
        for value in PERSONAL:
            assert value not in content, f"{value!r} in the {where}"


def test_an_adviser_sees_her_assigned_locations_a_lead_adviser_all(year_2025, client_for):
    assigned = client_for(year_2025.adviser).get("/api/v1/complaint-reports/2025/").json()
    assert assigned["totals"]["complaints"] == 3 and assigned["locations"] == 1
    lead = client_for(year_2025.lead_adviser).get("/api/v1/complaint-reports/2025/").json()
    assert lead["totals"]["complaints"] == 4
    assert client_for(year_2025.adviser).get("/complaint-reports/").status_code == 200


def test_nobody_else_sees_the_cooperative_report(year_2025, client_for):
    for user in (year_2025.a.entrepreneur, year_2025.a.parent, year_2025.a.staff, year_2025.pedagogue):
        c = client_for(user)
        for url in ("/complaint-reports/", "/complaint-reports/2025/pdf/", "/api/v1/complaint-reports/2025/"):
            assert c.get(url).status_code == 403, (user, url)
    assert client_for(None).get("/api/v1/complaint-reports/2025/").status_code in (401, 403)
    at_location = client_for(year_2025.a.entrepreneur, year_2025.a)
    assert at_location.get("/complaint-reports/").status_code == 404


def test_bad_year_is_a_400_not_a_500(year_2025, client_for):
    """More cases in test_report_year_out_of_range.py."""
    c = client_for(year_2025.coop_admin)
    assert c.get("/complaint-reports/?year=abc").status_code == 400
    assert c.get("/api/v1/complaint-reports/1800/").status_code == 400
