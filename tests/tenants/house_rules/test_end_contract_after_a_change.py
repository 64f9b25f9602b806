"""A parent who does not agree with a house-rules change to the family's disadvantage may end the contract within
the two months after being told without notice costs (seed 003 §4.5.3); after that window the usual notice
applies (seed 001 §1.4: one month in the Netherlands; seed 003 §4.4.1: three months in Flanders). The rule is
tenants.house_rules.rules.notice_costs_waived, used by the contract-ending service."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from tenants.contracts import rules as contract_rules
from tests.tenants.calendar.conftest import flemish_a  # noqa: F401 (fixture)
from tests.tenants.conftest import in_schema
from tests.tenants.contracts.conftest import make_contract, setup  # noqa: F401 (fixture)
from tests.tenants.house_rules.conftest import announce


def _today(site):
    from tenants.calendar.selectors import location_today

    with in_schema(site):
        return location_today()


def give_notice(site, contract, **fields):
    from tenants.contracts import services

    with in_schema(site):
        return services.give_notice(contract, party="parent", **fields)


@pytest.fixture
def change(setup):  # noqa: F811
    today = _today(setup.a)
    announce(setup.a, effective_on=today.replace(year=2024, month=1, day=1))
    return announce(setup.a, today=today, summary="Hogere boetes", disadvantageous=True,
                    effective_on=contract_rules.add_months(today, 3))


def test_within_the_window_the_contract_ends_without_notice(setup, change):  # noqa: F811
    contract = make_contract(setup, end_date=None)
    given = change.announced_on + timedelta(days=10)
    ended = give_notice(setup.a, contract, given_on=given, end_date=given + timedelta(days=1))
    assert ended.end_date == given + timedelta(days=1)


def test_after_the_window_the_usual_notice_applies(setup, change):  # noqa: F811
    contract = make_contract(setup, end_date=None)
    given = contract_rules.add_months(change.announced_on, 2)  # the day after the window's last day
    with pytest.raises(ValidationError) as error:
        give_notice(setup.a, contract, given_on=given, end_date=given + timedelta(days=1))
    assert "end_date" in error.value.message_dict
    ended = give_notice(setup.a, contract, given_on=given)
    assert ended.end_date == contract_rules.add_months(given, 1)


def test_without_a_disadvantageous_change_notice_costs_stay(setup):  # noqa: F811
    today = _today(setup.a)
    announce(setup.a, effective_on=today.replace(year=2024, month=1, day=1))
    announce(setup.a, today=today, summary="Nieuwe knutselhoek", effective_on=contract_rules.add_months(today, 3))
    contract = make_contract(setup, end_date=None)
    with pytest.raises(ValidationError):
        give_notice(setup.a, contract, given_on=today + timedelta(days=3), end_date=today + timedelta(days=4))


def test_in_flanders_the_notice_is_one_month_instead_of_three(flemish_a, setup, change):  # noqa: F811
    contract = make_contract(setup, end_date=None, schedule=[[{"weekday": 0, "start": "08:00", "end": "17:00"},
                                                              {"weekday": 1, "start": "08:00", "end": "17:00"}]])
    given = change.announced_on + timedelta(days=5)
    ended = give_notice(setup.a, contract, given_on=given)
    assert ended.end_date == contract_rules.add_months(given, 1)


def test_a_parent_asks_to_end_within_the_window(setup, change, api):  # noqa: F811
    contract = make_contract(setup, end_date=None)
    end = _today(setup.a) + timedelta(days=7)  # sooner than the month's notice
    response = api(setup.a.parent, setup.a).post("/api/v1/contract-change-requests/", {
        "contract": contract.pk, "kind": "end", "end_date": end.isoformat()})
    assert response.status_code == 201, response.content
