"""Isolation: staff see their own location's medication only; an adviser sees none (only counts); a parent
sees only her own child's; a guardian removed from the child sees nothing."""
from tests.tenants.conftest import in_schema
from tests.tenants.medication.conftest import child_of, now_here, signed_request


def test_staff_of_location_a_cannot_read_location_bs_medication(world, client_for, api):
    at_b = signed_request(world.b)
    assert client_for(world.a.staff, world.b).get(f"/medication/{at_b.pk}/").status_code == 403
    assert api(world.a.staff, world.b).get(f"/api/v1/medication/requests/{at_b.pk}/").status_code == 403
    assert api(world.a.staff, world.b).get("/api/v1/medication/today/").status_code == 403
    # At A the id is no request of A's.
    assert client_for(world.a.staff, world.a).get(f"/medication/{at_b.pk}/").status_code in (403, 404)
    assert at_b.pk not in [row["id"] for row in api(world.a.staff, world.a).get(
        "/api/v1/medication/requests/").json()["results"]]
    assert client_for(world.b.staff, world.b).get(f"/medication/{at_b.pk}/").status_code == 200


def test_an_adviser_sees_no_medication_only_counts(world, client_for, api):
    from tenants.medication import selectors

    made = signed_request(world.a)
    for path in ("/medication/", f"/medication/{made.pk}/", "/api/v1/medication/today/",
                 "/api/v1/medication/requests/"):
        response = client_for(world.adviser, world.a).get(path)
        assert response.status_code == 403, path
        assert b"Amoxicilline" not in response.content
    with in_schema(world.a):
        assert selectors.counts(now_here(world.a).date()) == {"running": 1, "doses_today": 0}


def test_a_parent_sees_only_her_own_childs_medication(world, client_for, api):
    made = signed_request(world.a)
    other = world.two_location_parent  # a parent at A of another child
    assert client_for(other, world.a).get(f"/medication/{made.pk}/").status_code == 403
    assert api(other, world.a).get(f"/api/v1/medication/requests/{made.pk}/").status_code == 404
    assert api(other, world.a).get("/api/v1/medication/requests/").json()["results"] == []
    assert b"Amoxicilline" not in client_for(other, world.a).get("/medication/").content
    assert api(world.a.parent, world.a).get("/api/v1/medication/today/").status_code == 403
    mine = client_for(world.a.parent, world.a).get("/medication/")
    assert mine.status_code == 200 and b"Amoxicilline" in mine.content
    # A parent neither records doses nor asks for another family's child.
    assert client_for(world.a.parent, world.a).get(
        f"/medication/{made.pk}/doses/{made.times[0]:%H:%M}/").status_code == 403
    assert client_for(other, world.a).get(f"/medication/children/{world.a.child_id}/request/").status_code == 404


def test_a_removed_guardian_sees_nothing(world, client_for, api):
    from tenants.children.services import remove_guardian

    made = signed_request(world.a)
    with in_schema(world.a):
        remove_guardian(child_of(world.a), world.a.parent)
    assert client_for(world.a.parent, world.a).get(f"/medication/{made.pk}/").status_code == 403
    listed = api(world.a.parent, world.a).get("/api/v1/medication/requests/")
    assert listed.status_code == 403 or listed.json()["results"] == []
    page = client_for(world.a.parent, world.a).get("/medication/")
    assert b"Amoxicilline" not in page.content


def test_staff_and_entrepreneur_pages_by_role(world, client_for):
    made = signed_request(world.a)
    assert client_for(world.a.staff, world.a).get("/medication/policy/").status_code == 403
    assert client_for(world.a.entrepreneur, world.a).get("/medication/policy/").status_code == 200
    assert client_for(world.b.entrepreneur, world.a).get("/medication/policy/").status_code == 403
    assert client_for(world.b.staff, world.a).get(f"/medication/children/{world.a.child_id}/fever-reducer/"
                                                 ).status_code == 403
    assert client_for(world.a.staff, world.a).get(f"/medication/{made.pk}/doses/{made.times[0]:%H:%M}/"
                                                 ).status_code == 200
