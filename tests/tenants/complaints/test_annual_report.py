"""The anonymous annual report per location: figures by subject and outcome, handling time, on time or late,
measures; no names, no child, no e-mail addresses; reflection, PDF, discussed with the parent committee and
sent to the GGD inspector."""
from datetime import date

import pytest
from django.utils import translation

from complaint_reports.models import ReportStatus
from tenants.complaints import pdf, selectors, services
from tests.tenants.complaints.conftest import at, pdf_text, record

PERSONAL = ["Saartje", "Verbeek", "Parent alpha", "parent@alpha.test", "Mevrouw Bakker", "bakker@example.nl",
            "06 12345678", "Staff alpha"]


@pytest.fixture
def year_2025(world):
    """Three complaints of 2025 at A, full of personal data in every free text."""
    story = "Saartje Verbeek (ouder: Parent alpha, parent@alpha.test, 06 12345678) werd door Staff alpha"
    one = record(world.a, date(2025, 3, 3), subject="conduct", description=story, child_id=world.a.child_id)
    two = record(world.a, date(2025, 5, 5), subject="agreement", description=story, complainant=None,
                 complainant_name="Mevrouw Bakker", complainant_email="bakker@example.nl")
    three = record(world.a, date(2025, 9, 1), subject="conduct", description=story)
    record(world.a, date(2026, 1, 5), subject="method")  # another year
    with at(world.a):
        services.judge(one, user=world.a.entrepreneur, judgement=story, outcome="founded",
                       judged_on=date(2025, 4, 1),  # 29 days: on time
                       measures=[{"description": "Gesprek met Staff alpha over Saartje, mail parent@alpha.test",
                                  "planned_on": date(2025, 4, 2), "done_on": date(2025, 4, 10)}])
        services.judge(two, user=world.a.entrepreneur, judgement=story, outcome="unfounded",
                       judged_on=date(2025, 7, 1))  # 57 days: late
        services.escalate(two, user=world.a.entrepreneur, body="Geschillencommissie Kinderopvang")
        services.save_annual_report(2025, reflection="Met Mevrouw Bakker en Parent alpha besproken; bel 06 12345678.",
                                    discussed_on=date(2026, 2, 10), sent_to_ggd_on=date(2026, 3, 1))
    return one, two, three


def test_figures(world, year_2025):
    with at(world.a):
        report = selectors.annual_report(2025, date(2026, 11, 1))
    totals = report["totals"]
    assert (totals["complaints"], totals["judged"], totals["on_time"], totals["late"], totals["escalated"]) == (
        3, 2, 1, 2, 1)  # the third is unjudged past its deadline: late
    assert totals["average_handling_days"] == 43.0  # (29 + 57) / 2
    assert {row["subject"]: row["complaints"] for row in report["by_subject"]} == {
        "conduct": 2, "method": 0, "agreement": 1}
    assert {row["outcome"]: row["complaints"] for row in report["by_outcome"]}["founded"] == 1
    assert report["measures"][0]["done_on"] == date(2025, 4, 10)
    assert (report["discussed_on"], report["sent_to_ggd_on"]) == (date(2026, 2, 10), date(2026, 3, 1))


def test_no_personal_data_in_the_report_page_api_or_pdf(world, year_2025, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    page = c.get("/complaints/annual-reports/2025/")
    api = c.get("/api/v1/complaint-annual-reports/2025/")
    document = c.get("/complaints/annual-reports/2025/pdf/")
    assert page.status_code == api.status_code == document.status_code == 200
    body = page.content.decode()
    body = body[body.index("<main"):body.index("<form method=\"post\" class=\"form\"")]  # the report, not the form
    shown = {"page": body, "api": api.content.decode(), "pdf": pdf_text(document.content)}
    assert "Gesprek met" in shown["api"] and "Gesprek met" in shown["pdf"]  # the measure is there...
    for where, text in shown.items():
        for value in PERSONAL:
            assert value not in text, f"{value!r} in the {where}"  # ...without the names in it


def test_marks_discussed_and_sent_and_tells_the_cooperative(world, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.post("/complaints/annual-reports/2025/", {"reflection": "Goed jaar.", "discussed_on": "2026-02-01",
                                                          "sent_to_ggd_on": "2026-02-15"})
    assert response.status_code == 302
    status = ReportStatus.objects.get(location=world.a.location, year=2025)
    assert (status.discussed_on, status.sent_to_ggd_on) == (date(2026, 2, 1), date(2026, 2, 15))
    patched = c.patch("/api/v1/complaint-annual-reports/2025/", '{"sent_to_ggd_on": "2026-03-01"}',
                      content_type="application/json")
    assert patched.status_code == 200 and patched.json()["reflection"] == "Goed jaar."
    bad = c.post("/complaints/annual-reports/2025/", {"sent_to_ggd_on": "2099-01-01"})
    assert bad.status_code == 400 and "sent_to_ggd_on" in bad.content.decode()
    assert c.patch("/api/v1/complaint-annual-reports/2025/", '{"discussed_on": "2024-01-01"}',
                   content_type="application/json").status_code == 400


def test_pdf_is_a_pdf_with_the_figures(world, year_2025):
    with at(world.a):
        report = selectors.annual_report(2025, date(2026, 11, 1))
    with translation.override("en"):
        text = pdf_text(pdf.annual_report(world.a.location, report))
    assert "Annual complaint report 2025" in text and "Complaints received: 3" in text
    assert "Discussed with the parent committee on: 10 February 2026" in text  # as the reader writes dates


def test_the_list_of_years(world, year_2025, client_for):
    text = client_for(world.a.entrepreneur, world.a).get("/complaints/annual-reports/").content.decode()
    assert "2025" in text and "2026" in text
