"""A camera world at location A: the Test group with A's child in it, open Monday to Friday 07:30-18:30, a
play-area camera live 10:00-11:30 and 15:00-16:30, and a fixed moment inside the first window (a Wednesday in
the location's time zone), so nothing depends on the hour the tests run."""
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from tests.tenants.conftest import in_schema

AMS = ZoneInfo("Europe/Amsterdam")
#: A Wednesday, no public holiday; 10:30 is inside the 10:00-11:30 window.
IN_WINDOW = datetime(2026, 12, 9, 10, 30, tzinfo=AMS)
AFTER_WINDOW = datetime(2026, 12, 9, 11, 45, tzinfo=AMS)


@dataclass
class Cams:
    group: object
    other_group: object
    camera: object
    security: object


def check_in(site, child_id, at=IN_WINDOW, group=None):
    from tenants.attendance.models import AttendanceRecord

    with in_schema(site):
        return AttendanceRecord.objects.create(child_id=child_id, group=group, date=at.date(),
                                               check_in=at.replace(hour=8, minute=0), registered_at=at)


def make_cameras(site):
    from tenants.calendar.services import set_opening_hours
    from tenants.children.models import Child
    from tenants.groups.models import Group
    from tenants.webcams import services

    with in_schema(site):
        for weekday in range(5):
            set_opening_hours(weekday=weekday, opens=time(7, 30), closes=time(18, 30))
        group, _ = Group.objects.get_or_create(name="Dolfijnen", defaults={"kind": "stamgroep"})
        other, _ = Group.objects.get_or_create(name="Vlinders", defaults={"kind": "stamgroep"})
        Child.objects.filter(pk=site.child_id).update(group=group)
        camera = services.save_camera(name="Speelhoek", area="play_area", purpose="parent_view", group=group,
                                      source="testsrc://")
        for weekday in range(5):
            services.add_window(camera=camera, weekday=weekday, start=time(10), end=time(11, 30))
            services.add_window(camera=camera, weekday=weekday, start=time(15), end=time(16, 30))
        security = services.save_camera(name="Voordeur", area="entrance", purpose="security_recording",
                                        source="rtsp://cam.local/1")
        return Cams(group, other, camera, security)


@pytest.fixture
def cams(world, db):
    return make_cameras(world.a)


@pytest.fixture
def read_protocol(world, db):
    from tenants.webcams import services

    def read(user, site=None):
        with in_schema(site or world.a):
            services.acknowledge_protocol(user=user)
    return read


@pytest.fixture
def private_media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    from django.utils.functional import empty

    from tenants.handover.models import private_storage

    private_storage._wrapped = empty
    yield tmp_path
    private_storage._wrapped = empty


def make_recording(site, camera, *, ended_at, content=b"\x00\x00\x00\x18ftypmp42 recording"):
    """A recording file in the private storage and its reference."""
    from django.core.files.base import ContentFile

    from tenants.webcams import services

    with in_schema(site):
        return services.register_recording(camera=camera, content=ContentFile(content, name="rec.mp4"),
                                           started_at=ended_at.replace(minute=0), ended_at=ended_at)
