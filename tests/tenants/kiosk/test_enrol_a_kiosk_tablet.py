"""The entrepreneur turns a browser into the location's kiosk (a secure, http-only cookie whose token is stored
only hashed; she is logged out in that browser), lists the tablets, ends kiosk mode on one, and sets the kiosk's
settings. Staff, parents and another location's entrepreneur cannot."""
import hashlib

import pytest

from tenants.kiosk.models import KioskDevice, KioskSettings
from tests.tenants.kiosk.conftest import at


def devices(site):
    with at(site):
        return list(KioskDevice.objects.order_by("pk"))


def test_the_entrepreneur_enrols_this_browser_and_is_logged_out_in_it(world, kdv, client_for):
    client = client_for(world.a.entrepreneur, world.a)
    page = client.get("/attendance/kiosk/")
    assert page.status_code == 200 and "Make this browser the kiosk" in page.content.decode()
    response = client.post("/attendance/kiosk/enrol/", {"name": "Tablet hal"})
    assert response.status_code == 302 and response["Location"] == "/kiosk/"
    cookie = response.cookies["kiosk_device"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and not cookie["domain"]
    [device] = devices(world.a)
    assert device.name == "Tablet hal" and device.enrolled_by_id == world.a.entrepreneur.pk
    assert device.token_hash == hashlib.sha256(cookie.value.encode()).hexdigest() != cookie.value
    assert "_auth_user_id" not in client.session, "logged out in the kiosk browser"
    assert client.get("/kiosk/").status_code == 200
    assert client.get("/children/")["Location"] == "/kiosk/"


def test_the_cookie_is_secure_over_https(world, kdv, client_for):
    response = client_for(world.a.entrepreneur, world.a).post("/attendance/kiosk/enrol/", {"name": "Tablet"},
                                                              secure=True)
    assert response.cookies["kiosk_device"]["secure"]


@pytest.mark.parametrize("body", [{}, {"name": ""}, {"name": "   "}, {"name": "x" * 300}])
def test_a_tablet_needs_a_name(world, kdv, client_for, body):
    response = client_for(world.a.entrepreneur, world.a).post("/attendance/kiosk/enrol/", body)
    assert response.status_code == 400 and 'class="error"' in response.content.decode()
    assert "kiosk_device" not in response.cookies and devices(world.a) == []


def test_ending_kiosk_mode_from_another_device(world, kiosk, client_for):
    client = client_for(world.a.entrepreneur, world.a)
    assert "Tablet hal" in client.get("/attendance/kiosk/").content.decode()
    assert client.post(f"/attendance/kiosk/tablets/{kiosk.device.pk}/revoke/").status_code == 302
    [device] = devices(world.a)
    assert device.revoked_at is not None and device.revoked_by_id == world.a.entrepreneur.pk
    assert kiosk.client().get("/kiosk/").status_code == 403


def test_the_kiosk_settings_and_bad_input(world, kdv, client_for):
    client = client_for(world.a.entrepreneur, world.a)
    response = client.post("/attendance/kiosk/settings/", {"parents_may_check": "on", "lock_after_seconds": "300"})
    assert response.status_code == 302
    with at(world.a):
        settings = KioskSettings.load()
    assert settings.parents_may_check and settings.lock_after_seconds == 300
    for value in ("abc", "", "5", "100000", "-1"):
        response = client.post("/attendance/kiosk/settings/", {"lock_after_seconds": value})
        assert response.status_code == 400, value
        assert 'id="id_lock_after_seconds_error"' in response.content.decode(), value
    with at(world.a):
        assert KioskSettings.load().lock_after_seconds == 300


@pytest.mark.parametrize("role", ["staff", "parent"])
def test_staff_and_parents_cannot_enrol_revoke_or_change_settings(world, kiosk, client_for, role):
    client = client_for(getattr(world.a, role), world.a)
    assert client.get("/attendance/kiosk/").status_code == 403
    assert client.post("/attendance/kiosk/enrol/", {"name": "Mine"}).status_code == 403
    assert client.post(f"/attendance/kiosk/tablets/{kiosk.device.pk}/revoke/").status_code == 403
    assert client.post("/attendance/kiosk/settings/", {"lock_after_seconds": "60"}).status_code == 403
    assert len(devices(world.a)) == 1 and devices(world.a)[0].revoked_at is None


def test_another_location_s_entrepreneur_cannot_touch_a_s_tablets(world, kiosk, client_for):
    client = client_for(world.b.entrepreneur, world.a)
    assert client.get("/attendance/kiosk/").status_code == 403
    assert client.post(f"/attendance/kiosk/tablets/{kiosk.device.pk}/revoke/").status_code == 403
    # At her own host, A's tablet does not exist.
    own = client_for(world.b.entrepreneur, world.b)
    assert own.post(f"/attendance/kiosk/tablets/{kiosk.device.pk}/revoke/").status_code == 404
    assert devices(world.a)[0].revoked_at is None
