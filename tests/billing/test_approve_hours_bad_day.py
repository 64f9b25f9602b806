"""Approving registered hours (or saying a day is wrong) with a day that is no id of a registered day — text,
digits that are not 0-9, a number too big for the database — is a 400 naming the day on the parent's page
and a 404 in the API, never a server error; the hours stay as they were."""
import pytest

from tests.billing import test_approve_hours
from tests.billing.conftest import at
from tests.billing.test_approve_hours import PAGE, state

days = test_approve_hours.days

BAD_DAYS = ["abc", "²", "١٢", "1.5", "-3", "99999999999999999999"]


@pytest.mark.parametrize("day", BAD_DAYS)
@pytest.mark.parametrize("action", ["approve", "wrong"])
def test_the_page_names_the_day(billing, days, client_for, english, action, day):
    parent = client_for(billing.a.parent, billing.a)
    response = parent.post(PAGE, {"action": action, "month": "2026-10", "day": day, "note": "Was 8 uur."})
    assert response.status_code == 400
    assert "Choose a day from the list." in response.content.decode()
    with at(billing.a):
        assert all(state(row)["approved_at"] is None and state(row)["disputed_at"] is None for row in days)


def test_a_contract_in_the_link_that_is_no_number_is_ignored(billing, days, client_for):
    parent = client_for(billing.a.parent, billing.a)
    for contract in ("abc", "²", "99999999999999999999"):
        assert parent.get(PAGE, {"contract": contract}).status_code == 200


@pytest.mark.parametrize("day", ["abc", "²", "1.5", "99999999999999999999"])
@pytest.mark.parametrize("action", ["approve", "wrong"])
def test_the_api_answers_not_found(billing, days, api, action, day):
    response = api(billing.a.parent, billing.a).post(f"/api/v1/billing/registered-hours/{day}/{action}/",
                                                     {"note": "Was 8 uur."})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
