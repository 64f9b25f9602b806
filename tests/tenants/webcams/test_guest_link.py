"""A parent invites a grandparent for one window (issue 18 point 3; seed 000: "ouders die opa en oma trots laten
zien"): a personal link, opened once in one browser, expiring at the end of the window, only where the location
allows it; the grandparent watches only while the parent's child is present."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from tests.tenants.conftest import in_schema
from tests.tenants.webcams.conftest import AFTER_WINDOW, IN_WINDOW, check_in


@pytest.fixture
def allowed(world, cams):
    from tenants.webcams import services

    with in_schema(world.a):
        services.update_settings(guest_invites_allowed=True, retention_days=30)


def invite(world, cams, at=IN_WINDOW):
    from tenants.webcams import services

    with in_schema(world.a):
        return services.invite_guest(parent=world.a.parent, camera=cams.camera, guest_name="Oma Ans", at=at)


def at(monkeypatch, moment):
    monkeypatch.setattr("tenants.webcams.views.now", lambda: moment)
    monkeypatch.setattr("tenants.webcams.services.timezone.now", lambda: moment)


def test_not_where_the_location_does_not_allow_it(world, cams):
    with pytest.raises(ValidationError) as refused:
        invite(world, cams)
    assert "camera" in refused.value.message_dict


def test_the_link_expires_at_the_end_of_the_window(world, cams, allowed):
    found, token = invite(world, cams)
    assert found.expires_at == IN_WINDOW.replace(hour=11, minute=30)
    # Made after the morning window: for the afternoon one.
    later, _token = invite(world, cams, at=AFTER_WINDOW)
    assert (later.starts_at.hour, later.expires_at.hour, later.expires_at.minute) == (15, 16, 30)
    assert len(token) >= 30 and token not in found.token_hash


def test_single_use_in_one_browser(world, cams, allowed, monkeypatch):
    check_in(world.a, world.a.child_id)
    _invite, token = invite(world, cams)
    at(monkeypatch, IN_WINDOW)
    grandma = Client(HTTP_HOST=world.a.host)
    first = grandma.get(f"/webcams/guest/{token}/")
    assert first.status_code == 200 and "webcam-player" not in first.content.decode()
    grandma.post(f"/webcams/guest/{token}/", {"read": "yes"})
    page = grandma.get(f"/webcams/guest/{token}/").content.decode()
    assert f'<div class="webcam-player" data-camera="{cams.camera.pk}"></div>' in page
    # The same link in another browser: refused.
    other = Client(HTTP_HOST=world.a.host)
    assert other.get(f"/webcams/guest/{token}/").status_code == 403
    other.post(f"/webcams/guest/{token}/", {"read": "yes"})
    assert "webcam-player" not in other.get(f"/webcams/guest/{token}/").content.decode()


def test_the_guest_watches_through_the_access_check_and_not_after_the_window(world, cams, allowed, monkeypatch):
    from django.http import Http404

    from tenants.webcams.access import GUEST_SESSION_KEY, watchable_camera

    check_in(world.a, world.a.child_id)
    _invite, token = invite(world, cams)
    at(monkeypatch, IN_WINDOW)
    grandma = Client(HTTP_HOST=world.a.host)
    grandma.post(f"/webcams/guest/{token}/", {"read": "yes"})
    secret = grandma.session[GUEST_SESSION_KEY]
    with in_schema(world.a):
        found = watchable_camera(None, cams.camera.pk, at=IN_WINDOW, guest_token=secret)
        assert found.viewer_key.startswith("guest:") and found.window_end == IN_WINDOW.replace(hour=11, minute=30)
        with pytest.raises(Http404):  # the link's token itself is no watching key
            watchable_camera(None, cams.camera.pk, at=IN_WINDOW, guest_token=token)
        with pytest.raises(Http404):  # expired at the end of its window
            watchable_camera(None, cams.camera.pk, at=AFTER_WINDOW, guest_token=secret)
        with pytest.raises(Http404):  # another camera
            watchable_camera(None, cams.security.pk, at=IN_WINDOW, guest_token=secret)
    at(monkeypatch, AFTER_WINDOW)
    assert grandma.get(f"/webcams/guest/{token}/").status_code == 403


def test_not_when_the_child_is_not_present_or_the_link_is_withdrawn(world, cams, allowed, monkeypatch):
    from django.core.exceptions import PermissionDenied

    from tenants.webcams import services
    from tenants.webcams.access import GUEST_SESSION_KEY, watchable_camera

    found, token = invite(world, cams)
    at(monkeypatch, IN_WINDOW)
    grandma = Client(HTTP_HOST=world.a.host)
    grandma.post(f"/webcams/guest/{token}/", {"read": "yes"})
    secret = grandma.session[GUEST_SESSION_KEY]
    with in_schema(world.a):
        with pytest.raises(PermissionDenied) as refused:
            watchable_camera(None, cams.camera.pk, at=IN_WINDOW, guest_token=secret)
        assert refused.value.reason == "not_checked_in"
        services.revoke_invite(invite=found, at=IN_WINDOW - timedelta(minutes=1))
    assert grandma.get(f"/webcams/guest/{token}/").status_code == 403


def test_an_unknown_link_is_refused(world, cams):
    response = Client(HTTP_HOST=world.a.host).get("/webcams/guest/nonsense/")
    assert response.status_code == 403 and "webcam-player" not in response.content.decode()


def test_the_parent_makes_and_sees_the_link_on_the_page(world, cams, allowed, client_for, monkeypatch):
    at(monkeypatch, IN_WINDOW)
    client = client_for(world.a.parent, world.a)
    page = client.post("/webcams/mine/", {"camera": cams.camera.pk, "guest_name": "Opa Wim"})
    assert page.status_code == 200 and "/webcams/guest/" in page.content.decode()
    assert "Opa Wim" in page.content.decode()
    bad = client.post("/webcams/mine/", {"camera": cams.camera.pk, "guest_name": ""})
    assert bad.status_code == 400
