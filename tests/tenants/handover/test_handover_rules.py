"""Handover rules (tenants.handover.rules): sleep times, photo checks, image sniffing."""
from datetime import time

import pytest

from tenants.handover import rules


@pytest.mark.parametrize("text, naps, errors", [
    ("", [], []),
    ("12:30-14:00", [(time(12, 30), time(14, 0))], []),
    ("15.15 - 15.45, 9:00-9:30", [(time(9, 0), time(9, 30)), (time(15, 15), time(15, 45))], []),
    ("12:30-12:00", [], ["A nap ends after it starts."]),
    ("12:00-13:00, 12:30-14:00", [], ["Two naps overlap."]),
    ("middag", [], ["Write sleep times as 12:30-14:00, separated by commas."]),
    ("25:00-26:00", [], ["Write sleep times as 12:30-14:00, separated by commas."]),
])
def test_parse_naps(text, naps, errors):
    parsed, found = rules.parse_naps(text)
    assert [(n.start, n.end) for n in parsed] == naps
    assert found == errors


@pytest.mark.parametrize("content_type, size, existing, errors", [
    ("image/png", 1000, 0, []),
    ("image/gif", 1000, 0, ["Only JPEG, PNG or WebP photos."]),
    ("image/jpeg", 6 * 1024 * 1024, 0, ["A photo may be at most 5 MB."]),
    ("image/webp", 10, 6, ["At most 6 photos per handover."]),
])
def test_photo_errors(content_type, size, existing, errors):
    assert rules.photo_errors(content_type, size, existing) == errors


@pytest.mark.parametrize("head, kind", [
    (b"\xff\xd8\xff\xe0rest", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\nrest", "image/png"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8", "image/webp"),
    (b"<svg xmlns=", None),
])
def test_sniff_image_type(head, kind):
    assert rules.sniff_image_type(head) == kind


def test_naps_round_trip_through_json():
    naps, _ = rules.parse_naps("12:30-14:00")
    assert rules.naps_text(rules.naps_to_json(naps)) == "12:30-14:00"
    assert rules.naps_from_json(rules.naps_to_json(naps))[0].minutes == 90
