"""Staff (and parents where the location allows it) unlock the kiosk with their own PIN; wrong PINs are counted on
the tablet and lock its PIN pad; the kiosk locks again after inactivity, on the server too."""
from datetime import timedelta

from tenants.kiosk.models import KioskDevice
from tests.tenants.kiosk.conftest import OTHER_PIN, PIN, allow_parents, at, set_clock, unlock


def device(world, kiosk) -> KioskDevice:
    with at(world.a):
        return KioskDevice.objects.get(pk=kiosk.device.pk)


def test_the_locked_screen_lists_staff_with_a_pin_and_a_right_pin_unlocks(world, kiosk):
    client = kiosk.client()
    html = client.get("/kiosk/").content.decode()
    assert "Staff alpha" in html and f"/kiosk/pin/{world.a.staff.pk}/" in html
    assert "Parent alpha" not in html, "parents only where the location allows it"
    assert "Saartje" not in html, "no child on the locked screen"
    pad = client.get(f"/kiosk/pin/{world.a.staff.pk}/")
    assert pad.status_code == 200 and 'name="pin"' in pad.content.decode()
    unlock(client, world.a.staff)
    html = client.get("/kiosk/").content.decode()
    assert "Unlocked by Staff alpha" in html and "Saartje Verbeek" in html
    assert device(world, kiosk).holder_id == world.a.staff.pk


def test_a_wrong_pin_is_a_field_error_and_counts(world, kiosk):
    client = kiosk.client()
    response = client.post(f"/kiosk/pin/{world.a.staff.pk}/", {"pin": "9999"})
    assert response.status_code == 400
    assert "Wrong PIN. 4 tries left." in response.content.decode()
    assert device(world, kiosk).failed_pins == 1 and device(world, kiosk).holder_id is None
    assert "Saartje" not in client.get("/kiosk/").content.decode()


def test_five_wrong_pins_lock_the_pad_even_for_the_right_pin_then_it_opens_again(world, kiosk, monkeypatch):
    client = kiosk.client()
    for _attempt in range(4):
        assert client.post(f"/kiosk/pin/{world.a.staff.pk}/", {"pin": "0429"}).status_code == 400
    response = client.post(f"/kiosk/pin/{world.a.staff.pk}/", {"pin": "0429"})
    assert "Too many wrong PINs" in response.content.decode()
    # The right PIN, also of another person, is refused while the pad is locked.
    response = client.post(f"/kiosk/pin/{world.a.staff.pk}/", {"pin": PIN})
    assert response.status_code == 400 and "Too many wrong PINs" in response.content.decode()
    assert device(world, kiosk).holder_id is None
    # Brute force goes on after 15 minutes, five more tries, then half an hour.
    set_clock(monkeypatch, kiosk.now + timedelta(minutes=16))
    for _attempt in range(5):
        client.post(f"/kiosk/pin/{world.a.staff.pk}/", {"pin": "0429"})
    locked = device(world, kiosk)
    assert locked.failed_pins == 10
    assert locked.pins_locked_until == kiosk.now + timedelta(minutes=16) + timedelta(minutes=30)
    set_clock(monkeypatch, kiosk.now + timedelta(minutes=47))
    unlock(client, world.a.staff)
    assert device(world, kiosk).failed_pins == 0


def test_bad_input_on_the_pin_pad_is_a_field_error(world, kiosk):
    client = kiosk.client()
    for body in ({}, {"pin": ""}, {"pin": "x" * 50}, {"pin": "abcd"}, {"pin": "١٢٣٤"}):
        response = client.post(f"/kiosk/pin/{world.a.staff.pk}/", body)
        assert response.status_code == 400, body
        assert 'class="error"' in response.content.decode()
    assert client.get("/kiosk/pin/999999/").status_code == 404
    assert client.get("/kiosk/pin/abc/").status_code in (302, 404)


def test_people_without_a_pin_or_of_another_location_cannot_unlock(world, kiosk):
    from tenants.kiosk import services

    client = kiosk.client()
    # The entrepreneur has no PIN yet: not on the screen, no pad.
    assert client.get(f"/kiosk/pin/{world.a.entrepreneur.pk}/").status_code == 404
    # B's staff member with a PIN at B only: not at A.
    with at(world.b):
        services.set_pin(world.b.staff, pin=PIN, pin_again=PIN)
    assert client.get(f"/kiosk/pin/{world.b.staff.pk}/").status_code == 404
    assert client.post(f"/kiosk/pin/{world.b.staff.pk}/", {"pin": PIN}).status_code == 404
    assert device(world, kiosk).holder_id is None


def test_a_parent_unlocks_only_where_the_location_allows_it(world, kiosk):
    client = kiosk.client()
    assert client.post(f"/kiosk/pin/{world.a.parent.pk}/", {"pin": OTHER_PIN}).status_code == 404
    allow_parents(world.a)
    assert "Parent alpha" in client.get("/kiosk/").content.decode()
    unlock(client, world.a.parent, OTHER_PIN)
    html = client.get("/kiosk/").content.decode()
    assert "Saartje Verbeek" in html
    assert "Ratio now" not in html, "a parent sees her own children, not the group's ratio"


def test_the_kiosk_locks_after_inactivity_on_the_server_too(world, kiosk, monkeypatch):
    client = kiosk.client()
    unlock(client, world.a.staff)
    html = client.get("/kiosk/").content.decode()
    assert 'data-kiosk-lock-seconds="120"' in html and 'id="kiosk-lock-form"' in html
    set_clock(monkeypatch, kiosk.now + timedelta(seconds=121))
    html = client.get("/kiosk/").content.decode()
    assert "Tap your name" in html and "Saartje" not in html
    assert device(world, kiosk).holder_id is None
    response = client.post(f"/kiosk/children/{world.a.child_id}/check-in/")
    assert response.status_code == 302
    with at(world.a):
        from tenants.attendance.models import AttendanceRecord

        assert not AttendanceRecord.objects.exists()


def test_the_lock_button_locks(world, kiosk):
    client = kiosk.client()
    unlock(client, world.a.staff)
    assert client.post("/kiosk/lock/").status_code == 302
    assert device(world, kiosk).holder_id is None
    assert "Tap your name" in client.get("/kiosk/").content.decode()


def test_a_staff_member_who_left_can_no_longer_use_the_kiosk(world, kiosk):
    from accounts.models import Membership

    client = kiosk.client()
    unlock(client, world.a.staff)
    Membership.objects.filter(user=world.a.staff, location=world.a.location).update(is_active=False)
    html = client.get("/kiosk/").content.decode()
    assert "Tap your name" in html and "Staff alpha" not in html
