"""Advisers never see a child's name: every dashboard, list, export and location page, rendered for an
adviser with figures from real contracts, contains no child name of the seeded data."""
from datetime import date

from django.utils import timezone

from advisory import services
from advisory.models import LocationFigures
from advisory.selectors import TILES
from tests.advisory.conftest import CHILD_NAMES, pdf
from tests.tenants.conftest import in_schema


def test_no_child_name_on_any_adviser_page_or_export(client_for, world):
    from tenants.contracts.models import Contract

    with in_schema(world.a):
        Contract.objects.create(child_id=world.a.child_id, care_type="kdv", start_date=date(2024, 1, 1),
                                status="active")
    assert LocationFigures.objects.get(location=world.a.location).children_under_contract == 1
    visit = services.plan_visit(world.a.location, year=timezone.localdate().year, visit_type="pedagogical",
                                adviser=world.adviser, user=world.adviser)
    services.create_action(world.a.location, description="Check the plan", owner="entrepreneur",
                           due_date=date(2025, 1, 1), user=world.adviser, visit=visit)
    services.record_inspection(world.a.location, inspected_on=date(2025, 1, 5), kind="annual",
                               met_requirements=True, user=world.adviser, report_file=pdf())
    urls = ["/advisory/", "/advisory/export.csv", "/api/v1/advisory/dashboard/", "/api/v1/advisory/visits/",
            "/api/v1/advisory/actions/", "/api/v1/advisory/inspections/",
            f"/advisory/locations/{world.a.location.slug}/", f"/advisory/visits/{visit.pk}/",
            f"/advisory/visits/{visit.pk}/checklist/", f"/advisory/locations/{world.a.location.slug}/visits/new/",
            f"/advisory/locations/{world.a.location.slug}/actions/new/",
            f"/advisory/locations/{world.a.location.slug}/inspections/new/"]
    urls += [f"/advisory/list/{tile}/" for tile in TILES]
    for user in (world.adviser, world.lead_adviser, world.coop_admin):
        client = client_for(user)
        for url in urls:
            response = client.get(url)
            if user is world.coop_admin and response.status_code == 403:
                continue  # planning pages are the advisers'
            assert response.status_code == 200, url
            body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
            if url.startswith("/advisory/list/all") or url == "/advisory/export.csv":
                assert world.a.location.name in body  # the figures are there...
            for name in CHILD_NAMES:
                assert name not in body, f"{name} on {url} for {user}"  # ...the children are not
