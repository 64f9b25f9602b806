"""Flemish care-plan rules, configurable per location: at least 2 care days per plan; a reduction at most
twice in the whole care period and once per calendar year, asked three months ahead."""
from datetime import date, time

import pytest

from tenants.contracts import rules
from tests.tenants.contracts.conftest import make_contract

FLEMISH = rules.FlemishRules()


def days(*weekdays):
    return [rules.CareDay(d, time(8), time(17)) for d in weekdays]


# (care plan weeks, minimum, allowed?)
CARE_DAYS = [
    ([days(0, 1)], 2, True),
    ([days(0)], 2, False),
    ([days(0, 1, 2)], 3, True),
    ([days(0, 1), days(3, 4)], 2, True),
    ([days(0, 1), days(3)], 2, False),
    ([days(0, 1, 2), days(3, 4)], 2, False),  # alternating plan: same number of days in both weeks
    ([days(0)], 1, True),
]


@pytest.mark.parametrize(("weeks", "minimum", "allowed"), CARE_DAYS)
def test_minimum_care_days_table(weeks, minimum, allowed):
    assert (rules.care_days_errors(weeks, minimum) == []) is allowed


# (asked on, takes effect on, earlier reductions, expected error fields)
REDUCTIONS = [
    (date(2026, 1, 10), date(2026, 4, 10), [], set()),
    (date(2026, 1, 10), date(2026, 4, 9), [], {"effective_from"}),
    (date(2026, 11, 30), date(2027, 2, 28), [], set()),
    (date(2026, 1, 10), date(2026, 5, 1), [date(2025, 3, 1)], set()),
    (date(2026, 1, 10), date(2026, 5, 1), [date(2026, 2, 1)], {"schedule"}),  # second one in 2026
    (date(2026, 1, 10), date(2026, 5, 1), [date(2024, 3, 1), date(2025, 3, 1)], {"schedule"}),  # third in total
    (date(2026, 3, 1), date(2026, 4, 1), [date(2026, 2, 1), date(2025, 2, 1)], {"schedule", "effective_from"}),
]


@pytest.mark.parametrize(("asked", "effective", "earlier", "fields"), REDUCTIONS)
def test_reduction_table(asked, effective, earlier, fields):
    errors = rules.reduction_errors(requested_on=asked, effective_from=effective, earlier_reductions=earlier,
                                    rules=FLEMISH)
    assert set(errors) == fields


@pytest.mark.parametrize(("old", "new", "reduction"), [
    ([days(0, 1, 2)], [days(0, 1)], True),
    ([days(0, 1)], [days(0, 1, 2)], False),
    ([days(0, 1)], [days(3, 4)], False),
    ([days(0, 1, 2)], [days(0, 1), days(0, 1, 2)], True),
    ([], [days(0, 1)], False),
])
def test_what_counts_as_a_reduction(old, new, reduction):
    assert rules.is_reduction(old, new) is reduction


THREE_DAYS = [[{"weekday": d, "start": "08:00", "end": "17:00"} for d in (0, 1, 2)]]
TWO_DAYS = [[{"weekday": d, "start": "08:00", "end": "17:00"} for d in (0, 1)]]
ONE_DAY = [[{"weekday": 0, "start": "08:00", "end": "17:00"}]]


def change(client, contract, schedule, effective_from, requested_on):
    return client.post(f"/api/v1/contracts/{contract.pk}/change/", {
        "effective_from": effective_from, "requested_on": requested_on, "schedule_type": "weekly",
        "schedule": schedule}, content_type="application/json")


def test_flemish_location_refuses_a_plan_of_one_day(flemish_a, setup, client_for):
    response = client_for(setup.a.entrepreneur, setup.a).post("/api/v1/contracts/", {
        "child": setup.a.child_id, "care_type": "kdv", "group": setup.groups["alpha"], "start_date": "2026-01-05",
        "schedule_type": "weekly", "schedule": ONE_DAY}, content_type="application/json")
    assert response.status_code == 400 and "schedule" in response.json()


def test_dutch_location_allows_a_plan_of_one_day(setup, client_for):
    response = client_for(setup.a.entrepreneur, setup.a).post("/api/v1/contracts/", {
        "child": setup.a.child_id, "care_type": "kdv", "group": setup.groups["alpha"], "start_date": "2026-01-05",
        "schedule_type": "weekly", "schedule": ONE_DAY}, content_type="application/json")
    assert response.status_code == 201


def test_flemish_reductions_through_the_api(flemish_a, setup, client_for):
    contract = make_contract(setup, start_date="2025-01-06", end_date="2028-12-31", schedule=THREE_DAYS)
    c = client_for(setup.a.entrepreneur, setup.a)
    late = change(c, contract, TWO_DAYS, "2026-03-01", "2026-01-15")
    assert late.status_code == 400 and "effective_from" in late.json()
    assert change(c, contract, TWO_DAYS, "2026-04-15", "2026-01-15").status_code == 201  # first reduction
    # An increase is always possible.
    assert change(c, contract, THREE_DAYS, "2026-06-01", "2026-05-01").status_code == 201
    same_year = change(c, contract, TWO_DAYS, "2026-12-01", "2026-06-01")
    assert same_year.status_code == 400 and "schedule" in same_year.json()
    assert change(c, contract, TWO_DAYS, "2027-02-01", "2026-10-01").status_code == 201  # second reduction
    assert change(c, contract, THREE_DAYS, "2027-06-01", "2027-05-01").status_code == 201
    third = change(c, contract, TWO_DAYS, "2028-03-01", "2027-10-01")
    assert third.status_code == 400 and "twice" not in third.json()["schedule"][0]
    assert "at most 2 times" in third.json()["schedule"][0]


def test_rules_are_configurable_per_location(flemish_a, setup, client_for):
    c = client_for(setup.a.entrepreneur, setup.a)
    assert c.get("/api/v1/contract-settings/").json()["applies_flemish_rules"] is True
    response = c.put("/api/v1/contract-settings/", {"min_care_days": 1}, content_type="application/json")
    assert response.status_code == 200 and response.json()["min_care_days"] == 1
    contract = make_contract(setup, schedule=ONE_DAY)  # now allowed
    assert contract.pk
    assert c.put("/api/v1/contract-settings/", {"flemish_rules": False},
                 content_type="application/json").json()["applies_flemish_rules"] is False
    bad = c.put("/api/v1/contract-settings/", {"max_reductions_total": 99}, content_type="application/json")
    assert bad.status_code == 400 and "max_reductions_total" in bad.json()


def test_settings_page_and_access(flemish_a, setup, client_for):
    c = client_for(setup.a.entrepreneur, setup.a)
    assert c.get("/contracts/settings/").status_code == 200
    assert c.post("/contracts/settings/", {"flemish_rules": "true", "min_care_days": 3, "max_reductions_total": 2,
                                           "max_reductions_per_year": 1,
                                           "reduction_notice_months": 3}).status_code == 302
    for user in (setup.a.staff, setup.a.parent, setup.b.entrepreneur):
        assert client_for(user, setup.a).get("/api/v1/contract-settings/").status_code == 403
        assert client_for(user, setup.a).get("/contracts/settings/").status_code == 403
