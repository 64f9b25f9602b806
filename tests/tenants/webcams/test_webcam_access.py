"""Isolation of the webcam pages and API (issue 18 point 3; DESIGN §2): parents only their live page and own
views; staff today's page and pause; the entrepreneur everything of her own location; the cooperative's people
(advisers, cooperative admin, pedagogue) and other locations' members nothing at the location — never a stream."""
import pytest

PARENT_PAGES = ["/webcams/", "/webcams/mine/"]
WORKER_PAGES = ["/webcams/today/"]
OWNER_PAGES = ["/webcams/manage/", "/webcams/cameras/new/", "/webcams/recordings/"]


@pytest.mark.parametrize("who", ["adviser", "pedagogue", "coop_admin"])
def test_the_cooperative_never_reaches_a_camera(world, cams, client_for, api, who):
    user = getattr(world, who)
    for path in PARENT_PAGES + WORKER_PAGES + OWNER_PAGES + [f"/webcams/cameras/{cams.camera.pk}/"]:
        assert client_for(user, world.a).get(path).status_code == 403, path
    assert api(user, world.a).get("/api/v1/cameras/").status_code == 403


def test_another_locations_members_get_nothing(world, cams, client_for, api):
    for user in (world.b.entrepreneur, world.b.staff, world.b.parent):
        for path in PARENT_PAGES + WORKER_PAGES + OWNER_PAGES:
            assert client_for(user, world.a).get(path).status_code == 403, path
        assert api(user, world.a).get(f"/api/v1/cameras/{cams.camera.pk}/").status_code == 403
    # At their own location, A's camera id does not exist.
    assert api(world.b.entrepreneur, world.b).get(f"/api/v1/cameras/{cams.camera.pk}/").status_code == 404
    assert client_for(world.b.entrepreneur, world.b).get(f"/webcams/cameras/{cams.camera.pk}/").status_code == 404


def test_wrong_roles_at_the_location(world, cams, client_for, api):
    parent, staff = client_for(world.a.parent, world.a), client_for(world.a.staff, world.a)
    for path in WORKER_PAGES + OWNER_PAGES:
        assert parent.get(path).status_code == 403, path
    for path in OWNER_PAGES:
        assert staff.get(path).status_code == 403, path
    assert api(world.a.parent, world.a).get("/api/v1/cameras/").status_code == 403
    assert api(world.a.staff, world.a).get("/api/v1/cameras/").status_code == 200
    assert api(world.a.staff, world.a).post("/api/v1/cameras/", {
        "name": "X", "area": "entrance", "purpose": "security_recording"}).status_code == 403
    # Staff on the live page go to their today's page; they never get the parents' live page.
    assert staff.get("/webcams/").status_code == 302


def test_the_api_never_returns_the_stream_address(world, cams, api):
    body = api(world.a.entrepreneur, world.a).get(f"/api/v1/cameras/{cams.security.pk}/").json()
    assert "source" not in body and "cam.local" not in str(body)


def test_bad_input_names_the_field(world, cams, api):
    client = api(world.a.entrepreneur, world.a)
    response = client.post("/api/v1/cameras/", {"name": "", "area": "nowhere", "purpose": "parent_view"})
    assert response.status_code == 400 and "area" in response.json()
    response = client.patch(f"/api/v1/cameras/{cams.camera.pk}/", {"max_viewers": 0})
    assert response.status_code == 400 and "max_viewers" in response.json()
    assert client.get("/api/v1/cameras/999999/").status_code == 404
