"""A parent asks for a change of a signed contract: a new schedule from a date, the end of the contract, or
another wish in words. The wish is checked as the change itself would be; the request stays open for the
entrepreneur's answer, and the parent may cancel it until then."""
from datetime import date, timedelta

import pytest

from accounts.models import Membership
from tenants.calendar.selectors import location_today
from tenants.children.services import create_child
from tenants.contracts.models import ChangeRequest
from tests.conftest import make_user
from tests.tenants.contracts.conftest import at, make_contract

MORE = [[{"weekday": 0, "start": "08:00", "end": "17:00"}, {"weekday": 2, "start": "08:00", "end": "17:00"},
         {"weekday": 3, "start": "08:00", "end": "13:00"}, {"weekday": 4, "start": "08:00", "end": "17:00"}]]


def today(world):
    with at(world.a):
        return location_today()


def ask(client, contract, **data):
    return client.post("/api/v1/contract-change-requests/", {"contract": contract.pk, **data})


def test_a_parent_asks_for_a_new_schedule_and_sees_it_open(setup, api, client_for):
    contract = make_contract(setup, end_date=None)
    start = today(setup) + timedelta(days=14)
    response = ask(api(setup.a.parent, setup.a), contract, kind="schedule", effective_from=start.isoformat(),
                   schedule_type="weekly", schedule=MORE, message="Vrijdag erbij")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "open" and data["kind"] == "schedule" and len(data["schedule"][0]) == 4
    assert data["answer"] == "" and data["version"] is None
    page = client_for(setup.a.parent, setup.a)
    assert "Vrijdag erbij" in page.get(f"/contracts/change-requests/{data['id']}/").content.decode()
    listing = page.get("/contracts/change-requests/").content.decode()
    assert "Waiting for an answer" in listing and "Saartje Verbeek" in listing
    assert "Change requests" in page.get(f"/contracts/{contract.pk}/").content.decode()


def test_the_page_form_files_an_end_of_the_contract(setup, client_for):
    contract = make_contract(setup, end_date=None)
    c = client_for(setup.a.parent, setup.a)
    assert c.get(f"/contracts/change-requests/new/?child={setup.a.child_id}").status_code == 200
    end = today(setup) + timedelta(days=62)
    response = c.post("/contracts/change-requests/new/", {"contract": contract.pk, "kind": "end",
                                                          "end_date": end.isoformat(), "message": "We verhuizen"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    with at(setup.a):
        change = ChangeRequest.objects.get(contract=contract)
    assert (change.kind, change.end_date, change.status) == ("end", end, "open")


@pytest.mark.parametrize("data, field", [
    ({"kind": "nonsense"}, "kind"),
    ({"kind": "schedule", "schedule_type": "weekly", "schedule": MORE}, "effective_from"),
    ({"kind": "schedule", "effective_from": "TODAY", "schedule_type": "weekly", "schedule": MORE},
     "effective_from"),
    ({"kind": "schedule", "effective_from": "LATER", "schedule_type": "weekly",
      "schedule": [[{"weekday": 6, "start": "09:00", "end": "12:00"}]]}, "schedule"),
    ({"kind": "schedule", "effective_from": "LATER", "schedule_type": "fortnightly"}, "schedule_type"),
    ({"kind": "end"}, "end_date"),
    ({"kind": "end", "end_date": "SOON"}, "end_date"),  # inside the one-month notice period
    ({"kind": "end", "end_date": "2026-02-30"}, "end_date"),
    ({"kind": "other", "message": "   "}, "message"),
    ({"kind": "other", "message": "x" * 2001}, "message"),
    ({"kind": "other", "message": "Andere groep?", "contract": 999999}, "contract"),
])
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(setup, api, data, field):
    contract = make_contract(setup, end_date=None)
    day = today(setup)
    special = {"TODAY": day, "LATER": day + timedelta(days=14), "SOON": day + timedelta(days=7)}
    body = {key: special[value].isoformat() if isinstance(value, str) and value in special else value
            for key, value in data.items()}
    response = api(setup.a.parent, setup.a).post("/api/v1/contract-change-requests/", {"contract": contract.pk,
                                                                                        **body})
    assert response.status_code == 400, response.content
    assert field in response.json()
    with at(setup.a):
        assert not ChangeRequest.objects.exists()


def test_one_open_request_per_contract_and_the_parent_cancels_it(setup, api):
    contract = make_contract(setup, end_date=None)
    c = api(setup.a.parent, setup.a)
    first = ask(c, contract, kind="other", message="Kan Saartje naar de Egeltjes?").json()
    second = ask(c, contract, kind="other", message="Nog iets")
    assert second.status_code == 400 and "contract" in second.json()
    cancelled = c.post(f"/api/v1/contract-change-requests/{first['id']}/cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = c.post(f"/api/v1/contract-change-requests/{first['id']}/cancel/")
    assert again.status_code == 400 and "status" in again.json()
    assert ask(c, contract, kind="other", message="Nog iets").status_code == 201


def test_an_unsigned_contract_takes_no_request(setup, api):
    contract = make_contract(setup, signed=False, end_date=None)
    response = ask(api(setup.a.parent, setup.a), contract, kind="other", message="Vraag")
    assert response.status_code == 400 and "contract" in response.json()


def test_other_families_the_wrong_role_and_other_locations_are_refused(setup, api, client_for):
    contract = make_contract(setup, end_date=None)
    change = ask(api(setup.a.parent, setup.a), contract, kind="other", message="Vraag").json()
    other_parent = make_user("family.four@alpha.test", "Family Four")
    Membership.objects.create(user=other_parent, location=setup.a.location, role="parent")
    with at(setup.a):  # a parent of another family here: a child of her own at the location
        create_child(first_name="Vierde", last_name="Gezin", birth_date=date(2024, 2, 2), guardians=[other_parent])
    other = api(other_parent, setup.a)
    assert ask(other, contract, kind="other", message="Mag ik?").status_code == 400  # not her child's contract
    assert other.get(f"/api/v1/contract-change-requests/{change['id']}/").status_code == 404
    assert other.post(f"/api/v1/contract-change-requests/{change['id']}/cancel/").status_code == 404
    assert client_for(other_parent, setup.a).get(f"/contracts/change-requests/{change['id']}/").status_code == 404
    assert client_for(other_parent, setup.a).post(
        f"/contracts/change-requests/{change['id']}/cancel/").status_code == 404
    assert other.get("/api/v1/contract-change-requests/").json()["results"] == []
    for user in (setup.a.staff, setup.a.entrepreneur):  # staff: no contracts; the entrepreneur does not ask
        assert ask(api(user, setup.a), contract, kind="other", message="x").status_code == 403
        assert client_for(user, setup.a).get("/contracts/change-requests/new/").status_code == 403
    assert api(setup.a.staff, setup.a).get("/api/v1/contract-change-requests/").status_code == 403
    for user in (setup.b.parent, setup.b.entrepreneur):
        assert api(user, setup.a).get(f"/api/v1/contract-change-requests/{change['id']}/").status_code in (403, 404)
    with at(setup.a):
        assert ChangeRequest.objects.get(pk=change["id"]).status == "open"
