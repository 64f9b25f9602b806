"""A parent asks for a correction of their own child's file; the entrepreneur accepts or rejects it."""
from tenants.children.models import Child, ChildChange, CorrectionRequest
from tests.tenants.conftest import in_schema, make_child


def ask(api, world, child, **data):
    body = {"child": child.pk, "field": "allergies", "requested_change": "Peanuts and hazelnuts",
            "reason": "New test at the hospital", **data}
    return api(world.a.parent, world.a).post("/api/v1/corrections/", body)


def test_parent_asks_and_entrepreneur_accepts_the_change_lands_in_the_file(world, api):
    child = make_child(world.a, guardians=[world.a.parent], allergies="Peanuts")
    response = ask(api, world, child)
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "open"
    decided = api(world.a.entrepreneur, world.a).post(f"/api/v1/corrections/{response.json()['id']}/accept/",
                                                      {"note": "Thanks"})
    assert decided.status_code == 200 and decided.json()["status"] == "accepted"
    with in_schema(world.a):
        assert Child.objects.get(pk=child.pk).allergies == "Peanuts and hazelnuts"
        change = ChildChange.objects.get(child=child, action="updated", field="allergies")
        assert (change.old_value, change.new_value, change.actor_id) == (
            "Peanuts", "Peanuts and hazelnuts", world.a.entrepreneur.pk)
    again = api(world.a.entrepreneur, world.a).post(f"/api/v1/corrections/{response.json()['id']}/reject/")
    assert again.status_code == 400 and "status" in again.json()


def test_rejecting_leaves_the_file_as_it_was(world, api):
    child = make_child(world.a, guardians=[world.a.parent], allergies="Peanuts")
    correction = ask(api, world, child).json()
    response = api(world.a.entrepreneur, world.a).post(f"/api/v1/corrections/{correction['id']}/reject/",
                                                       {"note": "The doctor's letter says otherwise"})
    assert response.json()["status"] == "rejected"
    with in_schema(world.a):
        assert Child.objects.get(pk=child.pk).allergies == "Peanuts"


def test_accepting_an_invalid_value_is_a_field_error_and_changes_nothing(world, api):
    child = make_child(world.a, guardians=[world.a.parent], bsn="111222333")
    correction = ask(api, world, child, field="bsn", requested_change="123456789").json()
    response = api(world.a.entrepreneur, world.a).post(f"/api/v1/corrections/{correction['id']}/accept/")
    assert response.status_code == 400 and "eleven-test" in response.json()["value"][0]
    with in_schema(world.a):
        assert Child.objects.get(pk=child.pk).bsn == "111222333"
        assert CorrectionRequest.objects.get(pk=correction["id"]).status == "open"
    fixed = api(world.a.entrepreneur, world.a).post(f"/api/v1/corrections/{correction['id']}/accept/",
                                                    {"value": "123456782"})
    assert fixed.status_code == 200
    with in_schema(world.a):
        assert Child.objects.get(pk=child.pk).bsn == "123456782"


def test_bad_input_and_other_children_are_refused(world, api):
    own = make_child(world.a, guardians=[world.a.parent])
    other = make_child(world.a)
    assert set(ask(api, world, own, field="shoe size", reason="").json()) == {"field", "reason"}
    assert "child" in ask(api, world, other).json()
    with in_schema(world.a):
        assert CorrectionRequest.objects.count() == 0


def test_roles_and_locations(world, api):
    child = make_child(world.a, guardians=[world.a.parent, world.two_location_parent])
    correction = ask(api, world, child).json()
    for user in (world.a.staff, world.a.entrepreneur):
        response = api(user, world.a).post("/api/v1/corrections/", {"child": child.pk, "field": "diet",
                                                                    "requested_change": "x", "reason": "y"})
        assert response.status_code == 403
    assert api(world.a.staff, world.a).get("/api/v1/corrections/").status_code == 403
    for user in (world.a.parent, world.a.staff):
        assert api(user, world.a).post(f"/api/v1/corrections/{correction['id']}/accept/").status_code == 403
    # another guardian of the same child does not see a request they did not file
    assert api(world.two_location_parent, world.a).get(f"/api/v1/corrections/{correction['id']}/").status_code == 404
    for user in (world.b.entrepreneur, world.b.parent, world.b.staff):
        client = api(user, world.a)
        assert client.get("/api/v1/corrections/").status_code == 403
        assert client.post(f"/api/v1/corrections/{correction['id']}/accept/").status_code == 403


def test_pages_request_and_decide(world, client_for):
    child = make_child(world.a, first_name="Pien", guardians=[world.a.parent], diet="")
    parent = client_for(world.a.parent, world.a)
    assert parent.get(f"/children/{child.pk}/correction/").status_code == 200
    bad = parent.post(f"/children/{child.pk}/correction/", {"field": "diet", "requested_change": "Halal"})
    assert bad.status_code == 400 and 'aria-invalid="true"' in bad.content.decode()
    assert parent.post(f"/children/{child.pk}/correction/", {"field": "diet", "requested_change": "Halal",
                                                             "reason": "Forgotten"}).status_code == 302
    entrepreneur = client_for(world.a.entrepreneur, world.a)
    listing = entrepreneur.get("/corrections/").content.decode()
    assert "Pien" in listing and "Halal" in listing
    with in_schema(world.a):
        correction = CorrectionRequest.objects.get(child=child)
    assert entrepreneur.post(f"/corrections/{correction.pk}/decide/", {"decision": "accept"}).status_code == 302
    with in_schema(world.a):
        assert Child.objects.get(pk=child.pk).diet == "Halal"
    assert "accepted" in parent.get(f"/children/{child.pk}/").content.decode()
    assert client_for(world.a.staff, world.a).get("/corrections/").status_code == 403
    assert parent.post(f"/corrections/{correction.pk}/decide/", {"decision": "reject"}).status_code == 403
    other = make_child(world.a)
    assert parent.get(f"/children/{other.pk}/correction/").status_code == 404
