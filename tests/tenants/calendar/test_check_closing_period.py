"""While typing a closing period the entrepreneur sees the 47-open-weeks check: a JSON endpoint with the server's
own rule (tenants.calendar.rules), read by a small static script on the calendar page."""
from datetime import date

from tenants.calendar.models import ClosingPeriod
from tests.tenants.calendar.conftest import at

URL = "/api/v1/calendar/closing-check/"


def test_the_check_weighs_a_period_on_each_year_it_touches_and_adds_nothing(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    response = c.get(URL, {"start_date": "2025-12-22", "end_date": "2026-01-02"})
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] is True and data["errors"] == {}
    assert [(y["year"], y["closing_days"], y["open_weeks"], y["ok"]) for y in data["years"]] == [
        (2025, 5, "51.0", True), (2026, 5, "52.0", True)]
    assert "2025" in data["years"][0]["message"] and "47" in data["years"][0]["message"]
    with at(world.a):
        assert not ClosingPeriod.objects.exists()


def test_the_check_says_when_a_year_would_be_open_too_few_weeks(world, client_for, weekday_hours):
    with at(world.a):
        ClosingPeriod.objects.create(start_date=date(2025, 7, 14), end_date=date(2025, 8, 15))
    data = client_for(world.a.entrepreneur, world.a).get(URL, {"start_date": "2025-12-22",
                                                                "end_date": "2025-12-24"}).json()
    assert data["ok"] is False and data["years"][0]["ok"] is False
    assert data["years"][0]["closing_days"] == 28 and data["years"][0]["max_closing_days"] == 25
    assert "47" in data["errors"]["end_date"][0]


def test_the_check_speaks_dutch_with_a_decimal_comma(world, client_for, weekday_hours):
    from accounts.models import User

    User.objects.filter(pk=world.a.entrepreneur.pk).update(language="nl")
    c = client_for(world.a.entrepreneur, world.a)
    data = c.get(URL, {"start_date": "2026-12-23", "end_date": "2027-01-03"}).json()
    assert data["years"][0]["message"].startswith("2026: open 51,4 van 53 weken"), data["years"][0]["message"]


def test_bad_dates_are_field_errors(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    for query, field in (({}, "start_date"), ({"start_date": "2026-01-01"}, "end_date"),
                         ({"start_date": "2026-03-01", "end_date": "2026-02-01"}, "end_date"),
                         ({"start_date": "2026-01-01", "end_date": "2027-06-01"}, "end_date"),
                         ({"start_date": "x", "end_date": "2026-02-01"}, "start_date")):
        response = c.get(URL, query)
        assert response.status_code == 400 and field in response.json(), (query, response.content)


def test_only_the_entrepreneur_of_this_location_checks(world, client_for):
    query = {"start_date": "2026-12-23", "end_date": "2027-01-03"}
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur, world.adviser):
        assert client_for(user, world.a).get(URL, query).status_code == 403
    assert client_for(None, world.a).get(URL, query).status_code == 403


def test_the_manage_page_loads_the_script_and_points_it_at_the_check(world, client_for):
    page = client_for(world.a.entrepreneur, world.a).get("/calendar/manage/").content.decode()
    assert 'src="/static/js/closing-check.js"' in page and f'data-closing-check="{URL}"' in page
    assert "<script>" not in page  # no inline script (content security policy)
