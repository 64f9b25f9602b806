"""Public holidays from the `holidays` package (NL or BE) and the location's choice of which it closes."""
from datetime import date

from tenants.calendar import rules, selectors
from tests.tenants.calendar.conftest import at


def test_dutch_location_lists_dutch_holidays(world, client_for):
    response = client_for(world.a.parent, world.a).get("/api/v1/calendar/holidays/?year=2026")
    assert response.status_code == 200
    names = {row["name"] for row in response.json()}
    assert {"King's Day", "Easter Monday", "Christmas Day"} <= names
    assert all(row["closed"] for row in response.json())  # closed unless chosen otherwise


def test_flemish_location_lists_belgian_holidays(flemish_a, client_for):
    names = {row["name"] for row in client_for(flemish_a.entrepreneur, flemish_a).get(
        "/api/v1/calendar/holidays/?year=2026").json()}
    assert "National Day" in names and "King's Day" not in names


def test_dutch_holidays_are_named_in_the_readers_language(world, client_for):
    """The `holidays` library names both countries' holidays in Dutch; the English name stays the key."""
    world.a.parent.language = "nl"
    world.a.parent.save(update_fields=["language"])
    dutch = client_for(world.a.parent, world.a).get("/api/v1/calendar/holidays/?year=2026").json()
    assert {"name": "King's Day", "label": "Koningsdag"} in [{k: row[k] for k in ("name", "label")} for row in dutch]


def test_flemish_holidays_are_named_in_flemish(flemish_a, client_for):
    flemish_a.entrepreneur.language = "nl"
    flemish_a.entrepreneur.save(update_fields=["language"])
    flemish = client_for(flemish_a.entrepreneur, flemish_a).get("/api/v1/calendar/holidays/?year=2026").json()
    labels = {row["name"]: row["label"] for row in flemish}
    assert labels["National Day"] == "Nationale feestdag" and labels["Easter Monday"] == "Paasmaandag"
    assert rules.public_holidays("BE-VLG", 2026, "nl-BE")[date(2026, 5, 1)] == "Dag van de Arbeid"
    assert rules.public_holidays("NL", 2026, "en")[date(2026, 4, 27)] == "King's Day"


def test_entrepreneur_opens_on_a_holiday(world, client_for, weekday_hours):
    c = client_for(world.a.entrepreneur, world.a)
    with at(world.a):
        assert not selectors.is_open(date(2026, 4, 3))  # Good Friday
    response = c.post("/api/v1/calendar/holidays/", {"name": "Good Friday", "closed": False})
    assert response.status_code == 200
    with at(world.a):
        assert selectors.is_open(date(2026, 4, 3))
        assert not selectors.is_open(date(2026, 4, 6))  # Easter Monday still closed
    page = c.post("/calendar/manage/holidays/", {"name": "Good Friday", "closed": "on"})
    assert page.status_code == 302
    with at(world.a):
        assert not selectors.is_open(date(2026, 4, 3))


def test_an_unknown_holiday_is_a_field_error(world, client_for):
    response = client_for(world.a.entrepreneur, world.a).post(
        "/api/v1/calendar/holidays/", {"name": "National Day", "closed": False})  # Belgian, not Dutch
    assert response.status_code == 400
    assert "name" in response.json()


def test_only_the_entrepreneur_chooses(world, client_for):
    for user, site in ((world.a.staff, world.a), (world.a.parent, world.a), (world.b.entrepreneur, world.a)):
        response = client_for(user, site).post("/api/v1/calendar/holidays/", {"name": "Good Friday", "closed": False})
        assert response.status_code == 403


def test_public_holidays_by_jurisdiction():
    assert date(2026, 4, 27) in rules.public_holidays("NL", 2026)
    assert date(2026, 7, 21) in rules.public_holidays("BE-VLG", 2026)
    assert date(2026, 7, 21) not in rules.public_holidays("NL", 2026)
