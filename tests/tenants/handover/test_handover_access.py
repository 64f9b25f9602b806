"""Acceptance: a parent who changes an id in a URL or API call to a handover of another family or of
location B gets 404; staff of another location and parents get 403 on staff endpoints."""
from tenants.attendance.selectors import local_today
from tests.tenants.conftest import in_schema


def handover_at(site, child_id, by):
    from tenants.children.models import Child
    from tenants.handover import services

    with in_schema(site):
        return services.write_handover(Child.objects.get(pk=child_id), day=local_today(), by=by, eating="Pap")


def test_another_familys_handover_is_404_on_page_and_api(world, client_for, api):
    other = handover_at(world.a, world.a.child_id, world.a.staff)
    assert client_for(world.two_location_parent, world.a).get(f"/handover/{other.pk}/").status_code == 404
    assert api(world.two_location_parent, world.a).get(f"/api/v1/handovers/{other.pk}/").status_code == 404
    listed = api(world.two_location_parent, world.a).get("/api/v1/handovers/").json()["results"]
    assert other.pk not in [row["id"] for row in listed]


def test_a_handover_of_location_b_is_not_reachable_from_location_a(world, client_for, api):
    at_b = handover_at(world.b, world.b.child_id, world.b.staff)
    # The parent of A is no member of B: the host refuses; at A the id does not exist for them.
    assert client_for(world.a.parent, world.b).get(f"/handover/{at_b.pk}/").status_code == 403
    assert api(world.a.parent, world.b).get(f"/api/v1/handovers/{at_b.pk}/").status_code == 403
    assert client_for(world.a.parent, world.a).get(f"/handover/{at_b.pk}/").status_code == 404


def test_staff_of_location_b_cannot_write_at_location_a(world, client_for, api):
    assert client_for(world.b.staff, world.a).get(f"/handover/children/{world.a.child_id}/").status_code == 403
    assert api(world.b.staff, world.a).post("/api/v1/handovers/", {"child": world.a.child_id,
                                                                  "eating": "x"}).status_code == 403


def test_a_parent_cannot_write_a_handover(world, client_for, api):
    assert client_for(world.a.parent, world.a).get(f"/handover/children/{world.a.child_id}/").status_code == 403
    assert api(world.a.parent, world.a).post("/api/v1/handovers/", {"child": world.a.child_id,
                                                                   "eating": "x"}).status_code == 403


def test_an_adviser_has_no_access(world, api):
    assert api(world.adviser, world.a).get("/api/v1/handovers/").status_code == 403
