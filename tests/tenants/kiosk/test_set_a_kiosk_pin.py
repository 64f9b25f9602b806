"""A staff member (or the entrepreneur) sets her own kiosk PIN, stored with Django's password hashers; a parent only
where the location lets parents use the kiosk. Bad PINs are field errors."""
import pytest
from django.contrib.auth.hashers import check_password

from tenants.kiosk.models import KioskPin
from tests.tenants.kiosk.conftest import allow_parents, at


def pin_of(site, user):
    with at(site):
        return KioskPin.objects.filter(user_id=user.pk).first()


@pytest.mark.parametrize("role", ["staff", "entrepreneur"])
def test_staff_set_change_and_remove_their_pin(world, kdv, client_for, role):
    user = getattr(world.a, role)
    client = client_for(user, world.a)
    assert client.get("/attendance/kiosk/pin/").status_code == 200
    response = client.post("/attendance/kiosk/pin/", {"pin": "2580", "pin_again": "2580"})
    assert response.status_code == 302
    stored = pin_of(world.a, user)
    assert stored.pin_hash != "2580" and check_password("2580", stored.pin_hash)
    client.post("/attendance/kiosk/pin/", {"pin": "0429", "pin_again": "0429"})
    assert check_password("0429", pin_of(world.a, user).pin_hash)
    client.post("/attendance/kiosk/pin/", {"action": "remove"})
    assert pin_of(world.a, user) is None


@pytest.mark.parametrize("body, field", [
    ({}, "pin"),
    ({"pin": "12", "pin_again": "12"}, "pin"),
    ({"pin": "1234", "pin_again": "1234"}, "pin"),
    ({"pin": "abcd", "pin_again": "abcd"}, "pin"),
    ({"pin": "2580", "pin_again": "2581"}, "pin_again"),
    ({"pin": "2" * 30, "pin_again": "2" * 30}, "pin"),
])
def test_a_bad_pin_is_a_field_error(world, kdv, client_for, body, field):
    response = client_for(world.a.staff, world.a).post("/attendance/kiosk/pin/", body)
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert pin_of(world.a, world.a.staff) is None


def test_a_parent_sets_a_pin_only_where_parents_may_use_the_kiosk(world, kdv, client_for):
    client = client_for(world.a.parent, world.a)
    assert client.get("/attendance/kiosk/pin/").status_code == 403
    assert client.post("/attendance/kiosk/pin/", {"pin": "2580", "pin_again": "2580"}).status_code == 403
    allow_parents(world.a)
    assert client.post("/attendance/kiosk/pin/", {"pin": "2580", "pin_again": "2580"}).status_code == 302
    assert pin_of(world.a, world.a.parent) is not None


def test_a_pin_is_per_location(world, kdv, client_for):
    client_for(world.a.staff, world.a).post("/attendance/kiosk/pin/", {"pin": "2580", "pin_again": "2580"})
    assert pin_of(world.b, world.a.staff) is None
    assert client_for(world.a.staff, world.b).get("/attendance/kiosk/pin/").status_code == 403


def test_a_parent_finds_the_pin_page_from_her_attendance_page_where_allowed(world, kdv, client_for):
    client = client_for(world.a.parent, world.a)
    assert "/attendance/kiosk/pin/" not in client.get("/attendance/mine/").content.decode()
    allow_parents(world.a)
    assert "/attendance/kiosk/pin/" in client.get("/attendance/mine/").content.decode()
