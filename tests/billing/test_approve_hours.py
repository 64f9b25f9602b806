"""NL childminder: the parent approves the registered hours of her child per day or for a whole month on her
page; an approved day is final; after 7 days the hours are approved automatically, which she sees. Only a
guardian of the child (or the paying parent) reaches the hours."""
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tests.billing.conftest import at, make_contract
from tests.outbox.helpers import deliver_outbox

PAGE = "/billing/hours/"


@pytest.fixture
def days(billing):
    """Three registered days in October 2026 and one in September, not yet approved."""
    from billing.tariffs import services

    contract = make_contract(billing)
    with at(billing.a):
        rows = [services.register_hours(contract, day=date(2026, 10, day), hours="9.5", user=billing.a.entrepreneur)
                for day in (5, 8, 12)]
        rows.append(services.register_hours(contract, day=date(2026, 9, 28), hours="8",
                                            user=billing.a.entrepreneur))
    billing.contract = contract
    return rows


def state(row):
    from billing.tariffs.models import RegisteredHours

    return RegisteredHours.objects.values("approved_at", "approved_by", "auto_approved", "disputed_at").get(pk=row.pk)


def test_the_parent_approves_one_day_and_then_the_rest_of_the_month(billing, days, client_for):
    parent = client_for(billing.a.parent, billing.a)
    page = parent.get(PAGE, {"month": "2026-10"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Saartje Verbeek" in body and "to approve (automatically on" in body

    response = parent.post(PAGE, {"action": "approve", "month": "2026-10", "day": days[0].pk})
    assert response.status_code == 302 and response["Location"] == f"{PAGE}?month=2026-10"
    with at(billing.a):
        first = state(days[0])
        assert first["approved_by"] == billing.a.parent.pk and not first["auto_approved"]
        assert state(days[1])["approved_at"] is None

    assert parent.post(PAGE, {"action": "approve", "month": "2026-10"}).status_code == 302
    with at(billing.a):
        assert all(state(row)["approved_by"] == billing.a.parent.pk for row in days[:3])
        assert state(days[3])["approved_at"] is None  # September is another month
    body = parent.get(PAGE, {"month": "2026-10"}).content.decode()
    assert body.count("approved on") == 3


def test_without_a_month_the_page_opens_on_the_oldest_month_with_hours_to_approve(billing, days, client_for):
    parent = client_for(billing.a.parent, billing.a)
    assert parent.get(PAGE).context["month"] == date(2026, 9, 1)
    with at(billing.a):
        from billing.tariffs import services

        services.approve_hours([days[3]], user=billing.a.parent)
    assert parent.get(PAGE).context["month"] == date(2026, 10, 1)


def test_an_approved_day_cannot_be_changed(billing, days, client_for):
    from billing.tariffs import services

    with at(billing.a):
        services.approve_hours([days[0]], user=billing.a.parent)
        before = state(days[0])
    parent = client_for(billing.a.parent, billing.a)
    for data in ({"action": "approve", "day": days[0].pk}, {"action": "wrong", "day": days[0].pk, "note": "Te veel"}):
        response = parent.post(PAGE, {"month": "2026-10", **data})
        assert response.status_code == 400
        assert "The hours of this day are approved already." in response.context["errors"]
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.post("/billing/tariffs/hours/", {"contract": billing.contract.pk, "date": "2026-10-05",
                                                      "hours": "4"})
    assert response.status_code == 400
    assert response.context["form"].errors["date"] == ["The hours of this day are approved already."]
    with at(billing.a):
        assert state(days[0]) == before
        assert str(type(days[0]).objects.get(pk=days[0].pk).hours) == "9.50"


def test_nothing_left_to_approve_and_bad_input_are_clear_errors(billing, days, client_for):
    parent = client_for(billing.a.parent, billing.a)
    response = parent.post(PAGE, {"action": "approve", "month": "2026-08"})
    assert response.status_code == 400
    assert response.context["errors"] == ["There are no hours left to approve in this month."]
    response = parent.post(PAGE, {"action": "approve", "month": "oktober"})
    assert response.status_code == 400
    assert response.context["form"].errors["month"] == ["Enter a month as year-month, for example 2026-03."]
    assert parent.get(PAGE, {"month": "2026-13"}).status_code == 400
    response = parent.post(PAGE, {"action": "approve"})
    assert response.status_code == 400 and response.context["errors"] == ["Choose the month to approve."]
    response = parent.post(PAGE, {"action": "delete", "month": "2026-10", "day": days[0].pk})
    assert response.status_code == 400
    assert parent.post(PAGE, {"action": "approve", "month": "2026-10", "day": "abc"}).status_code == 400
    with at(billing.a):
        assert all(state(row)["approved_at"] is None for row in days)


def test_automatic_approval_after_7_days_is_visible_to_the_parent(billing, days, client_for):
    from billing.tariffs import services
    from billing.tariffs.models import RegisteredHours

    with at(billing.a):
        RegisteredHours.objects.filter(pk=days[1].pk).update(registered_at=timezone.now() - timedelta(days=8))
        mail.outbox.clear()
        assert services.auto_approve_hours(location_name="Test alpha") == 1
    deliver_outbox()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [billing.a.parent.email]
    body = mail.outbox[0].body
    assert "1 registered day of care at Test alpha was approved" in body
    assert billing.a.location.host in body and body.endswith(PAGE)
    body = client_for(billing.a.parent, billing.a).get(PAGE, {"month": "2026-10"}).content.decode()
    assert "approved automatically on" in body
    assert body.count("to approve (automatically on") == 2


def test_the_overview_task_links_to_the_page(billing, days, client_for):
    from portal.selectors import parent_overview

    overview = next(o for o in parent_overview(billing.a.parent) if o.location.pk == billing.a.location.pk)
    task = next(t for t in overview.tasks if t.kind == "hours")
    assert task.url.endswith(f"{PAGE}?contract={billing.contract.pk}")
    parent = client_for(billing.a.parent, billing.a)
    response = parent.get(f"{PAGE}?contract={billing.contract.pk}")
    assert response.status_code == 200 and response.context["month"] == date(2026, 9, 1)


def test_the_api_approves_through_the_same_rule(billing, days, api):
    parent = api(billing.a.parent, billing.a)
    response = parent.post(f"/api/v1/billing/registered-hours/{days[0].pk}/approve/")
    assert response.status_code == 200 and response.json()["approved_at"]
    again = parent.post(f"/api/v1/billing/registered-hours/{days[0].pk}/approve/")
    assert again.status_code == 400 and "date" in again.json()
    owner = api(billing.a.entrepreneur, billing.a)
    assert owner.post(f"/api/v1/billing/registered-hours/{days[1].pk}/approve/").status_code == 403
    other = api(billing.two_location_parent, billing.a)
    assert other.post(f"/api/v1/billing/registered-hours/{days[1].pk}/approve/").status_code == 404


@pytest.mark.parametrize("who", ["other_family", "staff", "entrepreneur", "other_parent", "other_entrepreneur"])
def test_others_cannot_see_or_approve(billing, days, client_for, who):
    users = {"other_family": billing.two_location_parent, "staff": billing.a.staff,
             "entrepreneur": billing.a.entrepreneur, "other_parent": billing.b.parent,
             "other_entrepreneur": billing.b.entrepreneur}
    client = client_for(users[who], billing.a)
    page = client.get(PAGE, {"month": "2026-10"})
    if who == "other_family":  # a parent here, but not of this child: her own (empty) page
        assert page.status_code == 200 and "Saartje" not in page.content.decode()
        assert client.post(PAGE, {"action": "approve", "month": "2026-10", "day": days[0].pk}).status_code == 404
        assert client.post(PAGE, {"action": "wrong", "month": "2026-10", "day": days[0].pk,
                                  "note": "x"}).status_code == 404
        assert client.post(PAGE, {"action": "approve", "month": "2026-10"}).status_code == 400
    else:
        assert page.status_code in (403, 404)
        for data in ({"action": "approve", "month": "2026-10"}, {"action": "approve", "day": days[0].pk}):
            assert client.post(PAGE, data).status_code in (403, 404)
    with at(billing.a):
        assert all(state(row)["approved_at"] is None and state(row)["disputed_at"] is None for row in days)
