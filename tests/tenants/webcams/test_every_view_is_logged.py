"""Issue 18 point 7: every view is recorded (who, camera, from-to); a parent sees their own views; the
entrepreneur sees viewing figures per camera (no names)."""
from datetime import timedelta

from django.utils import timezone

from tests.tenants.conftest import in_schema
from tests.tenants.webcams.conftest import IN_WINDOW, check_in


def test_a_view_is_logged_from_start_to_end_and_kept_open_by_refreshes(world, cams, read_protocol):
    from tenants.webcams import services
    from tenants.webcams.access import watchable_camera
    from tenants.webcams.models import ViewLog

    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    with in_schema(world.a):
        watch = watchable_camera(world.a.parent, cams.camera.pk, at=IN_WINDOW)
        first = services.record_view_start(watch, at=IN_WINDOW)
        again = services.record_view_start(watch, at=IN_WINDOW + timedelta(seconds=30))
        assert again.pk == first.pk
        services.record_view_end(watch, at=IN_WINDOW + timedelta(minutes=5))
        log = ViewLog.objects.get()
    assert (log.viewer_id, log.camera_id, log.started_at, log.ended_at) == (
        world.a.parent.pk, cams.camera.pk, IN_WINDOW, IN_WINDOW + timedelta(minutes=5))


def test_a_view_whose_browser_left_ends_at_its_last_sign_of_life(world, cams):
    from tenants.webcams import services
    from tenants.webcams.access import Watch
    from tenants.webcams.models import ViewLog

    with in_schema(world.a):
        watch = Watch(cams.camera, IN_WINDOW, f"user:{world.a.parent.pk}", world.a.parent.pk)
        services.record_view_start(watch, at=IN_WINDOW)
        services.record_view_start(watch, at=IN_WINDOW + timedelta(seconds=40))
        assert services.close_stale_views(at=IN_WINDOW + timedelta(minutes=10)) == 1
        assert ViewLog.objects.get().ended_at == IN_WINDOW + timedelta(seconds=40)
        # A later refresh starts a new view.
        services.record_view_start(watch, at=IN_WINDOW + timedelta(minutes=11))
        assert ViewLog.objects.count() == 2


def test_the_parent_sees_own_views_and_the_entrepreneur_the_figures(world, cams, client_for):
    from tenants.webcams import services
    from tenants.webcams.access import Watch

    now = timezone.now()
    with in_schema(world.a):
        for user in (world.a.parent, world.two_location_parent):
            services.record_view_start(Watch(cams.camera, now, f"user:{user.pk}", user.pk), at=now)
    mine = client_for(world.a.parent, world.a).get("/webcams/mine/").content.decode()
    assert "Speelhoek" in mine and mine.count("<tr>") == 2  # heading + own view only
    manage = client_for(world.a.entrepreneur, world.a).get("/webcams/manage/").content.decode()
    assert "Speelhoek" in manage and "<td>2</td><td>2</td><td>2 / 10</td>" in manage
    assert world.a.parent.full_name not in manage
