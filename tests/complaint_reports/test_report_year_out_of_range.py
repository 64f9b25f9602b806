"""A complaint annual report for a year that cannot have one (year 0, before 2000, after this year, not a
number) answers 400 naming the year, on the location's page, PDF and API and on the cooperative's page, PDF
and API: never a server error. (This folder's conftest shows pages in English.)"""
import pytest

from accounts.models import User

OUT_OF_RANGE = [0, 1999, 9999, 10000, 99999]
MESSAGE = "Choose a year from 2000 up to this year"


def year_message(body) -> str:
    return " ".join(body["year"])


@pytest.mark.parametrize("year", OUT_OF_RANGE)
def test_location_api_refuses_a_year_out_of_range(world, api, year):
    c = api(world.a.entrepreneur, world.a)
    for response in (c.get(f"/api/v1/complaint-annual-reports/{year}/"),
                     c.patch(f"/api/v1/complaint-annual-reports/{year}/", {"reflection": "Rustig jaar."}),
                     c.get(f"/api/v1/complaint-annual-reports/{year}/pdf/")):
        assert response.status_code == 400, response.content
        assert MESSAGE in year_message(response.json())


@pytest.mark.parametrize("year", OUT_OF_RANGE)
def test_location_pages_refuse_a_year_out_of_range(world, client_for, year):
    c = client_for(world.a.entrepreneur, world.a)
    for response in (c.get(f"/complaints/annual-reports/{year}/"),
                     c.post(f"/complaints/annual-reports/{year}/", {"reflection": "Rustig jaar."}),
                     c.get(f"/complaints/annual-reports/{year}/pdf/")):
        assert response.status_code == 400
        assert MESSAGE in response.content.decode()


def test_the_message_is_dutch_for_a_dutch_entrepreneur(world, api):
    User.objects.filter(pk=world.a.entrepreneur.pk).update(language="nl")
    response = api(world.a.entrepreneur, world.a).get("/api/v1/complaint-annual-reports/0/")
    assert response.status_code == 400
    assert year_message(response.json()).startswith("Kies een jaar van 2000 tot en met dit jaar")


@pytest.mark.parametrize("year", OUT_OF_RANGE)
def test_cooperative_api_and_pdf_refuse_a_year_out_of_range(world, client_for, year):
    c = client_for(world.coop_admin)
    api = c.get(f"/api/v1/complaint-reports/{year}/")
    assert api.status_code == 400 and MESSAGE in year_message(api.json())
    document = c.get(f"/complaint-reports/{year}/pdf/")
    assert document.status_code == 400
    assert MESSAGE in document.content.decode()


@pytest.mark.parametrize("value", ["0", "-1", "10000", "abc", "²⁰²⁵", "２０２５", "2025.0"])
def test_cooperative_page_refuses_a_year_that_is_no_year(world, client_for, value):
    response = client_for(world.coop_admin).get("/complaint-reports/", {"year": value})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()


def test_a_year_in_range_still_opens(world, client_for, api):
    assert client_for(world.coop_admin).get("/complaint-reports/", {"year": "2024"}).status_code == 200
    assert api(world.a.entrepreneur, world.a).get("/api/v1/complaint-annual-reports/2024/").status_code == 200
