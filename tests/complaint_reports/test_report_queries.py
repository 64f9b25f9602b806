"""The cooperative report costs the same number of SQL queries for 3 or 300 locations."""
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from complaint_reports import selectors
from tests.complaint_reports.conftest import many_locations


def queries(fn) -> int:
    with CaptureQueriesContext(connection) as context:
        fn()
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_the_number_of_locations(world, client_for):
    def report():
        return selectors.cooperative_report(2025, today=date(2026, 11, 1))

    def page():
        response = client_for(world.coop_admin).get("/complaint-reports/?year=2025")
        assert response.status_code == 200

    many_locations(3, prefix="few")
    page()  # warm the per-process caches (content types, site settings) first
    few, few_page = queries(report), queries(page)
    assert report().totals.complaints == 15
    many_locations(297, prefix="more")
    many, many_page = queries(report), queries(page)
    assert report().totals.complaints == 1500 and report().locations >= 300
    assert few == many <= 4  # the figures, the locations with their report status (and the search path)
    assert few_page == many_page


def test_every_location_is_counted_and_the_first_of_each_state_named(world, client_for, monkeypatch, english):
    """With thousands of locations the report names no thousands: the counts cover all, the lists say how many
    more there are (on the page, in the PDF and in the API)."""
    from complaint_reports.models import ReportStatus
    from tests.complaint_reports.conftest import pdf_text

    monkeypatch.setattr(selectors, "LISTED", 2)
    locations = many_locations(5, prefix="named")
    ReportStatus.objects.create(location=locations[4], year=2025, sent_to_ggd_on=date(2026, 5, 1))
    report = selectors.cooperative_report(2025, today=date(2026, 11, 1))
    assert report.report_counts == {"sent": 1, "late": 0, "missing": 4, "pending": 0}
    assert [row["slug"] for row in report.reports["missing"]] == ["named-0", "named-1"]
    assert report.more("missing") == 2 and report.more("sent") == 0
    assert report.locations == 5 and sum(report.locations_by_kind.values()) == 5
    c = client_for(world.coop_admin)
    assert "And 2 more locations." in c.get("/complaint-reports/?year=2025").content.decode()
    assert "And 2 more locations." in pdf_text(c.get("/complaint-reports/2025/pdf/").content)
    api = c.get("/api/v1/complaint-reports/2025/").json()
    assert api["report_counts"]["missing"] + api["report_counts"]["pending"] == 4
    assert api["reports_listed"] == 2
