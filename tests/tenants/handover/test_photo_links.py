"""Acceptance: a photo link of one child cannot be opened by another parent, nor after it expires; photos
are never reachable without a signed link."""
import pytest
from django.core import signing

from tenants.handover import selectors
from tests.tenants.conftest import in_schema


def link_for(world, photo, user):
    with in_schema(world.a):
        return selectors.photo_url(photo, user)


def test_the_childs_parent_opens_the_photo(world, client_for, handover_with_photo):
    _handover, photo = handover_with_photo
    response = client_for(world.a.parent, world.a).get(link_for(world, photo, world.a.parent))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_another_parent_cannot_open_the_link(world, client_for, handover_with_photo):
    _handover, photo = handover_with_photo
    url = link_for(world, photo, world.a.parent)
    assert client_for(world.two_location_parent, world.a).get(url).status_code == 404


def test_another_parent_cannot_use_a_link_made_for_themselves(world, client_for, handover_with_photo):
    """Even a genuinely signed link for the other parent fails: they are not the child's guardian."""
    _handover, photo = handover_with_photo
    url = link_for(world, photo, world.two_location_parent)
    assert client_for(world.two_location_parent, world.a).get(url).status_code == 404


def test_the_link_expires(world, client_for, handover_with_photo, monkeypatch):
    _handover, photo = handover_with_photo
    url = link_for(world, photo, world.a.parent)
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 301)
    assert client_for(world.a.parent, world.a).get(url).status_code == 404


def test_a_link_of_location_a_does_not_open_at_location_b(world, client_for, handover_with_photo):
    _handover, photo = handover_with_photo
    token = link_for(world, photo, world.two_location_parent).rstrip("/").rsplit("/", 1)[-1]
    assert client_for(world.two_location_parent, world.b).get(f"/handover/photos/{token}/").status_code == 404


def test_a_tampered_link_is_refused(world, client_for, handover_with_photo):
    _handover, photo = handover_with_photo
    url = link_for(world, photo, world.a.parent)
    assert client_for(world.a.parent, world.a).get(url[:-3] + "xx/").status_code == 404


def test_the_file_is_stored_outside_any_public_url(world, handover_with_photo):
    _handover, photo = handover_with_photo
    with in_schema(world.a):
        from tenants.handover.models import HandoverPhoto

        stored = HandoverPhoto.objects.get(pk=photo.pk)
        assert "/private/" in stored.file.path
        with pytest.raises(ValueError):
            _ = stored.file.url
