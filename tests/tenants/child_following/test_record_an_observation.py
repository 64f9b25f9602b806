"""Staff record an observation per developmental area on the tablet; bad input names the field; a staff member
writes about the children of her own groups only; the parent reads her child's observations."""
from tests.tenants.child_following.conftest import observe


def test_staff_record_an_observation_on_the_page(world, groups, client_for):
    client = client_for(world.a.staff, world.a)
    page = client.get(f"/following/children/{world.a.child_id}/")
    assert page.status_code == 200 and "New observation" in page.content.decode()
    response = client.post(f"/following/children/{world.a.child_id}/",
                           {"area": "language", "observed_on": "2026-01-10", "text": "Zegt 'bal' en 'mama'."})
    assert response.status_code == 302
    assert "Zegt &#x27;bal&#x27; en &#x27;mama&#x27;." in client.get(
        f"/following/children/{world.a.child_id}/").content.decode()


def test_bad_input_names_the_field(world, groups, client_for, api):
    client = client_for(world.a.staff, world.a)
    response = client.post(f"/following/children/{world.a.child_id}/",
                           {"area": "language", "observed_on": "2999-01-01", "text": "Loopt"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"observed_on"}
    api_response = api(world.a.staff, world.a).post("/api/v1/observations/", {
        "child": world.a.child_id, "area": "dancing", "observed_on": "2026-01-10", "text": "x"})
    assert api_response.status_code == 400 and "area" in api_response.json()


def test_staff_of_another_group_cannot_write(world, groups, client_for, api):
    client = client_for(groups.other_staff, world.a)
    assert client.get(f"/following/children/{world.a.child_id}/").status_code == 404
    response = api(groups.other_staff, world.a).post("/api/v1/observations/", {
        "child": world.a.child_id, "area": "motor", "observed_on": "2026-01-10", "text": "x"})
    assert response.status_code == 400 and "child" in response.json()


def test_the_parent_reads_but_does_not_write(world, groups, client_for, api):
    observe(world, text="Klimt zelf de glijbaan op")
    client = client_for(world.a.parent, world.a)
    page = client.get(f"/following/children/{world.a.child_id}/").content.decode()
    assert "Klimt zelf de glijbaan op" in page and "New observation" not in page
    assert client.post(f"/following/children/{world.a.child_id}/", {"area": "motor", "observed_on": "2026-01-10",
                                                                     "text": "x"}).status_code == 403
    assert api(world.a.parent, world.a).post("/api/v1/observations/", {
        "child": world.a.child_id, "area": "motor", "observed_on": "2026-01-10", "text": "x"}).status_code == 403
