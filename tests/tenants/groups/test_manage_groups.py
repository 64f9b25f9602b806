"""The entrepreneur manages groups (play space, age range); staff read them; parents and others get nothing."""
from tenants.groups.models import Group
from tests.tenants.conftest import in_schema

GROUP = {"name": "Vlinders", "kind": "stamgroep", "play_space_m2": "42.50", "min_age": 0, "max_age": 4}


def groups_at(site):
    with in_schema(site):
        return list(Group.objects.values_list("name", flat=True))


def test_create_update_delete(world, api):
    client = api(world.a.entrepreneur, world.a)
    response = client.post("/api/v1/groups/", GROUP)
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert client.patch(f"/api/v1/groups/{pk}/", {"max_age": 2}).json()["max_age"] == 2
    assert api(world.a.staff, world.a).get("/api/v1/groups/").json()["results"][0]["name"] == "Vlinders"
    assert client.delete(f"/api/v1/groups/{pk}/").status_code == 204
    assert groups_at(world.a) == []


def test_bad_input_is_a_field_error_and_stores_nothing(world, api):
    client = api(world.a.entrepreneur, world.a)
    assert "max_age" in client.post("/api/v1/groups/", {**GROUP, "min_age": 4, "max_age": 2}).json()
    assert "play_space_m2" in client.post("/api/v1/groups/", {**GROUP, "play_space_m2": "-1"}).json()
    assert "kind" in client.post("/api/v1/groups/", {**GROUP, "kind": "klas"}).json()
    assert "max_age" in client.post("/api/v1/groups/", {**GROUP, "max_age": 18}).json()
    assert groups_at(world.a) == []
    assert client.post("/api/v1/groups/", GROUP).status_code == 201
    duplicate = client.post("/api/v1/groups/", GROUP)
    assert duplicate.status_code == 400 and "name" in duplicate.json()
    pk = Group.objects.none()
    with in_schema(world.a):
        pk = Group.objects.get(name="Vlinders").pk
    assert "max_age" in client.patch(f"/api/v1/groups/{pk}/", {"min_age": 5}).json()
    with in_schema(world.a):
        assert Group.objects.get(pk=pk).min_age == 0


def test_group_with_roster_lines_cannot_be_deleted(world, api):
    from tenants.groups.models import StaffProfile
    from tenants.groups.services import add_shift, create_group

    with in_schema(world.a):
        group = create_group(name="Rupsen", kind="stamgroep")
        add_shift(staff=StaffProfile.objects.create(user=world.a.staff), group=group, date="2026-01-05",
                  start_time="08:00", end_time="13:00")
    response = api(world.a.entrepreneur, world.a).delete(f"/api/v1/groups/{group.pk}/")
    assert response.status_code == 400 and "group" in response.json()
    assert groups_at(world.a) == ["Rupsen"]


def test_roles_and_locations(world, api, client_for):
    with in_schema(world.a):
        group = Group.objects.create(name="Kikkers", kind="stamgroep")
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        client = api(user, world.a)
        assert client.post("/api/v1/groups/", GROUP).status_code == 403
        assert client.patch(f"/api/v1/groups/{group.pk}/", {"name": "X"}).status_code == 403
        assert client.delete(f"/api/v1/groups/{group.pk}/").status_code == 403
        assert client_for(user, world.a).post("/groups/new/", GROUP).status_code == 403
        assert client_for(user, world.a).post(f"/groups/{group.pk}/delete/").status_code == 403
    for user in (world.a.parent, world.b.entrepreneur, world.b.staff):
        assert api(user, world.a).get("/api/v1/groups/").status_code == 403
        assert api(user, world.a).get(f"/api/v1/groups/{group.pk}/").status_code == 403
        assert client_for(user, world.a).get("/groups/").status_code == 403
    assert groups_at(world.a) == ["Kikkers"]


def test_pages(world, client_for):
    client = client_for(world.a.entrepreneur, world.a)
    empty = client.get("/groups/").content.decode()
    assert "No groups yet" in empty
    bad = client.post("/groups/new/", {**GROUP, "min_age": 5, "max_age": 1})
    assert bad.status_code == 400 and "must not be below the youngest age" in bad.content.decode()
    assert client.post("/groups/new/", GROUP).status_code == 302
    with in_schema(world.a):
        pk = Group.objects.get(name="Vlinders").pk
    assert client.post(f"/groups/{pk}/edit/", {**GROUP, "name": "Vlinders 2"}).status_code == 302
    listing = client_for(world.a.staff, world.a).get("/groups/").content.decode()
    assert "Vlinders 2" in listing and "42.50 m²" in listing
    assert client.post(f"/groups/{pk}/delete/").status_code == 302
    assert groups_at(world.a) == []
