"""A change makes a new version and keeps the history; the parent signs the new version."""
from tenants.contracts.models import ContractVersion
from tests.tenants.contracts.conftest import WEEKLY, at, make_contract

MORE = [[*WEEKLY[0], {"weekday": 4, "start": "08:00", "end": "17:00"}]]


def change(client, contract, **data):
    body = {"effective_from": "2026-04-06", "schedule_type": "weekly", "schedule": MORE, **data}
    return client.post(f"/api/v1/contracts/{contract.pk}/change/", body, content_type="application/json")


def test_a_change_adds_version_two_and_keeps_version_one(setup, client_for):
    contract = make_contract(setup)
    c = client_for(setup.a.entrepreneur, setup.a)
    response = change(c, contract, note="Friday extra")
    assert response.status_code == 201, response.content
    assert response.json()["number"] == 2 and response.json()["signed_at"] is None
    versions = c.get(f"/api/v1/contracts/{contract.pk}/versions/").json()
    assert [v["number"] for v in versions] == [1, 2]
    assert versions[0]["signed_at"] and len(versions[0]["schedule"][0]) == 3
    assert len(versions[1]["schedule"][0]) == 4 and versions[1]["is_reduction"] is False
    # Version 1 stays the one in force until the parent signs version 2; its signed PDF stays downloadable.
    assert c.get(f"/api/v1/contracts/{contract.pk}/signed-pdf/?version=1").status_code == 200
    parent = client_for(setup.a.parent, setup.a)
    assert parent.post(f"/api/v1/contracts/{contract.pk}/sign/",
                       {"typed_name": setup.a.parent.full_name}).status_code == 200
    with at(setup.a):
        assert ContractVersion.objects.filter(contract=contract, signed_at__isnull=False).count() == 2


def test_a_change_outside_the_contract_period_or_opening_hours_is_refused(setup, client_for):
    contract = make_contract(setup)
    c = client_for(setup.a.entrepreneur, setup.a)
    response = change(c, contract, effective_from="2025-01-01")
    assert response.status_code == 400 and "effective_from" in response.json()
    response = change(c, contract, schedule=[[{"weekday": 6, "start": "09:00", "end": "12:00"}]])
    assert response.status_code == 400 and "schedule" in response.json()
    response = change(c, contract, end_date="2025-12-31")
    assert response.status_code == 400 and "end_date" in response.json()
    with at(setup.a):
        assert ContractVersion.objects.filter(contract=contract).count() == 1


def test_the_page_makes_a_new_version(setup, client_for):
    contract = make_contract(setup)
    c = client_for(setup.a.entrepreneur, setup.a)
    assert c.get(f"/contracts/{contract.pk}/change/").status_code == 200
    response = c.post(f"/contracts/{contract.pk}/change/", {
        "effective_from": "2026-05-04", "group": setup.groups["alpha"], "end_date": "2027-12-31",
        "schedule_type": "weekly", "days-a_0_start": "08:00", "days-a_0_end": "12:00",
        "days-a_1_start": "08:00", "days-a_1_end": "12:00"})
    assert response.status_code == 302
    with at(setup.a):
        assert contract.versions.count() == 2


def test_staff_and_parents_cannot_change(setup, client_for):
    contract = make_contract(setup)
    for user in (setup.a.staff, setup.a.parent):
        assert change(client_for(user, setup.a), contract).status_code == 403
        assert client_for(user, setup.a).get(f"/contracts/{contract.pk}/change/").status_code == 403
