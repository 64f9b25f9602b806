"""Follow-up actions: an owner is required; the entrepreneur marks hers done, the adviser hers."""
from datetime import date

from advisory import services
from advisory.models import FollowUpAction


def test_action_without_owner_is_a_field_error_and_stores_nothing(client_for, world):
    visit = services.plan_visit(world.a.location, year=2025, visit_type="business", adviser=world.adviser,
                                user=world.adviser)
    response = client_for(world.adviser).post(f"/advisory/locations/{world.a.location.slug}/actions/new/", {
        "visit": visit.pk, "description": "Update the safety policy", "owner": "", "due_date": "2025-10-01"})
    assert response.status_code == 400 and "owner" in response.context["action_form"].errors
    assert not FollowUpAction.objects.exists()


def test_api_action_without_owner_is_400_naming_owner(api, world):
    response = api(world.adviser, None).post("/api/v1/advisory/actions/", {
        "location": world.a.location.slug, "description": "x", "due_date": "2025-10-01"})
    assert response.status_code == 400 and "owner" in response.json()
    assert not FollowUpAction.objects.exists()


def test_entrepreneur_marks_her_action_done(client_for, world):
    action = services.create_action(world.a.location, description="Renew first-aid certificate",
                                    owner="entrepreneur", due_date=date(2025, 10, 1), user=world.adviser)
    owner = client_for(world.a.entrepreneur, world.a)
    assert "Renew first-aid certificate" in owner.get("/advisory/").content.decode()
    assert owner.post(f"/advisory/actions/{action.pk}/done/").status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.done_by == world.a.entrepreneur


def test_entrepreneur_cannot_mark_the_advisers_action_or_another_locations(client_for, world):
    mine = services.create_action(world.a.location, description="Send the new checklist", owner="adviser",
                                  due_date=date(2025, 10, 1), user=world.adviser)
    theirs = services.create_action(world.b.location, description="x", owner="entrepreneur",
                                    due_date=date(2025, 10, 1), user=world.lead_adviser)
    owner = client_for(world.a.entrepreneur, world.a)
    assert owner.post(f"/advisory/actions/{mine.pk}/done/").status_code == 404
    assert owner.post(f"/advisory/actions/{theirs.pk}/done/").status_code == 404
    assert client_for(world.adviser).post(f"/advisory/actions/{mine.pk}/done/").status_code == 302
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == "done" and theirs.status == "open"


def test_api_entrepreneur_marks_done(api, world):
    action = services.create_action(world.a.location, description="x", owner="entrepreneur",
                                    due_date=date(2025, 10, 1), user=world.adviser)
    response = api(world.a.entrepreneur, world.a).post(f"/api/v1/advisory/actions/{action.pk}/done/", {"note": "ok"})
    assert response.status_code == 200 and response.json()["status"] == "done"
