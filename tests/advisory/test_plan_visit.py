"""Planning a visit: per year, location and type, with an adviser; a date before the opening is refused."""
from datetime import date

from advisory.models import Visit
from tests.advisory.conftest import aware


def test_adviser_plans_a_visit_on_the_page(client_for, world, opened):
    client = client_for(world.adviser)
    response = client.post(f"/advisory/locations/{opened.slug}/visits/new/", {
        "visit_type": "pedagogical", "year": 2025, "adviser": world.adviser.pk,
        "scheduled_at": "2025-05-12T09:30"})
    visit = Visit.objects.get(location=opened, year=2025, visit_type="pedagogical")
    assert response.status_code == 302 and response["Location"] == f"/advisory/visits/{visit.pk}/"
    assert visit.deadline == date(2025, 6, 30) and visit.checklist.items.exists()
    assert visit.scheduled_at == aware(2025, 5, 12, 9).replace(minute=30)


def test_visit_date_before_opening_is_a_field_error_and_stores_nothing(client_for, world, opened):
    response = client_for(world.adviser).post(f"/advisory/locations/{opened.slug}/visits/new/", {
        "visit_type": "business", "year": 2021, "adviser": world.adviser.pk, "scheduled_at": "2021-02-01T10:00"})
    assert response.status_code == 400
    assert "before the location opened" in response.context["form"].errors["scheduled_at"][0]
    assert not Visit.objects.filter(location=opened).exists()


def test_api_visit_date_before_opening_is_400_naming_the_field(api, world, opened):
    response = api(world.adviser, None).post("/api/v1/advisory/visits/", {
        "location": opened.slug, "year": 2021, "visit_type": "business", "adviser": world.adviser.pk,
        "scheduled_at": "2021-02-01T10:00:00+01:00"})
    assert response.status_code == 400 and "scheduled_at" in response.json()
    assert not Visit.objects.filter(location=opened).exists()


def test_one_visit_per_type_and_year(client_for, world, opened):
    data = {"visit_type": "business", "year": 2025, "adviser": world.adviser.pk}
    client = client_for(world.adviser)
    assert client.post(f"/advisory/locations/{opened.slug}/visits/new/", data).status_code == 302
    response = client.post(f"/advisory/locations/{opened.slug}/visits/new/", data)
    assert response.status_code == 400 and "visit_type" in response.context["form"].errors
    assert Visit.objects.filter(location=opened).count() == 1


def test_adviser_cannot_plan_at_a_location_not_assigned_to_her(client_for, world):
    response = client_for(world.adviser).post(f"/advisory/locations/{world.b.location.slug}/visits/new/", {
        "visit_type": "business", "year": 2025, "adviser": world.adviser.pk})
    assert response.status_code == 404
    assert not Visit.objects.filter(location=world.b.location).exists()


def test_the_adviser_field_must_be_an_adviser(client_for, world, opened):
    response = client_for(world.adviser).post(f"/advisory/locations/{opened.slug}/visits/new/", {
        "visit_type": "business", "year": 2025, "adviser": world.pedagogue.pk})
    assert response.status_code == 400 and "adviser" in response.context["form"].errors
