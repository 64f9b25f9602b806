"""The entrepreneur edits a child file and reads the change log; nobody else reads it."""
from tenants.children.models import Child
from tests.tenants.conftest import in_schema, make_child


def test_every_change_is_logged_with_old_and_new_value(world, api, client_for):
    child = make_child(world.a, first_name="Rosa", diet="")
    client = api(world.a.entrepreneur, world.a)
    response = client.patch(f"/api/v1/children/{child.pk}/", {"diet": "No pork", "gp_name": "Dr. Smit"})
    assert response.status_code == 200, response.content
    log = client.get(f"/api/v1/children/{child.pk}/changes/").json()["results"]
    assert {(e["action"], e["field"], e["old_value"], e["new_value"]) for e in log} >= {
        ("updated", "diet", "", "No pork"), ("updated", "gp_name", "", "Dr. Smit"), ("created", "", "", "")}
    page = client_for(world.a.entrepreneur, world.a).get(f"/children/{child.pk}/changes/").content.decode()
    assert "No pork" in page and world.a.entrepreneur.full_name in page


def test_a_refused_edit_changes_nothing_and_logs_nothing(world, api):
    child = make_child(world.a, bsn="111222333")
    client = api(world.a.entrepreneur, world.a)
    response = client.patch(f"/api/v1/children/{child.pk}/", {"bsn": "111222334", "diet": "none"})
    assert response.status_code == 400 and "bsn" in response.json()
    with in_schema(world.a):
        fresh = Child.objects.get(pk=child.pk)
        assert (fresh.bsn, fresh.diet) == ("111222333", "")
        assert not fresh.changes.filter(action="updated").exists()


def test_edit_page(world, client_for):
    child = make_child(world.a, first_name="Rosa")
    client = client_for(world.a.entrepreneur, world.a)
    form = client.get(f"/children/{child.pk}/edit/")
    assert form.status_code == 200 and 'value="Rosa"' in form.content.decode()
    data = {"first_name": "Rosa", "last_name": "Kind", "birth_date": "2099-01-01"}
    assert client.post(f"/children/{child.pk}/edit/", data).status_code == 400
    assert client.post(f"/children/{child.pk}/edit/", {**data, "birth_date": "2023-01-01"}).status_code == 302


def test_only_the_entrepreneur_reads_the_log_and_edits(world, api, client_for):
    child = make_child(world.a, guardians=[world.a.parent])
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        assert api(user, world.a).get(f"/api/v1/children/{child.pk}/changes/").status_code == 403
        assert api(user, world.a).patch(f"/api/v1/children/{child.pk}/", {"diet": "x"}).status_code == 403
        assert client_for(user, world.a).get(f"/children/{child.pk}/changes/").status_code == 403
        assert client_for(user, world.a).post(f"/children/{child.pk}/edit/", {}).status_code == 403
