"""Staff tick "late pick-up announced by phone" when checking a child out on the tablet, or later on the stay
in the register (Flanders: no fine for a late pick-up the parent announced)."""
from accounts.models import Membership
from tenants.attendance.models import AttendanceRecord
from tests.conftest import make_user
from tests.tenants.attendance.conftest import at


def check_in(world, client_for):
    assert client_for(world.a.staff, world.a).post(f"/attendance/children/{world.a.child_id}/check-in/").status_code \
        == 302


def record(world):
    with at(world.a):
        return AttendanceRecord.objects.get(child_id=world.a.child_id)


def test_the_tablet_offers_the_tick_in_flanders_and_stores_it_on_check_out(world, flemish_a, client_for, kdv):
    check_in(world, client_for)
    c = client_for(world.a.staff, world.a)
    assert "Late pick-up announced by phone" in c.get("/attendance/").content.decode()
    response = c.post(f"/attendance/children/{world.a.child_id}/check-out/", {"late_pickup_announced": "1"},
                      HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    stored = record(world)
    assert stored.check_out is not None and stored.late_pickup_announced is True


def test_a_check_out_without_the_tick_stores_no_announcement(world, flemish_a, api, client_for, kdv):
    check_in(world, client_for)
    response = api(world.a.staff, world.a).post("/api/v1/attendance/check-out/", {"child": world.a.child_id})
    assert response.status_code == 200 and response.json()["late_pickup_announced"] is False


def test_the_api_check_out_takes_the_announcement(world, api, client_for, kdv):
    check_in(world, client_for)
    response = api(world.a.staff, world.a).post("/api/v1/attendance/check-out/", {
        "child": world.a.child_id, "late_pickup_announced": True})
    assert response.status_code == 200 and response.json()["late_pickup_announced"] is True


def test_staff_tick_and_untick_it_on_the_record(world, flemish_a, api, client_for, kdv):
    check_in(world, client_for)
    pk = record(world).pk
    c = client_for(world.a.staff, world.a)
    register = c.get("/attendance/register/").content.decode()
    assert f'action="/attendance/stays/{pk}/late-pickup/"' in register
    assert c.post(f"/attendance/stays/{pk}/late-pickup/", {"late_pickup_announced": "1"}).status_code == 302
    assert record(world).late_pickup_announced is True
    assert c.post(f"/attendance/stays/{pk}/late-pickup/", {}).status_code == 302
    assert record(world).late_pickup_announced is False
    response = api(world.a.entrepreneur, world.a).post(f"/api/v1/attendance/records/{pk}/late-pickup/",
                                                        {"late_pickup_announced": True})
    assert response.status_code == 200 and response.json()["late_pickup_announced"] is True
    bad = api(world.a.entrepreneur, world.a).post(f"/api/v1/attendance/records/{pk}/late-pickup/",
                                                   {"late_pickup_announced": "perhaps"})
    assert bad.status_code == 400 and "late_pickup_announced" in bad.json()
    assert record(world).late_pickup_announced is True


def test_parents_and_other_locations_cannot_set_it(world, api, client_for, kdv):
    check_in(world, client_for)
    pk = record(world).pk
    other_parent = make_user("family.three@alpha.test", "Family Three")
    Membership.objects.create(user=other_parent, location=world.a.location, role="parent")
    for user in (world.a.parent, other_parent):
        assert api(user, world.a).post(f"/api/v1/attendance/records/{pk}/late-pickup/",
                                       {"late_pickup_announced": True}).status_code == 403
        assert client_for(user, world.a).post(f"/attendance/stays/{pk}/late-pickup/",
                                              {"late_pickup_announced": "1"}).status_code == 403
    for user in (world.b.staff, world.b.entrepreneur):
        assert api(user, world.a).post(f"/api/v1/attendance/records/{pk}/late-pickup/",
                                       {"late_pickup_announced": True}).status_code in (403, 404)
    assert record(world).late_pickup_announced is False
