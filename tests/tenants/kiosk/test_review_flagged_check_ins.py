"""The entrepreneur reviews the flagged check-ins (out of hours, not planned, the ratio broken) with the reason and
who confirmed it, and marks them as seen; `selectors.flags_to_review` is what a start page shows. Staff, parents
and another location cannot."""
from tenants.kiosk import selectors, services
from tenants.kiosk.models import CheckInFlag
from tests.tenants.kiosk.conftest import at


def flag_one(world, kiosk):
    from tenants.children.models import Child

    with at(world.a):
        child = Child.objects.get(pk=world.a.child_id)
        done = services.check_in(child, by=world.a.staff, reason="Oma is ziek", device=kiosk.device, now=kiosk.now)
    return done.flag


def test_the_entrepreneur_sees_the_flag_and_marks_it_seen(world, kiosk, client_for):
    flag = flag_one(world, kiosk)
    with at(world.a):
        assert list(selectors.flags_to_review()) == [flag]
    client = client_for(world.a.entrepreneur, world.a)
    assert "1 flagged check-in to review" in client.get("/attendance/kiosk/").content.decode()
    html = client.get("/attendance/kiosk/flags/").content.decode()
    assert "Saartje Verbeek" in html and "not planned today" in html and "Oma is ziek" in html
    assert "Staff alpha" in html and "Tablet hal" in html
    assert client.post(f"/attendance/kiosk/flags/{flag.pk}/seen/").status_code == 302
    with at(world.a):
        seen = CheckInFlag.objects.get(pk=flag.pk)
        assert seen.handled_by_id == world.a.entrepreneur.pk and list(selectors.flags_to_review()) == []
    html = client.get("/attendance/kiosk/flags/").content.decode()
    assert "Nothing to review." in html and "Oma is ziek" in html


def test_staff_and_parents_cannot_review_flags(world, kiosk, client_for):
    flag = flag_one(world, kiosk)
    for user in (world.a.staff, world.a.parent):
        client = client_for(user, world.a)
        assert client.get("/attendance/kiosk/flags/").status_code == 403
        assert client.post(f"/attendance/kiosk/flags/{flag.pk}/seen/").status_code == 403
    with at(world.a):
        assert CheckInFlag.objects.get(pk=flag.pk).handled_at is None


def test_another_location_cannot_see_or_mark_a_s_flags(world, kiosk, client_for):
    flag = flag_one(world, kiosk)
    assert client_for(world.b.entrepreneur, world.a).get("/attendance/kiosk/flags/").status_code == 403
    own = client_for(world.b.entrepreneur, world.b)
    assert "Saartje" not in own.get("/attendance/kiosk/flags/").content.decode()
    assert own.post(f"/attendance/kiosk/flags/{flag.pk}/seen/").status_code == 404
    assert own.post("/attendance/kiosk/flags/abc/seen/").status_code == 404
    with at(world.a):
        assert CheckInFlag.objects.get(pk=flag.pk).handled_at is None


def test_the_entrepreneur_s_start_page_links_to_the_flags_to_review(world, kiosk, client_for):
    client = client_for(world.a.entrepreneur, world.a)
    assert "/attendance/kiosk/flags/" not in client.get("/").content.decode()
    flag_one(world, kiosk)
    html = client.get("/").content.decode()
    assert "1 flagged check-in to review" in html and 'href="/attendance/kiosk/flags/"' in html
    assert "flagged check-in" not in client_for(world.a.staff, world.a).get("/").content.decode()
