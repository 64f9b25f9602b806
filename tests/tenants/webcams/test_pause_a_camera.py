"""Staff pause a camera at once (issue 18 point 2: a child upset, a nappy, a staff conversation) from a phone or
tablet, see when their area is live, and resume; by page and by API."""
from django.utils import timezone

from tests.tenants.conftest import in_schema


def test_staff_pause_and_resume_on_the_page(world, cams, client_for):
    from tenants.webcams.models import Camera

    client = client_for(world.a.staff, world.a)
    page = client.get("/webcams/today/").content.decode()
    assert "Speelhoek" in page and "Voordeur" not in page
    assert client.post(f"/webcams/cameras/{cams.camera.pk}/pause/", {"minutes": "5"}).status_code == 302
    with in_schema(world.a):
        paused_until = Camera.objects.get(pk=cams.camera.pk).paused_until
    assert 4 * 60 < (paused_until - timezone.now()).total_seconds() <= 5 * 60
    assert "Go live again" in client.get("/webcams/today/").content.decode()
    client.post(f"/webcams/cameras/{cams.camera.pk}/pause/", {"action": "resume"})
    with in_schema(world.a):
        assert Camera.objects.get(pk=cams.camera.pk).paused_until is None


def test_pause_by_api_and_bad_minutes(world, cams, api):
    client = api(world.a.staff, world.a)
    response = client.post(f"/api/v1/cameras/{cams.camera.pk}/pause/", {"minutes": 15})
    assert response.status_code == 200 and response.json()["paused"] is True
    assert "source" not in response.json()
    bad = client.post(f"/api/v1/cameras/{cams.camera.pk}/pause/", {"minutes": 100000})
    assert bad.status_code == 400 and "minutes" in bad.json()
    assert client.post(f"/api/v1/cameras/{cams.camera.pk}/resume/").json()["paused"] is False


def test_parents_and_other_locations_cannot_pause(world, cams, client_for, api):
    assert client_for(world.a.parent, world.a).post(f"/webcams/cameras/{cams.camera.pk}/pause/").status_code == 403
    assert api(world.a.parent, world.a).post(f"/api/v1/cameras/{cams.camera.pk}/pause/").status_code == 403
    assert api(world.b.staff, world.a).post(f"/api/v1/cameras/{cams.camera.pk}/pause/").status_code == 403
    assert client_for(world.b.staff, world.a).get("/webcams/today/").status_code == 403
