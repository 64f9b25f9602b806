"""Notice by jurisdiction: NL one month either side; Flanders three months for the parent, one for the location."""
from datetime import date

import pytest

from tenants.contracts import rules
from tests.tenants.contracts.conftest import make_contract

# (jurisdiction, party, notice given on, earliest last day)
TABLE = [
    ("NL", "parent", date(2026, 3, 10), date(2026, 4, 10)),
    ("NL", "location", date(2026, 3, 10), date(2026, 4, 10)),
    ("NL", "parent", date(2026, 1, 31), date(2026, 2, 28)),
    ("NL", "location", date(2026, 12, 15), date(2027, 1, 15)),
    ("BE-VLG", "parent", date(2026, 3, 10), date(2026, 6, 10)),
    ("BE-VLG", "location", date(2026, 3, 10), date(2026, 4, 10)),
    ("BE-VLG", "parent", date(2026, 11, 30), date(2027, 2, 28)),
    ("BE-VLG", "parent", date(2027, 11, 30), date(2028, 2, 29)),
]


@pytest.mark.parametrize(("jurisdiction", "party", "given_on", "earliest"), TABLE)
def test_earliest_end_date_table(jurisdiction, party, given_on, earliest):
    assert rules.earliest_end_date(jurisdiction, party, given_on) == earliest
    assert rules.notice_errors(jurisdiction=jurisdiction, party=party, given_on=given_on, end_date=earliest) == {}
    too_early = rules.notice_errors(jurisdiction=jurisdiction, party=party, given_on=given_on,
                                    end_date=date.fromordinal(earliest.toordinal() - 1))
    assert list(too_early) == ["end_date"]


@pytest.mark.parametrize(("jurisdiction", "party", "months"),
                         [("NL", "parent", 1), ("NL", "location", 1), ("BE-VLG", "parent", 3),
                          ("BE-VLG", "location", 1)])
def test_notice_months(jurisdiction, party, months):
    assert rules.notice_months(jurisdiction, party) == months


def test_unknown_party_is_a_field_error():
    assert list(rules.notice_errors(jurisdiction="NL", party="grandma", given_on=date(2026, 1, 1),
                                    end_date=None)) == ["party"]


def test_dutch_notice_through_the_api(setup, client_for):
    contract = make_contract(setup)
    c = client_for(setup.a.entrepreneur, setup.a)
    too_early = c.post(f"/api/v1/contracts/{contract.pk}/notice/",
                       {"party": "parent", "given_on": "2026-03-10", "end_date": "2026-03-31"})
    assert too_early.status_code == 400 and "end_date" in too_early.json()
    response = c.post(f"/api/v1/contracts/{contract.pk}/notice/", {"party": "parent", "given_on": "2026-03-10"})
    assert response.status_code == 200, response.content
    assert response.json()["end_date"] == "2026-04-10" and response.json()["notice_by"] == "parent"
    again = c.post(f"/api/v1/contracts/{contract.pk}/notice/", {"party": "location", "given_on": "2026-03-11"})
    assert again.status_code == 400


def test_flemish_parent_gives_three_months(flemish_a, setup, client_for):
    contract = make_contract(setup, schedule=[[{"weekday": 0, "start": "08:00", "end": "17:00"},
                                               {"weekday": 1, "start": "08:00", "end": "17:00"}]])
    c = client_for(setup.a.entrepreneur, setup.a)
    response = c.post(f"/api/v1/contracts/{contract.pk}/notice/", {"party": "parent", "given_on": "2026-03-10"})
    assert response.json()["end_date"] == "2026-06-10"


def test_notice_on_the_page_and_refused_for_others(setup, client_for):
    contract = make_contract(setup)
    for user in (setup.a.staff, setup.a.parent, setup.b.entrepreneur):
        assert client_for(user, setup.a).post(f"/api/v1/contracts/{contract.pk}/notice/",
                                              {"party": "parent"}).status_code in (403, 404)
    c = client_for(setup.a.entrepreneur, setup.a)
    bad = c.post(f"/contracts/{contract.pk}/notice/", {"party": "location", "given_on": "2026-03-10",
                                                       "end_date": "2026-03-20"})
    assert bad.status_code == 400 and bad.context["notice_form"].errors["end_date"]
    good = c.post(f"/contracts/{contract.pk}/notice/", {"party": "location", "given_on": "2026-03-10"})
    assert good.status_code == 302


def test_an_unsigned_contract_cannot_be_given_notice(setup, client_for):
    contract = make_contract(setup, signed=False)
    response = client_for(setup.a.entrepreneur, setup.a).post(f"/api/v1/contracts/{contract.pk}/notice/",
                                                              {"party": "parent"})
    assert response.status_code == 400 and "non_field_errors" in response.json()
