"""Bad input is a field error (API 400, page form error), never a 500, and nothing is stored."""
import pytest

from tenants.contracts.models import Contract, ContractVersion
from tests.tenants.contracts.conftest import at, create, make_contract

CASES = [
    ("end before start", {"start_date": "2026-03-01", "end_date": "2026-02-01"}, "end_date"),
    ("outside opening hours", {"schedule": [[{"weekday": 0, "start": "07:00", "end": "17:00"}]]}, "schedule"),
    ("after closing time", {"schedule": [[{"weekday": 1, "start": "08:00", "end": "19:00"}]]}, "schedule"),
    ("closed weekday", {"schedule": [[{"weekday": 5, "start": "09:00", "end": "12:00"}]]}, "schedule"),
    ("end before start time", {"schedule": [[{"weekday": 1, "start": "12:00", "end": "08:00"}]]}, "schedule"),
    ("not a time", {"schedule": [[{"weekday": 1, "start": "8 uur", "end": "12:00"}]]}, "schedule"),
    ("weekday out of range", {"schedule": [[{"weekday": 9, "start": "08:00", "end": "12:00"}]]}, "schedule"),
    ("a weekday twice", {"schedule": [[{"weekday": 1, "start": "08:00", "end": "12:00"},
                                       {"weekday": 1, "start": "13:00", "end": "15:00"}]]}, "schedule"),
    ("no days", {"schedule": [[]]}, "schedule"),
    ("schedule not a list", {"schedule": "monday"}, "schedule"),
    ("alternating with one week", {"schedule_type": "alternating"}, "schedule"),
    ("flexible without estimate", {"schedule_type": "flexible", "schedule": []}, "estimated_hours_per_quarter"),
    ("estimate on a weekly plan", {"estimated_hours_per_quarter": "100"}, "estimated_hours_per_quarter"),
    ("care type of another kind", {"care_type": "bso"}, "care_type"),
    ("unknown schedule type", {"schedule_type": "sometimes"}, "schedule_type"),
    ("unknown child", {"child": 999999}, "child"),
    ("no start date", {"start_date": None}, "start_date"),
]


@pytest.mark.parametrize(("case", "overrides", "field"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_a_field_error(setup, client_for, case, overrides, field):
    response = create(client_for(setup.a.entrepreneur, setup.a), setup, **overrides)
    assert response.status_code == 400, (case, response.content)
    assert field in response.json(), (case, response.json())
    with at(setup.a):
        assert not Contract.objects.exists() and not ContractVersion.objects.exists()


def test_group_of_the_wrong_kind(setup, client_for):
    from tenants.groups.models import Group

    with at(setup.a):
        bso_group = Group.objects.create(name="BSO", kind="basisgroep").pk
    response = create(client_for(setup.a.entrepreneur, setup.a), setup, group=bso_group)
    assert response.status_code == 400 and "group" in response.json()


def test_overlapping_contracts_for_the_same_child_and_care_type(setup, client_for):
    make_contract(setup, start_date="2026-01-05", end_date="2026-12-31")
    c = client_for(setup.a.entrepreneur, setup.a)
    response = create(c, setup, start_date="2026-06-01", end_date="2027-06-30")
    assert response.status_code == 400 and "start_date" in response.json()
    response = create(c, setup, start_date="2025-01-01", end_date=None)
    assert response.status_code == 400 and "start_date" in response.json()
    assert create(c, setup, start_date="2027-01-01", end_date="2027-12-31").status_code == 201
    with at(setup.a):
        assert Contract.objects.count() == 2


def test_page_shows_schedule_errors_and_stores_nothing(setup, client_for):
    response = client_for(setup.a.entrepreneur, setup.a).post("/contracts/new/", {
        "child": setup.a.child_id, "care_type": "kdv", "group": setup.groups["alpha"], "start_date": "2026-02-02",
        "end_date": "2026-01-01", "schedule_type": "weekly", "days-a_1_start": "06:00", "days-a_1_end": "16:00"})
    assert response.status_code == 400
    assert response.context["form"].errors["end_date"]
    assert "outside the opening hours" in " ".join(response.context["schedule_form"].non_field_errors())
    with at(setup.a):
        assert not Contract.objects.exists()
