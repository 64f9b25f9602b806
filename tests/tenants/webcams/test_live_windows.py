"""Live windows (issue 18 point 2; seed 000: "op gezette tijden live"): within the day's opening hours, never on a
weekday the location is closed nor on a closed day (a public holiday or closing period), start inclusive, end
exclusive."""
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from tenants.webcams import rules
from tests.tenants.conftest import in_schema

AMS = ZoneInfo("Europe/Amsterdam")
WINDOWS = [rules.Window(2, time(10), time(11, 30)), rules.Window(2, time(15), time(16, 30))]


@pytest.mark.parametrize(("moment", "open_today", "live"), [
    (datetime(2026, 12, 9, 9, 59, tzinfo=AMS), True, False),
    (datetime(2026, 12, 9, 10, 0, tzinfo=AMS), True, True),  # start inclusive
    (datetime(2026, 12, 9, 11, 29, tzinfo=AMS), True, True),
    (datetime(2026, 12, 9, 11, 30, tzinfo=AMS), True, False),  # end exclusive
    (datetime(2026, 12, 9, 15, 30, tzinfo=AMS), True, True),
    (datetime(2026, 12, 9, 10, 30, tzinfo=AMS), False, False),  # closed day: never live
    (datetime(2026, 12, 10, 10, 30, tzinfo=AMS), True, False),  # another weekday
])
def test_open_window(moment, open_today, live):
    assert (rules.open_window(WINDOWS, moment, open_today=open_today) is not None) is live


@pytest.mark.parametrize(("start", "end", "opening", "refusal"), [
    (time(10), time(11, 30), (time(7, 30), time(18, 30)), None),
    (time(11), time(10), (time(7, 30), time(18, 30)), "end_before_start"),
    (time(10), time(11), None, "closed_weekday"),
    (time(7), time(8), (time(7, 30), time(18, 30)), "outside_opening_hours"),
    (time(18), time(19), (time(7, 30), time(18, 30)), "outside_opening_hours"),
])
def test_window_refusal(start, end, opening, refusal):
    assert rules.window_refusal(start, end, opening) == refusal


def test_no_window_on_a_closed_weekday_or_overlapping(world, cams):
    from tenants.webcams import services

    with in_schema(world.a):
        with pytest.raises(ValidationError) as saturday:
            services.add_window(camera=cams.camera, weekday=5, start=time(10), end=time(11))
        assert "weekday" in saturday.value.message_dict
        with pytest.raises(ValidationError) as overlap:
            services.add_window(camera=cams.camera, weekday=0, start=time(11), end=time(12))
        assert "start" in overlap.value.message_dict
        with pytest.raises(ValidationError):
            services.add_window(camera=cams.security, weekday=0, start=time(12), end=time(13))


def test_not_live_on_a_public_holiday(world, cams):
    from tenants.webcams.access import live_cameras

    christmas = datetime(2026, 12, 25, 10, 30, tzinfo=AMS)  # a Friday, a public holiday the location closes on
    with in_schema(world.a):
        from tenants.calendar import selectors as calendar

        assert not calendar.is_open(date(2026, 12, 25))
        assert live_cameras(christmas) == []


def test_the_entrepreneur_sets_windows_on_the_page_and_the_api(world, cams, client_for, api):
    client = client_for(world.a.entrepreneur, world.a)
    bad = client.post(f"/webcams/cameras/{cams.camera.pk}/", {"add_window": "1", "weekday": "6", "start": "10:00",
                                                               "end": "11:00"})
    assert bad.status_code == 400 and "closed on that day" in bad.content.decode()
    good = client.post(f"/webcams/cameras/{cams.camera.pk}/", {"add_window": "1", "weekday": "0", "start": "13:00",
                                                                "end": "14:00"})
    assert good.status_code == 302
    response = api(world.a.entrepreneur, world.a).post("/api/v1/camera-windows/", {
        "camera": cams.camera.pk, "weekday": 1, "start": "13:00", "end": "14:00"})
    assert response.status_code == 201, response.content
    refused = api(world.a.entrepreneur, world.a).post("/api/v1/camera-windows/", {
        "camera": cams.camera.pk, "weekday": 1, "start": "14:00", "end": "13:00"})
    assert refused.status_code == 400 and "end" in refused.json()
    assert api(world.a.staff, world.a).post("/api/v1/camera-windows/", {
        "camera": cams.camera.pk, "weekday": 2, "start": "13:00", "end": "14:00"}).status_code == 403
