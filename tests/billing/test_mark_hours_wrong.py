"""NL childminder: the parent says a registered day is wrong; the childminder sees the remark on her hours
page and corrects the day, after which the parent approves it. A day marked as wrong is not approved
automatically."""
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.billing.conftest import at, make_contract

PAGE = "/billing/hours/"


@pytest.fixture
def day(billing):
    from billing.tariffs import services

    contract = make_contract(billing)
    with at(billing.a):
        row = services.register_hours(contract, day=date(2026, 10, 5), hours="9.5", user=billing.a.entrepreneur)
    billing.contract = contract
    return row


def test_the_parent_marks_a_day_wrong_and_the_childminder_corrects_it(billing, day, client_for):
    from billing.tariffs import services
    from billing.tariffs.models import RegisteredHours

    parent = client_for(billing.a.parent, billing.a)
    response = parent.post(PAGE, {"action": "wrong", "month": "2026-10", "day": day.pk,
                                  "note": "Saartje was opgehaald om 15:00, dus 7,5 uur."})
    assert response.status_code == 302
    with at(billing.a):
        row = RegisteredHours.objects.get(pk=day.pk)
        assert row.disputed_by == billing.a.parent and row.approved_at is None
        # not approved automatically while it waits for the correction
        RegisteredHours.objects.filter(pk=day.pk).update(registered_at=timezone.now() - timedelta(days=8))
        assert services.auto_approve_hours() == 0
    assert "waiting for the childminder" in parent.get(PAGE, {"month": "2026-10"}).content.decode()

    owner = client_for(billing.a.entrepreneur, billing.a)
    page = owner.get("/billing/tariffs/hours/").content.decode()
    assert "the parent says this is wrong" in page and "opgehaald om 15:00" in page
    assert f"?contract={billing.contract.pk}&amp;date=2026-10-05&amp;hours=9.50#register" in page
    form = owner.get("/billing/tariffs/hours/", {"contract": billing.contract.pk, "date": "2026-10-05",
                                                 "hours": "9.5"}).context["form"]
    assert form.initial["date"] == "2026-10-05"
    response = owner.post("/billing/tariffs/hours/", {"contract": billing.contract.pk, "date": "2026-10-05",
                                                      "hours": "7.5"})
    assert response.status_code == 302
    with at(billing.a):
        row = RegisteredHours.objects.get(pk=day.pk)
        assert str(row.hours) == "7.50" and row.disputed_at is None and row.dispute_note == ""
        assert row.registered_at > timezone.now() - timedelta(minutes=1)  # the 7 days start again

    assert parent.post(PAGE, {"action": "approve", "month": "2026-10", "day": day.pk}).status_code == 302
    with at(billing.a):
        assert RegisteredHours.objects.get(pk=day.pk).approved_by == billing.a.parent


def test_approving_the_month_leaves_a_day_marked_wrong(billing, day, client_for):
    from billing.tariffs import services
    from billing.tariffs.models import RegisteredHours

    with at(billing.a):
        other = services.register_hours(billing.contract, day=date(2026, 10, 8), hours="9", user=None)
        services.mark_hours_wrong(day, user=billing.a.parent, note="Niet geweest")
    parent = client_for(billing.a.parent, billing.a)
    assert parent.post(PAGE, {"action": "approve", "month": "2026-10"}).status_code == 302
    with at(billing.a):
        assert RegisteredHours.objects.get(pk=other.pk).approved_at is not None
        assert RegisteredHours.objects.get(pk=day.pk).approved_at is None


def test_a_remark_is_needed(billing, day, client_for):
    from billing.tariffs.models import RegisteredHours

    parent = client_for(billing.a.parent, billing.a)
    for note, message in (("  ", "Say what is wrong with the hours of this day."),
                          ("x" * 501, "At most 500 characters.")):
        response = parent.post(PAGE, {"action": "wrong", "month": "2026-10", "day": day.pk, "note": note})
        assert response.status_code == 400
        assert response.context["note_errors"] == [message]
        assert response.context["wrong_row"] == day.pk
    response = parent.post(PAGE, {"action": "wrong", "month": "2026-10", "note": "Geen dag"})
    assert response.status_code == 400 and response.context["errors"] == ["Choose the day that is wrong."]
    with at(billing.a):
        assert RegisteredHours.objects.get(pk=day.pk).disputed_at is None


def test_the_api_takes_the_remark_too(billing, day, api):
    parent = api(billing.a.parent, billing.a)
    response = parent.post(f"/api/v1/billing/registered-hours/{day.pk}/wrong/", {"note": "Te lang"})
    assert response.status_code == 200 and response.json()["dispute_note"] == "Te lang"
    assert parent.post(f"/api/v1/billing/registered-hours/{day.pk}/wrong/", {"note": ""}).status_code == 400
    for user in (billing.a.entrepreneur, billing.a.staff):
        assert api(user, billing.a).post(f"/api/v1/billing/registered-hours/{day.pk}/wrong/",
                                         {"note": "x"}).status_code == 403
    assert api(billing.two_location_parent, billing.a).post(f"/api/v1/billing/registered-hours/{day.pk}/wrong/",
                                                            {"note": "x"}).status_code == 404


@pytest.mark.parametrize("who", ["other_family", "staff", "entrepreneur", "other_parent"])
def test_others_cannot_mark_a_day_wrong(billing, day, client_for, who):
    from billing.tariffs.models import RegisteredHours

    users = {"other_family": billing.two_location_parent, "staff": billing.a.staff,
             "entrepreneur": billing.a.entrepreneur, "other_parent": billing.b.parent}
    response = client_for(users[who], billing.a).post(PAGE, {"action": "wrong", "month": "2026-10", "day": day.pk,
                                                             "note": "Niet waar"})
    assert response.status_code in (403, 404)
    with at(billing.a):
        assert RegisteredHours.objects.get(pk=day.pk).disputed_at is None
