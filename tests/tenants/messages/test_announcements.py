"""Announcements from the location to all parents or to one group."""
from tests.outbox.helpers import delivered
from tests.tenants.conftest import in_schema, make_child


def test_an_announcement_to_one_group_reaches_only_that_groups_parents(world, api, mailoutbox):
    from tenants.children.models import Child
    from tenants.groups.models import Group

    with in_schema(world.a):
        rupsen = Group.objects.create(name="Rupsen", kind="stamgroep")
        Child.objects.filter(first_name="Mila").update(group=rupsen)
    with delivered():
        response = api(world.a.entrepreneur, world.a).post("/api/v1/announcements/", {
            "title": "Uitje Rupsen", "body": "Donderdag naar de kinderboerderij", "group": rupsen.pk})
    assert response.status_code == 201, response.content
    assert [m.to for m in mailoutbox] == [[world.two_location_parent.email]]
    assert "kinderboerderij" not in mailoutbox[0].body
    assert [a["title"] for a in api(world.two_location_parent, world.a).get(
        "/api/v1/announcements/").json()["results"]] == ["Uitje Rupsen"]
    assert api(world.a.parent, world.a).get("/api/v1/announcements/").json()["results"] == []


def test_an_announcement_to_all_parents(world, client_for, mailoutbox):
    make_child(world.a, first_name="Extra", guardians=[world.a.parent])
    with delivered():
        response = client_for(world.a.staff, world.a).post("/announcements/new/", {
            "title": "Studiedag", "body": "Vrijdag gesloten", "group": ""})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world.a.parent.email, world.two_location_parent.email])
    page = client_for(world.a.parent, world.a).get(response["Location"])
    assert page.status_code == 200 and "Vrijdag gesloten" in page.content.decode()


def test_parents_cannot_publish(world, api, client_for):
    assert api(world.a.parent, world.a).post("/api/v1/announcements/", {"title": "x", "body": "y"}).status_code == 403
    assert client_for(world.a.parent, world.a).get("/announcements/new/").status_code == 403


def test_an_empty_announcement_names_the_fields(world, api):
    response = api(world.a.entrepreneur, world.a).post("/api/v1/announcements/", {"title": " ", "body": ""})
    assert response.status_code == 400
