"""A parent opens the live page: first the camera protocol to acknowledge once (issue 18 point 6), then per
camera the player while allowed, "paused for a moment" while paused, or the reason why not."""
from tests.tenants.conftest import in_schema
from tests.tenants.webcams.conftest import AFTER_WINDOW, IN_WINDOW, check_in


def at(monkeypatch, moment):
    monkeypatch.setattr("tenants.webcams.views.now", lambda: moment)


def test_the_protocol_comes_first_and_is_acknowledged_once(world, cams, client_for, monkeypatch):
    at(monkeypatch, IN_WINDOW)
    client = client_for(world.a.parent, world.a)
    page = client.get("/webcams/").content.decode()
    assert "Camera protocol" in page and "webcam-player" not in page and "Voordeur" in page
    assert client.post("/webcams/protocol/read/", {}).status_code == 302
    assert "webcam-player" not in client.get("/webcams/").content.decode()
    client.post("/webcams/protocol/read/", {"read": "yes"})
    page = client.get("/webcams/").content.decode()
    assert "I have read the camera protocol" not in page


def test_in_the_window_with_the_child_present_the_player_is_there(world, cams, client_for, read_protocol, monkeypatch):
    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    at(monkeypatch, IN_WINDOW)
    page = client_for(world.a.parent, world.a).get("/webcams/").content.decode()
    assert f'<div class="webcam-player" data-camera="{cams.camera.pk}"></div>' in page
    assert "Live until 11:30." in page


def test_paused_shows_paused_for_a_moment(world, cams, client_for, read_protocol, monkeypatch):
    from tenants.webcams import services

    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    with in_schema(world.a):
        services.pause_camera(camera=cams.camera, by=world.a.staff, minutes=5, at=IN_WINDOW)
    at(monkeypatch, IN_WINDOW)
    page = client_for(world.a.parent, world.a).get("/webcams/").content.decode()
    assert "paused for a moment" in page and "webcam-player" not in page


def test_the_reason_why_not(world, cams, client_for, read_protocol, monkeypatch):
    read_protocol(world.a.parent)
    at(monkeypatch, IN_WINDOW)
    client = client_for(world.a.parent, world.a)
    assert "Your child is not checked in here right now" in client.get("/webcams/").content.decode()
    check_in(world.a, world.a.child_id)
    at(monkeypatch, AFTER_WINDOW)
    assert "The camera is not live now" in client.get("/webcams/").content.decode()


def test_the_dutch_page_says_even_pauze(world, cams, client_for, read_protocol, monkeypatch):
    from tenants.webcams import services

    read_protocol(world.a.parent)
    world.a.parent.language = "nl"
    world.a.parent.save()
    with in_schema(world.a):
        services.pause_camera(camera=cams.camera, by=world.a.staff, minutes=5, at=IN_WINDOW)
    check_in(world.a, world.a.child_id)
    at(monkeypatch, IN_WINDOW)
    assert "even pauze" in client_for(world.a.parent, world.a).get("/webcams/").content.decode()


def test_the_protocol_is_public(world, cams, client_for):
    page = client_for(None, world.a).get("/webcams/protocol/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Speelhoek" in text and "10:00–11:30" in text and "Niets: de beelden worden niet opgenomen." in text
    assert "30 dagen bewaard" in text


def test_the_house_rules_list_the_camera_protocol(world, cams, client_for):
    from tenants.house_rules import appendices

    assert "/webcams/protocol/" in [link["url"] for link in appendices.links_for({"parent"})]
    page = client_for(world.a.parent, world.a).get("/house-rules/")
    assert page.status_code == 200 and 'href="/webcams/protocol/"' in page.content.decode()
