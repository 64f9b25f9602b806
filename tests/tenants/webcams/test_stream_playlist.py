"""The playlist the viewer gets is ffmpeg's, with a fresh token on every segment and nothing else in it."""
from tenants.webcams.stream import media

FFMPEG_PLAYLIST = """#EXTM3U
#EXT-X-VERSION:6
#EXT-X-TARGETDURATION:1
#EXT-X-MEDIA-SEQUENCE:7
#EXT-X-INDEPENDENT-SEGMENTS
#EXTINF:1.000000,
seg7.ts
#EXTINF:1.000000,
/var/webcams/kikker/3/seg8.ts
#EXTINF:1.000000,
http://elsewhere.example/evil.ts
"""


def test_each_segment_gets_the_fresh_token():
    text = media.rewrite_playlist(FFMPEG_PLAYLIST, lambda name: f"{name}?t=TOKEN")
    lines = text.splitlines()
    assert "seg7.ts?t=TOKEN" in lines and "seg8.ts?t=TOKEN" in lines
    assert "#EXT-X-MEDIA-SEQUENCE:7" in lines and lines[0] == "#EXTM3U"


def test_no_folder_and_no_other_address_reaches_the_viewer():
    text = media.rewrite_playlist(FFMPEG_PLAYLIST, lambda name: f"{name}?t=TOKEN")
    assert "/var/" not in text and "elsewhere" not in text and "evil" not in text


def test_segment_names_are_ffmpegs_own():
    assert media.SEGMENT_NAME.match("seg12.ts")
    for name in ("../seg1.ts", "seg1.ts.tmp", "live.m3u8", "seg.ts", "seg1.mp4"):
        assert not media.SEGMENT_NAME.match(name), name
