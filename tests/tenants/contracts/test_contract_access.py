"""Who sees what: the entrepreneur manages; a parent sees and signs her own children's contracts only; staff
read the schedules only; another location's people and cooperative roles get 403/404 on every endpoint."""
import pytest

from tests.platform.test_isolation import client, endpoints
from tests.tenants.contracts.conftest import make_contract

ENTREPRENEUR_ENDPOINTS = {"contract-new", "contract-settings", "contract-evaluations", "contract-evaluation-done",
                          "contract-evaluation-done-page", "contract-change-page", "contract-notice-page",
                          "contract-settings-api", "contract-evaluation-list", "contract-change", "contract-notice"}
STAFF_ENDPOINTS = {"contract-schedules", "contract-schedule-list"}


def contract_endpoints(pk):
    found = [e for e in endpoints("config.urls_location", lambda name, param: {"pk": pk}.get(param, "json"))
             if e.name.startswith("contract")]
    assert {"contracts", "contract-page", "contract-list", "contract-detail", "contract-sign", "contract-pdf",
            "contract-signed-pdf", "contract-schedule-list"} <= {e.name for e in found}
    return found


@pytest.mark.parametrize("who", ["b_entrepreneur", "b_staff", "b_parent", "adviser", "coop_admin", "pedagogue"])
def test_outsiders_get_403_or_404_everywhere(setup, who):
    contract = make_contract(setup)
    user = {"b_entrepreneur": setup.b.entrepreneur, "b_staff": setup.b.staff, "b_parent": setup.b.parent,
            "adviser": setup.adviser, "coop_admin": setup.coop_admin, "pedagogue": setup.pedagogue}[who]
    for endpoint in contract_endpoints(contract.pk):
        for method in ("get", "post"):
            response = getattr(client(user, setup.a.host), method)(endpoint.path)
            assert response.status_code in (403, 404), (who, method, str(endpoint), response.status_code)
            assert b"Saartje" not in response.content


def test_anonymous_is_refused(setup):
    contract = make_contract(setup)
    for endpoint in contract_endpoints(contract.pk):
        response = client(None, setup.a.host).get(endpoint.path)
        assert response.status_code in (302, 403), (str(endpoint), response.status_code)


def test_staff_read_schedules_only(setup):
    contract = make_contract(setup)
    c = client(setup.a.staff, setup.a.host)
    schedules = c.get("/api/v1/contract-schedules/")
    assert schedules.status_code == 200
    row = schedules.json()["results"][0]
    assert row["child_name"] == "Saartje Verbeek" and len(row["schedule"][0]) == 3
    assert "signed_ip" not in row and "document_sha256" not in row
    assert c.get("/contracts/schedules/").status_code == 200
    for endpoint in contract_endpoints(contract.pk):
        if endpoint.name in STAFF_ENDPOINTS:
            continue
        for method in ("get", "post"):
            response = getattr(c, method)(endpoint.path)
            assert response.status_code == 403, (method, str(endpoint), response.status_code)


def test_parents_see_own_children_only_and_no_management(setup):
    contract = make_contract(setup)
    own = client(setup.a.parent, setup.a.host)
    assert own.get(f"/api/v1/contracts/{contract.pk}/").status_code == 200
    assert [c["id"] for c in own.get("/api/v1/contracts/").json()["results"]] == [contract.pk]
    assert "Saartje" in own.get("/contracts/").content.decode()
    other = client(setup.two_location_parent, setup.a.host)  # a parent at A, but not of Saartje
    assert other.get("/api/v1/contracts/").json()["results"] == []
    for path in (f"/api/v1/contracts/{contract.pk}/", f"/api/v1/contracts/{contract.pk}/pdf/",
                 f"/api/v1/contracts/{contract.pk}/signed-pdf/", f"/contracts/{contract.pk}/"):
        assert other.get(path).status_code == 404, path
    for endpoint in contract_endpoints(contract.pk):
        if endpoint.name in ENTREPRENEUR_ENDPOINTS | STAFF_ENDPOINTS:
            for method in ("get", "post"):
                response = getattr(own, method)(endpoint.path)
                assert response.status_code == 403, (method, str(endpoint), response.status_code)


def test_a_parent_linked_at_two_locations_sees_both_childrens_contracts(setup):
    from tenants.children.models import Child
    from tests.tenants.contracts.conftest import at

    with at(setup.a):
        mila = Child.objects.get(first_name="Mila").pk
    with at(setup.b):
        finn = Child.objects.get(first_name="Finn").pk
    a = make_contract(setup, child=mila, signed=False)
    b = make_contract(setup, site=setup.b, child=finn, care_type="gastouder", signed=False)
    parent = setup.two_location_parent
    at_a = client(parent, setup.a.host).get("/contracts/").content.decode()
    at_b = client(parent, setup.b.host).get("/contracts/").content.decode()
    assert "Mila" in at_a and "Finn" not in at_a
    assert "Finn" in at_b and "Mila" not in at_b
    assert client(parent, setup.a.host).get(f"/api/v1/contracts/{a.pk}/").status_code == 200
    assert client(parent, setup.b.host).get(f"/api/v1/contracts/{b.pk}/").status_code == 200
