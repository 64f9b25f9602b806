"""The entrepreneur answers a parent's change request: accepting a new schedule makes the next contract
version (the parent signs it as any change), accepting an end records the parent's notice, a refusal needs
an answer; the parent reads the status and the answer."""
from datetime import timedelta

import pytest

from tenants.calendar.selectors import location_today
from tenants.contracts.models import ChangeRequest, Contract, ContractVersion
from tests.tenants.contracts.conftest import at, make_contract
from tests.tenants.contracts.test_request_contract_change import MORE, ask


def today(world):
    with at(world.a):
        return location_today()


def open_request(setup, api, **data):
    contract = make_contract(setup, end_date=None)
    data = data or {"kind": "schedule", "effective_from": (today(setup) + timedelta(days=14)).isoformat(),
                    "schedule_type": "weekly", "schedule": MORE}
    response = ask(api(setup.a.parent, setup.a), contract, **data)
    assert response.status_code == 201, response.content
    return contract, response.json()


def test_accepting_a_new_schedule_makes_version_two_for_the_parent_to_sign(setup, api, client_for):
    contract, change = open_request(setup, api)
    owner = client_for(setup.a.entrepreneur, setup.a)
    listing = owner.get("/contracts/change-requests/").content.decode()
    assert 'id="open-requests"' in listing and "Saartje Verbeek" in listing
    assert [item["id"] for item in api(setup.a.entrepreneur, setup.a).get(
        "/api/v1/contract-change-requests/?open=1").json()["results"]] == [change["id"]]
    response = owner.post(f"/contracts/change-requests/{change['id']}/answer/",
                          {"decision": "accept", "answer": "Prima, tot vrijdag!"})
    assert response.status_code == 302
    with at(setup.a):
        stored = ChangeRequest.objects.get(pk=change["id"])
        version = contract.current_version
        assert stored.status == "accepted" and stored.version == version
        assert version.number == 2 and version.signed_at is None and len(version.schedule[0]) == 4
        assert version.effective_from == stored.effective_from
    parent = api(setup.a.parent, setup.a)
    seen = parent.get(f"/api/v1/contract-change-requests/{change['id']}/").json()
    assert (seen["status"], seen["answer"], seen["version"]) == ("accepted", "Prima, tot vrijdag!", 2)
    assert "Prima, tot vrijdag!" in client_for(setup.a.parent, setup.a).get(
        f"/contracts/change-requests/{change['id']}/").content.decode()
    assert parent.post(f"/api/v1/contracts/{contract.pk}/sign/",
                       {"typed_name": setup.a.parent.full_name}).status_code == 200


def test_accepting_an_end_records_the_parents_notice(setup, api):
    end = today(setup) + timedelta(days=62)
    contract, change = open_request(setup, api, kind="end", end_date=end.isoformat())
    response = api(setup.a.entrepreneur, setup.a).post(f"/api/v1/contract-change-requests/{change['id']}/answer/",
                                                        {"decision": "accept"})
    assert response.status_code == 200, response.content
    with at(setup.a):
        contract = Contract.objects.get(pk=contract.pk)
    assert (contract.end_date, contract.notice_by, contract.notice_given_on) == (end, "parent", today(setup))


def test_another_wish_is_accepted_or_refused_with_an_answer(setup, api):
    _contract, change = open_request(setup, api, kind="other", message="Mag Saartje bij haar broer in de groep?")
    owner = api(setup.a.entrepreneur, setup.a)
    empty = owner.post(f"/api/v1/contract-change-requests/{change['id']}/answer/", {"decision": "refuse"})
    assert empty.status_code == 400 and "answer" in empty.json()
    refused = owner.post(f"/api/v1/contract-change-requests/{change['id']}/answer/",
                         {"decision": "refuse", "answer": "De groep is vol."})
    assert refused.status_code == 200 and refused.json()["status"] == "refused"
    twice = owner.post(f"/api/v1/contract-change-requests/{change['id']}/answer/", {"decision": "accept"})
    assert twice.status_code == 400 and "status" in twice.json()
    assert api(setup.a.parent, setup.a).post(
        f"/api/v1/contract-change-requests/{change['id']}/cancel/").status_code == 400


def test_a_change_that_cannot_be_made_keeps_the_request_open(setup, api, client_for):
    contract, change = open_request(setup, api)
    with at(setup.a):  # the wished start has passed by the time the entrepreneur answers
        ChangeRequest.objects.filter(pk=change["id"]).update(effective_from=location_today())
    page = client_for(setup.a.entrepreneur, setup.a).post(f"/contracts/change-requests/{change['id']}/answer/",
                                                           {"decision": "accept"})
    assert page.status_code == 400 and "has passed" in page.content.decode()
    with at(setup.a):
        assert ChangeRequest.objects.get(pk=change["id"]).status == "open"
        assert ContractVersion.objects.filter(contract=contract).count() == 1


@pytest.mark.parametrize("body, field", [
    ({}, "decision"),
    ({"decision": "maybe"}, "decision"),
    ({"decision": "refuse", "answer": "x" * 2001}, "answer"),
])
def test_bad_answers_are_a_400_naming_the_field(setup, api, body, field):
    _contract, change = open_request(setup, api)
    response = api(setup.a.entrepreneur, setup.a).post(
        f"/api/v1/contract-change-requests/{change['id']}/answer/", body)
    assert response.status_code == 400 and field in response.json()
    with at(setup.a):
        assert ChangeRequest.objects.get(pk=change["id"]).status == "open"


def test_parents_staff_and_other_locations_cannot_answer(setup, api, client_for):
    _contract, change = open_request(setup, api)
    for user in (setup.a.parent, setup.a.staff):
        assert api(user, setup.a).post(f"/api/v1/contract-change-requests/{change['id']}/answer/",
                                       {"decision": "accept"}).status_code == 403
        assert client_for(user, setup.a).post(f"/contracts/change-requests/{change['id']}/answer/",
                                              {"decision": "accept"}).status_code == 403
    assert client_for(setup.a.staff, setup.a).get("/contracts/change-requests/").status_code == 403
    for user in (setup.b.entrepreneur, setup.b.parent):
        assert api(user, setup.a).post(f"/api/v1/contract-change-requests/{change['id']}/answer/",
                                       {"decision": "accept"}).status_code in (403, 404)
    with at(setup.a):
        assert ChangeRequest.objects.get(pk=change["id"]).status == "open"
