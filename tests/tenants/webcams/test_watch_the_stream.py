"""A parent watches a camera's live stream through the product (issue 18 point 4): the player's start, the
playlist rewritten with fresh tokens and re-checked at every fetch, the segments only with a token of this
session, a bare 403 for everybody else, nothing cached, and every view in the log."""
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from tests.tenants.conftest import in_schema
from tests.tenants.webcams.conftest import AFTER_WINDOW, IN_WINDOW, check_in

PLAYLIST = "#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:5\n" \
           "#EXTINF:1.000000,\nseg5.ts\n#EXTINF:1.000000,\nseg6.ts\n"


@pytest.fixture
def stream(world, cams, read_protocol, settings, tmp_path, monkeypatch):
    """A's parent may watch now: protocol read, child checked in, the clock in the window; ffmpeg's output faked."""
    settings.WEBCAMS_STREAM_ROOT = tmp_path
    monkeypatch.setattr(timezone, "now", lambda: IN_WINDOW)
    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    folder = tmp_path / world.a.location.schema_name / str(cams.camera.pk)
    folder.mkdir(parents=True)
    (folder / "live.m3u8").write_text(PLAYLIST)
    (folder / "seg5.ts").write_bytes(b"G" * 188)
    (folder / "seg6.ts").write_bytes(b"G" * 188)
    return cams.camera


def start(client, camera):
    return client.get(f"/webcams/stream/{camera.pk}/")


def playlist_url(client, camera):
    answer = start(client, camera)
    assert answer.status_code == 200 and answer.json()["state"] == "live", answer.content
    return answer.json()["playlist"]


def token_of(url):
    return parse_qs(urlsplit(url).query)["t"][0]


def views(site, camera):
    from tenants.webcams.models import ViewLog

    with in_schema(site):
        return list(ViewLog.objects.filter(camera=camera).values("viewer_id", "ended_at"))


def test_the_parent_gets_the_playlist_with_fresh_tokens_and_the_segments(world, stream, client_for):
    parent = client_for(world.a.parent, world.a)
    url = playlist_url(parent, stream)
    assert url.startswith(f"/webcams/stream/{stream.pk}/live.m3u8?t=")
    answer = parent.get(url)
    assert answer.status_code == 200 and answer["Content-Type"] == "application/vnd.apple.mpegurl"
    assert "no-store" in answer["Cache-Control"]
    segments = [line for line in answer.content.decode().splitlines() if line.startswith("seg")]
    assert [line.split("?")[0] for line in segments] == ["seg5.ts", "seg6.ts"]
    fresh = token_of(segments[0])
    segment = parent.get(f"/webcams/stream/{stream.pk}/{segments[0]}")
    assert segment.status_code == 200 and b"".join(segment.streaming_content) == b"G" * 188
    assert "no-store" in segment["Cache-Control"]
    # the playlist is asked again with the newest token, and so on
    assert parent.get(f"/webcams/stream/{stream.pk}/live.m3u8?t={fresh}").status_code == 200
    assert views(world.a, stream) == [{"viewer_id": world.a.parent.pk, "ended_at": None}]

    assert parent.post(f"/webcams/stream/{stream.pk}/end/?t={fresh}").status_code == 204
    assert views(world.a, stream)[0]["ended_at"] is not None


def test_a_copied_link_fails_in_another_session(world, stream, client_for):
    url = playlist_url(client_for(world.a.parent, world.a), stream)
    segment = f"/webcams/stream/{stream.pk}/seg5.ts?t={token_of(url)}"
    for other in (client_for(world.a.parent, world.a), client_for(None, world.a),
                  client_for(world.a.staff, world.a)):
        for address in (url, segment):
            answer = other.get(address)
            assert (answer.status_code, answer.content) == (403, b""), address


def test_a_token_of_one_location_fails_at_another(world, stream, client_for):
    parent = client_for(world.a.parent, world.a)
    token = token_of(playlist_url(parent, stream))
    parent.defaults["HTTP_HOST"] = world.b.host
    answer = parent.get(f"/webcams/stream/{stream.pk}/seg5.ts?t={token}")
    assert answer.status_code in (403, 404) and answer.content == b""


def test_a_paused_camera_refuses_the_next_playlist_and_tells_the_player(world, stream, client_for):
    from tenants.webcams import services

    parent = client_for(world.a.parent, world.a)
    url = playlist_url(parent, stream)
    with in_schema(world.a):
        services.pause_camera(camera=stream, by=world.a.staff, minutes=5, at=IN_WINDOW)
    assert (parent.get(url).status_code, parent.get(url).content) == (403, b"")
    assert start(parent, stream).json() == {"state": "paused"}


def test_at_the_end_of_the_window_the_stream_stops(world, stream, client_for, monkeypatch):
    parent = client_for(world.a.parent, world.a)
    url = playlist_url(parent, stream)
    monkeypatch.setattr(timezone, "now", lambda: AFTER_WINDOW)
    assert parent.get(url).status_code == 403
    assert start(parent, stream).json() == {"state": "not_live"}


def test_a_full_camera_lets_no_more_viewers_in(world, stream, client_for):
    from tenants.webcams.models import Camera, ViewLog

    with in_schema(world.a):
        Camera.objects.filter(pk=stream.pk).update(max_viewers=1)
        ViewLog.objects.create(camera=stream, viewer_key="user:999999", started_at=IN_WINDOW, last_seen_at=IN_WINDOW)
    assert start(client_for(world.a.parent, world.a), stream).json() == {"state": "full"}


@pytest.mark.parametrize("who", ["adviser", "pedagogue", "coop_admin", "staff", "entrepreneur", "other parent",
                                 "nobody"])
def test_nobody_else_gets_anything(world, stream, client_for, who):
    users = {"other parent": world.b.parent, "nobody": None, "staff": world.a.staff,
             "entrepreneur": world.a.entrepreneur}
    user = users[who] if who in users else getattr(world, who)
    answer = start(client_for(user, world.a), stream)
    assert answer.status_code in (302, 403) and (answer.status_code == 302 or answer.content == b"")
    playlist = client_for(user, world.a).get(f"/webcams/stream/{stream.pk}/live.m3u8?t=x")
    assert playlist.status_code in (302, 403)


def test_a_segment_needs_a_token_and_one_of_ffmpegs_names(world, stream, client_for):
    parent = client_for(world.a.parent, world.a)
    token = token_of(playlist_url(parent, stream))
    assert parent.get(f"/webcams/stream/{stream.pk}/seg5.ts").status_code == 403
    assert parent.get(f"/webcams/stream/{stream.pk}/live.m3u8").status_code == 403
    assert parent.get(f"/webcams/stream/{stream.pk}/seg99.ts?t={token}").status_code == 404
    assert parent.get(f"/webcams/stream/{stream.pk}/..%2Fseg5.ts?t={token}").status_code == 404
    assert parent.post(f"/webcams/stream/{stream.pk}/end/").status_code == 403
