"""Acceptance: a parent who changes an id in a URL or API call to a conversation of another family or of
location B gets 404 (or 403 at a host where they are no member)."""
from tests.tenants.conftest import in_schema


def conversation_at(site, child_id, parent):
    from tenants.children.models import Child
    from tenants.messages import services

    with in_schema(site):
        return services.start_conversation(Child.objects.get(pk=child_id), by=parent, roles={"parent"},
                                           subject="Privé", body="Alleen voor ons", recipient="entrepreneur")


def test_another_familys_conversation_is_404(world, client_for, api):
    other = conversation_at(world.a, world.a.child_id, world.a.parent)
    intruder = world.two_location_parent
    assert client_for(intruder, world.a).get(f"/messages/{other.pk}/").status_code == 404
    assert client_for(intruder, world.a).post(f"/messages/{other.pk}/", {"body": "hoi"}).status_code == 404
    assert api(intruder, world.a).get(f"/api/v1/conversations/{other.pk}/").status_code == 404
    assert api(intruder, world.a).get(f"/api/v1/conversations/{other.pk}/messages/").status_code == 404
    assert api(intruder, world.a).post(f"/api/v1/conversations/{other.pk}/messages/",
                                       {"body": "hoi"}).status_code == 404
    assert api(intruder, world.a).get("/api/v1/conversations/").json()["results"] == []


def test_a_parent_cannot_start_a_conversation_about_another_child(world, api, client_for):
    response = api(world.two_location_parent, world.a).post("/api/v1/conversations/", {
        "child": world.a.child_id, "subject": "x", "body": "y"})
    assert response.status_code == 400 and "child" in response.json()
    page = client_for(world.two_location_parent, world.a).post("/messages/new/", {
        "child": world.a.child_id, "recipient": "group", "subject": "x", "body": "y"})
    assert page.status_code == 400


def test_a_conversation_of_location_b_is_not_reachable(world, client_for, api):
    at_b = conversation_at(world.b, world.b.child_id, world.b.parent)
    assert client_for(world.a.parent, world.b).get(f"/messages/{at_b.pk}/").status_code == 403
    assert api(world.a.parent, world.b).get(f"/api/v1/conversations/{at_b.pk}/").status_code == 403
    assert api(world.two_location_parent, world.b).get(f"/api/v1/conversations/{at_b.pk}/").status_code == 404


def test_staff_of_another_group_do_not_see_it(world, api):
    conversation_at(world.a, world.a.child_id, world.a.parent)  # to the entrepreneur
    assert api(world.a.staff, world.a).get("/api/v1/conversations/").json()["results"] == []
    assert api(world.adviser, world.a).get("/api/v1/conversations/").status_code == 403
