"""Every meldcode endpoint refuses another location's user and a user of the wrong role (403 or 404)."""
import pytest

from safeguarding.models import CaseAuditEntry

LOCATION_ENDPOINTS = [
    # (method, path; {pk} is a case of location A), roles at A that may use it
    ("get", "/meldcode/report/", {"entrepreneur", "staff", "parent"}),
    ("get", "/meldcode/my-reports/", {"entrepreneur", "staff", "parent"}),
    ("get", "/api/v1/meldcode/reports/", {"entrepreneur", "staff", "parent"}),
    ("get", "/meldcode/cases/", {"entrepreneur"}),
    ("get", "/meldcode/cases/{pk}/", {"entrepreneur"}),
    ("get", "/api/v1/meldcode/cases/", {"entrepreneur"}),
    ("get", "/api/v1/meldcode/cases/{pk}/", {"entrepreneur"}),
]
PUBLIC_ENDPOINTS = [
    ("get", "/meldcode/"), ("get", "/meldcode/{pk}/"), ("post", "/meldcode/{pk}/steps/"),
    ("post", "/meldcode/{pk}/close/"), ("get", "/meldcode/{pk}/audit/"), ("get", "/meldcode/figures/"),
    ("get", "/api/v1/meldcode/cases/"), ("get", "/api/v1/meldcode/cases/{pk}/"),
    ("post", "/api/v1/meldcode/cases/{pk}/steps/"), ("post", "/api/v1/meldcode/cases/{pk}/close/"),
    ("get", "/api/v1/meldcode/cases/{pk}/audit/"), ("get", "/api/v1/meldcode/figures/"),
]


@pytest.mark.parametrize(("method", "path", "allowed"), LOCATION_ENDPOINTS)
def test_location_endpoints(world, report, client_for, method, path, allowed):
    case = report(route=1)
    url = path.format(pk=case.pk)
    for role in ("entrepreneur", "staff", "parent"):
        response = getattr(client_for(getattr(world.a, role), world.a), method)(url)
        assert (response.status_code == 200) == (role in allowed), (role, url, response.status_code)
    for role in ("entrepreneur", "staff", "parent"):  # location B's people at A's host
        assert getattr(client_for(getattr(world.b, role), world.a), method)(url).status_code in (403, 404)
    for user in (world.coop_admin, world.adviser, world.lead_adviser, world.pedagogue):
        assert getattr(client_for(user, world.a), method)(url).status_code in (403, 404)
    if "{pk}" in path:  # B's entrepreneur on her own host asking for A's case
        assert getattr(client_for(world.b.entrepreneur, world.b), method)(url).status_code == 404


@pytest.mark.parametrize(("method", "path"), PUBLIC_ENDPOINTS)
def test_main_domain_endpoints_are_the_pedagogues_only(world, report, client_for, method, path):
    case = report(route=1)
    url = path.format(pk=case.pk)
    before = CaseAuditEntry.objects.filter(case=case).count()
    users = [world.coop_admin, world.adviser, world.lead_adviser, world.a.entrepreneur, world.a.staff,
             world.a.parent, world.two_location_parent]
    for user in users:
        assert getattr(client_for(user), method)(url).status_code == 403, (user, url)
    assert getattr(client_for(None), method)(url).status_code in (302, 401, 403)
    assert CaseAuditEntry.objects.filter(case=case).count() == before  # refused requests read nothing
    assert getattr(client_for(world.pedagogue, world.a), method)(url).status_code in (403, 404)
    response = getattr(client_for(world.pedagogue), method)(url)
    assert response.status_code in (200, 302, 400)
