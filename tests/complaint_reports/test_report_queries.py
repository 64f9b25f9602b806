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
