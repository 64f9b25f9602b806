"""Who may watch a parent-view camera (issue 18 point 3; seed 000: only parents, at set times, no uninvited
viewers): a guardian of a child present today in the camera's group, during a live window, camera not paused,
under the viewer limit. Everyone else gets nothing."""
import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.tenants.conftest import in_schema
from tests.tenants.webcams.conftest import AFTER_WINDOW, IN_WINDOW, check_in


def watch(site, user, camera, at=IN_WINDOW):
    from tenants.webcams.access import watchable_camera

    with in_schema(site):
        return watchable_camera(user, camera.pk, at=at)


def test_parent_of_a_checked_in_child_in_the_window_may_watch(world, cams, read_protocol):
    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    found = watch(world.a, world.a.parent, cams.camera)
    assert found.camera.pk == cams.camera.pk
    assert found.viewer_key == f"user:{world.a.parent.pk}"
    assert found.window_end.hour == 11 and found.window_end.minute == 30


def test_after_the_window_no(world, cams, read_protocol):
    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    with pytest.raises(PermissionDenied) as refused:
        watch(world.a, world.a.parent, cams.camera, at=AFTER_WINDOW)
    assert refused.value.reason == "outside_window"


def test_a_child_absent_today_no(world, cams, read_protocol):
    read_protocol(world.a.parent)
    with pytest.raises(PermissionDenied) as refused:
        watch(world.a, world.a.parent, cams.camera)
    assert refused.value.reason == "not_checked_in"


def test_a_parent_of_another_group_no(world, cams, read_protocol):
    from tenants.children.models import Child

    read_protocol(world.two_location_parent)
    with in_schema(world.a):
        mila = Child.objects.get(first_name="Mila")
        Child.objects.filter(pk=mila.pk).update(group=cams.other_group)
    check_in(world.a, mila.pk)
    with pytest.raises(Http404):
        watch(world.a, world.two_location_parent, cams.camera)


@pytest.mark.parametrize("who", ["adviser", "pedagogue", "coop_admin", "staff", "entrepreneur"])
def test_nobody_but_parents(world, cams, who):
    check_in(world.a, world.a.child_id)
    user = getattr(world, who, None) or getattr(world.a, who)
    with pytest.raises(Http404):
        watch(world.a, user, cams.camera)


def test_a_parent_of_another_location_no(world, cams):
    check_in(world.a, world.a.child_id)
    with pytest.raises(Http404):
        watch(world.a, world.b.parent, cams.camera)


def test_a_removed_guardian_no(world, cams, read_protocol):
    from tenants.children.models import Child

    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    with in_schema(world.a):
        Child.objects.get(pk=world.a.child_id).guardians.remove(world.a.parent)
    with pytest.raises(Http404):
        watch(world.a, world.a.parent, cams.camera)


def test_a_paused_camera_no(world, cams, read_protocol):
    from tenants.webcams import services

    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    with in_schema(world.a):
        services.pause_camera(camera=cams.camera, by=world.a.staff, minutes=15, at=IN_WINDOW)
    with pytest.raises(PermissionDenied) as refused:
        watch(world.a, world.a.parent, cams.camera)
    assert refused.value.reason == "paused"


def test_a_security_camera_is_never_for_parents(world, cams, read_protocol):
    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    with pytest.raises(Http404):
        watch(world.a, world.a.parent, cams.security)


def test_not_before_the_protocol_is_read(world, cams):
    check_in(world.a, world.a.child_id)
    with pytest.raises(PermissionDenied) as refused:
        watch(world.a, world.a.parent, cams.camera)
    assert refused.value.reason == "protocol_not_read"


def test_the_viewer_limit(world, cams, read_protocol):
    from tenants.webcams import services
    from tenants.webcams.access import Watch

    read_protocol(world.a.parent)
    check_in(world.a, world.a.child_id)
    with in_schema(world.a):
        cams.camera.max_viewers = 1
        cams.camera.save()
        services.record_view_start(Watch(cams.camera, IN_WINDOW, "user:999999", 999999), at=IN_WINDOW)
    with pytest.raises(PermissionDenied) as refused:
        watch(world.a, world.a.parent, cams.camera)
    assert refused.value.reason == "full"


def test_live_cameras_for_the_media_supervisor(world, cams):
    from tenants.webcams.access import live_cameras

    with in_schema(world.a):
        assert [c.pk for c in live_cameras(IN_WINDOW)] == [cams.camera.pk]
        assert live_cameras(AFTER_WINDOW) == []
