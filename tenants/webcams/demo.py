"""The demo's webcams: at KDV Kikker two cameras parents may look in on (play area and eating corner of the
day-care group), live 10:00-11:30 and 15:00-16:30 on its opening days, and a security camera at the entrance.
Their source is `testsrc://`, the media process's test picture with a clock, so the demo runs on a laptop."""
from datetime import time

from django_tenants.utils import schema_context

TEST_SOURCE = "testsrc://"
WINDOWS = ((time(10, 0), time(11, 30)), (time(15, 0), time(16, 30)))


def seed_webcams(location) -> None:
    from tenants.calendar import selectors as calendar
    from tenants.groups.models import Group
    from tenants.webcams import services
    from tenants.webcams.models import Camera

    with schema_context(location.schema_name):
        if Camera.objects.exists():
            return
        group = Group.objects.filter(kind=Group.Kind.STAMGROEP).order_by("pk").first()
        services.update_settings(guest_invites_allowed=True, retention_days=30)
        for name, area in (("Speelhoek", "play_area"), ("Eethoek", "eating_corner")):
            camera = services.save_camera(name=name, area=area, purpose="parent_view", group=group,
                                          source=TEST_SOURCE, max_viewers=10)
            for weekday in sorted(calendar.weekly_opening_hours()):
                for start, end in WINDOWS:
                    services.add_window(camera=camera, weekday=weekday, start=start, end=end)
        services.save_camera(name="Voordeur", area="entrance", purpose="security_recording", source=TEST_SOURCE)
