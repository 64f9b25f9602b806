"""The demo's Kikker gets two parent-view cameras (play area, eating corner) live 10:00-11:30 and 15:00-16:30 on
its opening days and a security camera at the entrance, all on the media process's test picture."""
from datetime import time

from tests.tenants.conftest import in_schema


def test_seed_webcams(world, db):
    from tenants.calendar.services import set_opening_hours
    from tenants.groups.models import Group
    from tenants.webcams.demo import seed_webcams
    from tenants.webcams.models import Camera

    with in_schema(world.a):
        for weekday in range(5):
            set_opening_hours(weekday=weekday, opens=time(7, 30), closes=time(18, 30))
        Group.objects.get_or_create(name="Dolfijnen", defaults={"kind": "stamgroep"})
    seed_webcams(world.a.location)
    seed_webcams(world.a.location)  # twice: nothing doubles
    with in_schema(world.a):
        cameras = {c.name: c for c in Camera.objects.prefetch_related("windows")}
        assert set(cameras) == {"Speelhoek", "Eethoek", "Voordeur"}
        assert {c.source for c in cameras.values()} == {"testsrc://"}
        assert cameras["Voordeur"].purpose == "security_recording" and cameras["Voordeur"].area == "entrance"
        windows = {(w.weekday, w.start, w.end) for w in cameras["Speelhoek"].windows.all()}
        assert windows == {(d, s, e) for d in range(5) for s, e in ((time(10), time(11, 30)),
                                                                    (time(15), time(16, 30)))}
