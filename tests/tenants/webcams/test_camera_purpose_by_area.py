"""Which area may have which purpose. Seed 000: "Onze camera's staan alleen gericht op onze speelruimten en eet- en
zithoeken" — parent view only there; seed 003 camera protocol art. 2 and 4: recording cameras watch the accesses
(inkomhal, toegang, tuin) — security recording only at entrances and outside. Issue 18 acceptance: a sleeping-room
or changing-area camera cannot get parent view."""
import pytest
from django.core.exceptions import ValidationError

from tenants.webcams import rules
from tests.tenants.conftest import in_schema


@pytest.mark.parametrize(("area", "purpose", "refusal"), [
    ("play_area", "parent_view", None),  # seed 000: speelruimten
    ("eating_corner", "parent_view", None),  # seed 000: eethoeken
    ("sitting_corner", "parent_view", None),  # seed 000: zithoeken
    ("sleeping_room", "parent_view", "area_not_for_parent_view"),
    ("changing_area", "parent_view", "area_not_for_parent_view"),
    ("toilet", "parent_view", "area_not_for_parent_view"),
    ("entrance", "parent_view", "area_not_for_parent_view"),
    ("outside", "parent_view", "area_not_for_parent_view"),
    ("entrance", "security_recording", None),  # seed 003 art. 4: toegang, inkomhal
    ("outside", "security_recording", None),  # seed 003 art. 4: toegang langs de tuin
    ("play_area", "security_recording", "area_not_for_security"),
    ("sleeping_room", "security_recording", "area_not_for_security"),
    ("play_area", "something", "unknown_purpose"),
])
def test_purpose_by_area(area, purpose, refusal):
    assert rules.purpose_refusal(area, purpose) == refusal


@pytest.mark.parametrize("area", ["sleeping_room", "changing_area"])
def test_the_service_refuses_parent_view_of_a_sleeping_room_or_changing_area(world, db, area):
    from tenants.groups.models import Group
    from tenants.webcams import services

    with in_schema(world.a):
        group = Group.objects.create(name="Slaapgroep", kind="stamgroep")
        with pytest.raises(ValidationError) as refused:
            services.save_camera(name="Bedjes", area=area, purpose="parent_view", group=group)
    assert "purpose" in refused.value.message_dict


def test_the_page_and_the_api_refuse_it_too(world, client_for, api):
    from tenants.groups.models import Group

    with in_schema(world.a):
        group = Group.objects.create(name="Slaapgroep", kind="stamgroep")
    page = client_for(world.a.entrepreneur, world.a).post("/webcams/cameras/new/", {
        "name": "Bedjes", "area": "sleeping_room", "purpose": "parent_view", "group": group.pk, "max_viewers": 10})
    assert page.status_code == 400 and "Parents may only look at a play area" in page.content.decode()
    response = api(world.a.entrepreneur, world.a).post("/api/v1/cameras/", {
        "name": "Verschonen", "area": "changing_area", "purpose": "parent_view", "group": group.pk})
    assert response.status_code == 400 and "purpose" in response.json()
    with in_schema(world.a):
        from tenants.webcams.models import Camera

        assert not Camera.objects.filter(name__in=["Bedjes", "Verschonen"]).exists()


def test_a_parent_camera_needs_its_group_and_the_address_is_stored_encrypted(world, db):
    from django.db import connection

    from tenants.webcams import services

    with in_schema(world.a):
        with pytest.raises(ValidationError) as refused:
            services.save_camera(name="Speelhoek", area="play_area", purpose="parent_view", group=None)
        assert "group" in refused.value.message_dict
        camera = services.save_camera(name="Voordeur", area="entrance", purpose="security_recording",
                                      source="rtsp://admin:geheim@10.0.0.5/stream1")
        with connection.cursor() as cursor:
            cursor.execute("SELECT source FROM webcams_camera WHERE id = %s", [camera.pk])
            stored = cursor.fetchone()[0]
        assert "geheim" not in stored and stored.startswith("gAAAA")
        from tenants.webcams.models import Camera

        assert Camera.objects.get(pk=camera.pk).source == "rtsp://admin:geheim@10.0.0.5/stream1"
        with pytest.raises(ValidationError) as bad:
            services.save_camera(name="X", area="entrance", purpose="security_recording", source="ftp://x")
        assert "source" in bad.value.message_dict
