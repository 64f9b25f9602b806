"""Every endpoint refuses the wrong role and another location's user (403 or 404)."""
from datetime import date

import pytest

from advisory import services
from tests.advisory.conftest import pdf

REFUSED = (403, 404)


@pytest.fixture
def things(world):
    visit = services.plan_visit(world.a.location, year=2025, visit_type="business", adviser=world.adviser,
                                user=world.adviser)
    proposal = services.propose_dates(visit, [__import__("tests.advisory.conftest", fromlist=["aware"]).aware(
        2025, 10, 1)], user=world.adviser)[0]
    action = services.create_action(world.a.location, description="x", owner="entrepreneur",
                                    due_date=date(2025, 1, 1), user=world.adviser, visit=visit)
    inspection = services.record_inspection(world.a.location, inspected_on=date(2025, 1, 1), kind="annual",
                                            met_requirements=True, user=world.adviser, report_file=pdf())
    from advisory.models import QualityDocumentType

    document = services.upload_document(world.a.location, doc_type=QualityDocumentType.objects.get(
        code="pedagogical_plan"), file=pdf(), effective_date=date(2024, 1, 1), review_date=date(2030, 1, 1),
        user=world.a.entrepreneur)
    return {"visit": visit.pk, "proposal": proposal.pk, "action": action.pk, "inspection": inspection.pk,
            "document": document.pk, "slug": world.a.location.slug}


PUBLIC = [
    ("get", "/advisory/"), ("get", "/advisory/list/all/"), ("get", "/advisory/export.csv"),
    ("get", "/advisory/locations/{slug}/"), ("post", "/advisory/locations/{slug}/visits/new/"),
    ("post", "/advisory/locations/{slug}/actions/new/"), ("post", "/advisory/locations/{slug}/inspections/new/"),
    ("get", "/advisory/visits/{visit}/"), ("post", "/advisory/visits/{visit}/schedule/"),
    ("post", "/advisory/visits/{visit}/propose/"), ("post", "/advisory/visits/{visit}/checklist/"),
    ("get", "/advisory/visits/{visit}/invite.ics"), ("post", "/advisory/actions/{action}/done/"),
    ("get", "/advisory/files/inspection/{inspection}/"), ("get", "/advisory/files/document/{document}/"),
    ("get", "/api/v1/advisory/dashboard/"), ("get", "/api/v1/advisory/visits/"), ("post", "/api/v1/advisory/visits/"),
    ("get", "/api/v1/advisory/actions/"), ("post", "/api/v1/advisory/actions/"),
    ("post", "/api/v1/advisory/actions/{action}/done/"), ("get", "/api/v1/advisory/inspections/"),
    ("post", "/api/v1/advisory/inspections/"),
]
LOCATION = [
    ("get", "/advisory/"), ("get", "/advisory/visits/{visit}/"), ("post", "/advisory/visits/{visit}/react/"),
    ("get", "/advisory/visits/{visit}/invite.ics"), ("post", "/advisory/proposals/{proposal}/accept/"),
    ("post", "/advisory/actions/{action}/done/"), ("post", "/advisory/documents/new/"),
    ("post", "/advisory/inspections/new/"), ("get", "/advisory/files/document/{document}/"),
    ("get", "/api/v1/advisory/visits/{visit}/"), ("post", "/api/v1/advisory/actions/{action}/done/"),
    ("get", "/api/v1/advisory/documents/"), ("post", "/api/v1/advisory/documents/"),
]


@pytest.mark.parametrize("method, url", PUBLIC)
def test_cooperative_endpoints_refuse_location_people_and_the_pedagogue(client_for, world, things, method, url):
    url = url.format(**things)
    for user in (world.a.entrepreneur, world.a.parent, world.a.staff, world.pedagogue):
        assert getattr(client_for(user), method)(url).status_code in REFUSED, (url, user)


@pytest.mark.parametrize("method, url", [e for e in PUBLIC if "{" in e[1] and "/api/" not in e[1]])
def test_an_adviser_of_other_locations_gets_404(client_for, world, things, method, url):
    from accounts.models import CooperativeRole
    from tests.conftest import give_second_factor, make_user

    other = make_user("other.adviser@coop.test", "Other Adviser")
    CooperativeRole.objects.get_or_create(user=other, role="adviser")
    give_second_factor(other)
    assert getattr(client_for(other), method)(url.format(**things)).status_code in REFUSED


@pytest.mark.parametrize("method, url", LOCATION)
def test_location_endpoints_refuse_other_location_and_wrong_role(client_for, world, things, method, url):
    url = url.format(**things)
    # another location's entrepreneur on her own host: the objects of A are not there
    if "{" not in url.replace("/advisory/", ""):
        pass
    other = getattr(client_for(world.b.entrepreneur, world.b), method)(url)
    if any(key in url for key in ("/visits/", "/actions/", "/proposals/", "/files/")):
        assert other.status_code in REFUSED, url
    # A's entrepreneur at B's host: not a member there
    assert getattr(client_for(world.a.entrepreneur, world.b), method)(url).status_code in REFUSED
    # wrong roles at A: staff (and the parent, except the pedagogical plan), the adviser at a location host
    for user in (world.a.staff, world.a.parent, world.adviser):
        assert getattr(client_for(user, world.a), method)(url).status_code in REFUSED, (url, user)


def test_pedagogical_plan_only_for_members_of_the_location(client_for, world, things):
    assert client_for(world.a.staff, world.a).get("/advisory/pedagogical-plan/").status_code == 200
    assert client_for(world.b.parent, world.a).get("/advisory/pedagogical-plan/").status_code in REFUSED
    assert client_for(world.adviser, world.a).get("/advisory/pedagogical-plan/").status_code in REFUSED
