"""The entrepreneur exports the invoices as CSV through the API, documented as text/csv; a year that is no
year (text, other scripts' digits, too large for a date) is a 400 naming the year, never a server error."""
import pytest

from tests.platform.openapi_conformance import assert_conforms

PATH = "/api/v1/billing/invoices/export/"


def test_the_csv_is_documented(billing, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.get(PATH, {"year": "2026"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert_conforms(owner, PATH, "get", response)


@pytest.mark.parametrize("year", ["abc", "²⁰²⁶", "٢٠٢٦", "0", "10000", "99999999999999999999"])
def test_a_year_that_is_no_year_is_a_400(billing, client_for, year):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.get(PATH, {"year": year})
    assert response.status_code == 400 and "year" in response.json()
    assert_conforms(owner, PATH, "get", response)
