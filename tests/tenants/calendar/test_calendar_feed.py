"""The iCalendar feed: a per-person secret in the URL (calendar apps cannot log in), revocable."""
from datetime import date

import icalendar
import pytest
from django.test import Client

from tenants.calendar import services
from tests.tenants.calendar.conftest import at


def issue(client_for, site, user):
    response = client_for(user, site).post("/api/v1/calendar/feed-token/")
    assert response.status_code == 201
    return response.json()["url"]


NOTE = "Kerst; oud & nieuw, één week\rdaarna gewoon open"


def feed(client_for, site, user=None):
    url = issue(client_for, site, user or site.parent)
    response = Client(HTTP_HOST=site.host).get(url)  # anonymous: a calendar app
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return response.content


@pytest.mark.parametrize("flemish", [False, True], ids=["Europe/Amsterdam", "Europe/Brussels"])
def test_parent_subscribes_without_logging_in(world, client_for, weekday_hours, flemish):
    """The feed is made by the icalendar library and parses with it: all-day events (DTSTART/DTEND dates, the
    end the day after the last day), a closing period across the new year as one event, a note with a lone
    carriage return, commas, a semicolon and non-ASCII coming back unchanged, and the location's time zone."""
    from cooperative.models import Location

    if flemish:
        Location.objects.filter(pk=world.a.location.pk).update(jurisdiction="BE-VLG", time_zone="")
    with at(world.a):
        services.add_closing_week(year=2026, week=31, note="Zomer")
        services.add_closing_period(start_date=date(2026, 12, 23), end_date=date(2027, 1, 3), note=NOTE)
    url = issue(client_for, world.a, world.a.parent)
    assert url.startswith(f"http://{world.a.host}/calendar/feed/") and url.endswith(".ics")
    body = feed(client_for, world.a)
    assert b"\r" not in body.replace(b"\r\n", b""), "no lone carriage return"
    cal = icalendar.Calendar.from_ical(body)
    assert str(cal["x-wr-timezone"]) == ("Europe/Brussels" if flemish else "Europe/Amsterdam")
    events = {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}
    summer = next(e for e in events.values() if str(e.get("description", "")) == "Zomer")
    assert (summer.decoded("dtstart"), summer.decoded("dtend")) == (date(2026, 7, 27), date(2026, 8, 3))
    assert summer["dtstart"].params.get("VALUE") == "DATE"
    christmas = next(e for e in events.values() if str(e.get("description", "")).startswith("Kerst"))
    assert (christmas.decoded("dtstart"), christmas.decoded("dtend")) == (date(2026, 12, 23), date(2027, 1, 4))
    assert str(christmas["description"]) == NOTE.replace("\r", "\n")
    summary = str(christmas["summary"])  # the feed speaks the default language: "<location> gesloten: <note>"
    assert summary.startswith(world.a.location.name) and summary.endswith(NOTE.replace("\r", "\n"))
    holidays = {e.decoded("dtstart") for e in events.values() if str(e["uid"]).startswith("holiday-")}
    assert (date(2026, 7, 21) if flemish else date(2026, 4, 27)) in holidays  # national day / King's Day
    assert all(isinstance(e.decoded("dtstart"), date) for e in events.values())


def test_a_revoked_or_renewed_link_stops_working(world, client_for):
    old = issue(client_for, world.a, world.a.parent)
    new = issue(client_for, world.a, world.a.parent)
    anonymous = Client(HTTP_HOST=world.a.host)
    assert anonymous.get(old).status_code == 404
    assert anonymous.get(new).status_code == 200
    assert client_for(world.a.parent, world.a).delete("/api/v1/calendar/feed-token/").json() == {"url": None}
    assert anonymous.get(new).status_code == 404


def test_a_token_works_only_at_its_own_location(world, client_for):
    url = issue(client_for, world.a, world.a.parent)
    path = url.split(world.a.host, 1)[1]
    assert Client(HTTP_HOST=world.b.host).get(path).status_code == 404


def test_an_unknown_token_and_a_former_member_get_404(world, client_for):
    from accounts.models import Membership

    anonymous = Client(HTTP_HOST=world.a.host)
    assert anonymous.get("/calendar/feed/not-a-token.ics").status_code == 404
    assert anonymous.post("/calendar/feed/not-a-token.ics").status_code == 404
    url = issue(client_for, world.a, world.a.parent)
    Membership.objects.filter(user=world.a.parent, location=world.a.location).update(is_active=False)
    assert anonymous.get(url).status_code == 404


def test_page_issues_and_revokes_the_link(world, client_for):
    c = client_for(world.a.parent, world.a)
    assert c.post("/calendar/feed-link/", {"action": "issue"}).status_code == 302
    page = c.get("/calendar/").content.decode()
    assert "/calendar/feed/" in page
    assert c.post("/calendar/feed-link/", {"action": "revoke"}).status_code == 302
    assert "/calendar/feed/" not in c.get("/calendar/").content.decode()


def test_non_members_cannot_make_a_link(world, client_for):
    assert client_for(world.b.parent, world.a).post("/api/v1/calendar/feed-token/").status_code == 403
    assert client_for(world.b.parent, world.a).post("/calendar/feed-link/").status_code == 403
    assert client_for(world.adviser, world.a).post("/api/v1/calendar/feed-token/").status_code == 403


def test_a_guardian_removed_from_her_last_child_loses_the_link(world, client_for):
    from tenants.calendar.models import FeedToken
    from tenants.children import services as children
    from tests.tenants.conftest import in_schema, make_child

    child = make_child(world.a, guardians=[world.b.parent])
    url = issue(client_for, world.a, world.b.parent)
    anonymous = Client(HTTP_HOST=world.a.host)
    assert anonymous.get(url).status_code == 200
    with in_schema(world.a):
        children.remove_guardian(child, world.b.parent, actor=world.a.entrepreneur)
        assert not FeedToken.objects.filter(user=world.b.parent, revoked_at__isnull=True).exists(), "revoked"
    assert anonymous.get(url).status_code == 404
    assert Client(HTTP_HOST=world.b.host).get(url.split(world.a.host, 1)[1]).status_code == 404


def test_the_link_stops_the_day_after_the_childs_last_day_of_care(world, client_for, monkeypatch):
    from datetime import date, timedelta

    from django.utils import timezone

    from tenants.contracts.models import Contract
    from tests.tenants.conftest import in_schema, make_child

    today = timezone.localdate()
    child = make_child(world.a, guardians=[world.b.parent])
    with in_schema(world.a):
        Contract.objects.create(child=child, care_type="kdv", start_date=date(2025, 1, 6), end_date=today,
                                status=Contract.Status.ACTIVE)
    url = issue(client_for, world.a, world.b.parent)
    anonymous = Client(HTTP_HOST=world.a.host)
    assert anonymous.get(url).status_code == 200, "the last day of care"
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(days=1))
    assert anonymous.get(url).status_code == 404
