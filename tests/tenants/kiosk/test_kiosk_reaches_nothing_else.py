"""Issue 16, acceptance: a kiosk tablet cannot reach an admin page, nor any page outside the kiosk (menu, settings,
children's files, invoices), also when somebody is logged in in that browser; its cookie means nothing at another
location, and ends with kiosk mode."""
import pytest

from tenants.kiosk import services
from tests.tenants.kiosk.conftest import at

PAGES = ["/", "/children/", "/attendance/", "/attendance/register/", "/attendance/settings/", "/attendance/kiosk/",
         "/attendance/kiosk/flags/", "/attendance/kiosk/pin/", "/billing/invoices/", "/tariffs/", "/calendar/",
         "/groups/", "/staff/", "/contracts/", "/complaints/", "/messages/", "/admin/", "/logout/"]


@pytest.mark.parametrize("logged_in", [None, "entrepreneur", "staff"])
def test_every_page_outside_the_kiosk_sends_the_tablet_back_to_the_kiosk(world, kiosk, logged_in):
    client = kiosk.client()
    if logged_in:
        client.force_login(getattr(world.a, logged_in))
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/kiosk/", (path, response.status_code)
        assert client.post(path).status_code == 302, path
    for path in ("/api/v1/children/", f"/api/v1/children/{world.a.child_id}/", "/api/v1/attendance/check-in/",
                 "/api/v1/me/", "/api/docs/"):
        response = client.get(path)
        assert response.status_code == 403 and "Saartje" not in response.content.decode(), path
        assert client.post(path, {"child": world.a.child_id}).status_code == 403, path
    assert client.get("/kiosk/").status_code == 200


def test_the_kiosk_page_has_no_menu_and_no_link_out_of_the_kiosk(world, kiosk):
    from tests.tenants.kiosk.conftest import unlock

    client = kiosk.client()
    for html in (client.get("/kiosk/").content.decode(),
                 client.get(f"/kiosk/pin/{world.a.staff.pk}/").content.decode()):
        assert 'aria-label="Main menu"' not in html and "/logout/" not in html
        links = [part.split('"', 1)[0] for part in html.split('href="')[1:]]
        assert links and all(link.startswith(("/kiosk/", "/static/")) for link in links), links
    unlock(client, world.a.staff)
    html = client.get("/kiosk/").content.decode()
    links = [part.split('"', 1)[0] for part in html.split('href="')[1:]]
    assert all(link.startswith(("/kiosk/", "/static/", "tel:")) for link in links), links
    assert "Saartje Verbeek" in html


def test_the_cookie_of_a_kiosk_of_a_means_nothing_at_b(world, kiosk, client_for):
    client = client_for(world.b.entrepreneur, world.b)
    client.cookies["kiosk_device"] = kiosk.token
    assert client.get("/kiosk/").status_code == 403
    assert client.get("/children/").status_code == 200, "an ordinary browser at B"
    assert client.post(f"/kiosk/pin/{world.a.staff.pk}/", {"pin": "2580"}).status_code == 403
    for path in ("/kiosk/lock/", f"/kiosk/children/{world.b.child_id}/check-in/",
                 f"/kiosk/children/{world.b.child_id}/check-out/"):
        assert client.post(path, {"reason": "x"}).status_code == 403, path
    with at(world.b):
        from tenants.attendance.models import AttendanceRecord

        assert not AttendanceRecord.objects.exists()


def test_without_a_device_cookie_the_kiosk_pages_refuse(world, kiosk, client_for):
    for client in (client_for(None, world.a), client_for(world.a.entrepreneur, world.a),
                   client_for(world.a.staff, world.a)):
        for path in ("/kiosk/", f"/kiosk/pin/{world.a.staff.pk}/"):
            assert client.get(path).status_code == 403
        for path in ("/kiosk/lock/", f"/kiosk/children/{world.a.child_id}/check-in/",
                     f"/kiosk/children/{world.a.child_id}/check-out/", f"/kiosk/pin/{world.a.staff.pk}/"):
            assert client.post(path, {"pin": "2580"}).status_code == 403
    with at(world.a):
        from tenants.attendance.models import AttendanceRecord

        assert not AttendanceRecord.objects.exists()


def test_a_made_up_cookie_is_no_kiosk_and_is_removed(world, kiosk, client_for):
    client = client_for(world.a.staff, world.a)
    client.cookies["kiosk_device"] = "made-up"
    response = client.get("/attendance/")
    assert response.status_code == 200
    assert response.cookies["kiosk_device"].value == "" and response.cookies["kiosk_device"]["max-age"] == 0


def test_after_revoking_the_browser_is_an_ordinary_one_again(world, kiosk):
    with at(world.a):
        services.revoke_device(kiosk.device, by=world.a.entrepreneur)
    client = kiosk.client()
    assert client.get("/kiosk/").status_code == 403
    client.force_login(world.a.staff)
    assert client.get("/attendance/").status_code == 200


def test_a_suspended_location_s_kiosk_refuses(world, kiosk):
    from cooperative.models import Location

    Location.objects.filter(pk=world.a.location.pk).update(status="suspended")
    assert kiosk.client().get("/kiosk/").status_code == 403
