"""The entrepreneur adds a child with the full child file (inlichtingenfiche), on the API and the page."""
from datetime import timedelta

from django.utils import timezone

from tenants.children.models import Child, ChildChange
from tests.tenants.conftest import in_schema

FILE = {
    "first_name": "Noor", "last_name": "de Vries", "birth_date": "2024-02-29", "bsn": "1112.22.333",
    "gp_name": "Dr. Bakker", "gp_phone": "020 123 4567", "allergies": "peanuts", "diet": "vegetarian",
    "medication": "inhaler when needed", "medical_notes": "asthma",
}


def count(site, **filters):
    with in_schema(site):
        return Child.objects.filter(**filters).count()


def test_entrepreneur_adds_a_child_with_the_whole_file(world, api):
    response = api(world.a.entrepreneur, world.a).post("/api/v1/children/", FILE)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["bsn"] == "111222333"  # stored compact
    assert data["medical_notes"] == "asthma" and data["group"] is None
    with in_schema(world.a):
        child = Child.objects.get(pk=data["id"])
        assert (child.gp_name, child.allergies, child.diet) == ("Dr. Bakker", "peanuts", "vegetarian")
        assert ChildChange.objects.filter(child=child, action="created", actor=world.a.entrepreneur).exists()


def test_birth_date_in_the_future_is_a_field_error_and_stores_nothing(world, api):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = api(world.a.entrepreneur, world.a).post("/api/v1/children/", {**FILE, "birth_date": tomorrow})
    assert response.status_code == 400
    assert "birth_date" in response.json()
    assert count(world.a, first_name="Noor") == 0


def test_bsn_failing_the_eleven_test_is_a_field_error_and_stores_nothing(world, api):
    response = api(world.a.entrepreneur, world.a).post("/api/v1/children/", {**FILE, "bsn": "123456789"})
    assert response.status_code == 400
    assert "eleven-test" in response.json()["bsn"][0]
    assert count(world.a, first_name="Noor") == 0


def test_bad_date_and_missing_name_are_field_errors(world, api):
    response = api(world.a.entrepreneur, world.a).post("/api/v1/children/", {"birth_date": "31-02-2024"})
    assert response.status_code == 400
    assert {"first_name", "last_name", "birth_date"} <= set(response.json())


def test_group_of_another_location_cannot_be_named(world, api):
    from tenants.groups.services import create_group

    with in_schema(world.b):
        group = create_group(name="Only at B", kind="gastouder")
    response = api(world.a.entrepreneur, world.a).post("/api/v1/children/", {**FILE, "group": group.pk})
    assert response.status_code == 400 and "group" in response.json()


def test_staff_parent_and_other_location_may_not_add_a_child(world, api):
    for user, site in ((world.a.staff, world.a), (world.a.parent, world.a), (world.b.entrepreneur, world.a)):
        response = api(user, site).post("/api/v1/children/", FILE)
        assert response.status_code == 403, user.email
    assert count(world.a, first_name="Noor") == 0


def test_page_shows_inline_errors_and_keeps_input(world, client_for):
    client = client_for(world.a.entrepreneur, world.a)
    assert client.get("/children/new/").status_code == 200
    response = client.post("/children/new/", {**FILE, "bsn": "123456789"})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'aria-invalid="true"' in body and "eleven-test" in body and 'value="Noor"' in body
    assert count(world.a, first_name="Noor") == 0


def test_page_adds_the_child_and_opens_its_file(world, client_for):
    client = client_for(world.a.entrepreneur, world.a)
    response = client.post("/children/new/", FILE)
    assert response.status_code == 302
    with in_schema(world.a):
        child = Child.objects.get(first_name="Noor")
    assert response["Location"] == f"/children/{child.pk}/"
    page = client.get(response["Location"])
    assert page.status_code == 200 and "asthma" in page.content.decode()


def test_add_page_is_for_the_entrepreneur_only(world, client_for):
    for user, site in ((world.a.staff, world.a), (world.a.parent, world.a), (world.b.entrepreneur, world.a)):
        assert client_for(user, site).get("/children/new/").status_code == 403
        assert client_for(user, site).post("/children/new/", FILE).status_code == 403
