"""Scheduling with the entrepreneur: proposed dates, the accepted date, and the .ics invitation."""
from datetime import UTC, datetime

import icalendar

from advisory import services
from advisory.models import Visit
from tests.advisory.conftest import aware


def plan(world, location, **extra):
    return services.plan_visit(location, year=2025, visit_type="business", adviser=world.adviser,
                               user=world.adviser, **extra)


def test_entrepreneur_accepts_a_proposed_date(client_for, world, opened):
    visit = plan(world, opened)
    response = client_for(world.adviser).post(f"/advisory/visits/{visit.pk}/propose/", {
        "starts_at_1": "2025-10-01T09:00", "starts_at_2": "2025-10-08T13:00"})
    assert response.status_code == 302
    proposal = visit.proposals.order_by("starts_at").last()
    owner = client_for(world.a.entrepreneur, world.a)
    assert "2025" in owner.get("/advisory/").content.decode()
    assert owner.post(f"/advisory/proposals/{proposal.pk}/accept/").status_code == 302
    visit.refresh_from_db()
    assert visit.scheduled_at == aware(2025, 10, 8, 13) and visit.sequence == 1


def test_proposed_date_before_opening_is_refused(client_for, world, opened):
    visit = services.plan_visit(opened, year=2021, visit_type="business", adviser=world.adviser, user=world.adviser)
    response = client_for(world.adviser).post(f"/advisory/visits/{visit.pk}/propose/", {
        "starts_at_1": "2021-01-15T09:00"})
    assert response.status_code == 400 and not visit.proposals.exists()


def test_another_location_cannot_accept_the_proposal(client_for, world, opened):
    visit = plan(world, opened)
    proposal = services.propose_dates(visit, [aware(2025, 10, 1)], user=world.adviser)[0]
    other = client_for(world.b.entrepreneur, world.b)
    assert other.post(f"/advisory/proposals/{proposal.pk}/accept/").status_code == 404
    visit.refresh_from_db()
    assert visit.scheduled_at is None


def test_invitation_ics_for_adviser_and_entrepreneur(client_for, world, opened):
    visit = plan(world, opened, scheduled_at=aware(2025, 9, 3, 10))
    for client, url in ((client_for(world.adviser), f"/advisory/visits/{visit.pk}/invite.ics"),
                        (client_for(world.a.entrepreneur, world.a), f"/advisory/visits/{visit.pk}/invite.ics")):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
        event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
        # 10:00 in Amsterdam (summer time), in the location's own time zone.
        assert event.decoded("dtstart") == datetime(2025, 9, 3, 8, tzinfo=UTC)
        assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
        assert str(event["uid"]).startswith(f"advisory-visit-{visit.pk}@")
    assert client_for(world.b.entrepreneur, world.b).get(f"/advisory/visits/{visit.pk}/invite.ics").status_code == 404


def test_schedule_sets_the_date(client_for, world, opened):
    visit = plan(world, opened)
    assert client_for(world.adviser).post(f"/advisory/visits/{visit.pk}/schedule/", {
        "scheduled_at": "2025-11-04T14:00"}).status_code == 302
    assert Visit.objects.get(pk=visit.pk).scheduled_at == aware(2025, 11, 4, 14)
