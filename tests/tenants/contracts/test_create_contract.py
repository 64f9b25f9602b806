"""The entrepreneur makes a contract: weekly, alternating or flexible; the first version awaits signature."""
from tenants.contracts.models import Contract
from tests.tenants.contracts.conftest import at, create


def test_entrepreneur_creates_a_weekly_contract(setup, client_for):
    response = create(client_for(setup.a.entrepreneur, setup.a), setup)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "awaiting_signature" and data["care_type"] == "kdv"
    version = data["current_version"]
    assert version["number"] == 1 and version["schedule_type"] == "weekly"
    assert [d["weekday"] for d in version["schedule"][0]] == [0, 2, 3]
    assert len(version["document_sha256"]) == 64 and version["signed_at"] is None


def test_alternating_two_week_plan(setup, client_for):
    weeks = [[{"weekday": 0, "start": "08:00", "end": "17:00"}, {"weekday": 1, "start": "08:00", "end": "17:00"}],
             [{"weekday": 3, "start": "08:00", "end": "17:00"}, {"weekday": 4, "start": "08:00", "end": "17:00"}]]
    response = create(client_for(setup.a.entrepreneur, setup.a), setup, schedule_type="alternating", schedule=weeks)
    assert response.status_code == 201, response.content
    assert len(response.json()["current_version"]["schedule"]) == 2


def test_flexible_contract_with_an_estimate_per_three_months(setup, client_for):
    response = create(client_for(setup.a.entrepreneur, setup.a), setup, schedule_type="flexible", schedule=[],
                      estimated_hours_per_quarter="180.0")
    assert response.status_code == 201, response.content
    assert response.json()["current_version"]["estimated_hours_per_quarter"] == "180.0"


def test_the_page_form_creates_a_contract(setup, client_for):
    c = client_for(setup.a.entrepreneur, setup.a)
    assert c.get("/contracts/new/").status_code == 200
    response = c.post("/contracts/new/", {
        "child": setup.a.child_id, "care_type": "kdv", "group": setup.groups["alpha"], "start_date": "2026-02-02",
        "end_date": "", "schedule_type": "weekly", "days-a_1_start": "08:00", "days-a_1_end": "16:00",
        "days-a_4_start": "08:30", "days-a_4_end": "12:30"})
    assert response.status_code == 302, response.content.decode()[:2000]
    with at(setup.a):
        contract = Contract.objects.get()
        assert contract.end_date is None
        assert contract.current_version.schedule == [[{"weekday": 1, "start": "08:00", "end": "16:00"},
                                                      {"weekday": 4, "start": "08:30", "end": "12:30"}]]
    assert c.get(response["Location"]).status_code == 200


def test_staff_and_parents_cannot_create(setup, client_for):
    for user in (setup.a.staff, setup.a.parent):
        assert create(client_for(user, setup.a), setup).status_code == 403
        assert client_for(user, setup.a).get("/contracts/new/").status_code == 403
    with at(setup.a):
        assert not Contract.objects.exists()
