"""Payment reminders on a given date (issue 15, point 11): the API and `manage.py run_dunning` show in a dry
run what would be sent on any date and store nothing; a real run takes the steps. Walking an NL schedule
(Burgerlijk Wetboek 6:96, Besluit vergoeding voor buitengerechtelijke incassokosten) and a BE-VLG schedule
(seed 003, house rules 4.2.6) day by day, the dry run of each day names exactly what the real run then does."""
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.billing.conftest import at

URL = "/api/v1/billing/dunning-runs/"
DUE = date(2026, 3, 2)


def unpaid_invoice(site, jurisdiction, total="300.00"):
    from billing.invoices.models import Invoice

    with at(site):
        return Invoice.objects.create(
            number=9100, child_id=site.child_id, parent=site.parent, period_start=date(2026, 2, 1),
            period_end=date(2026, 2, 28), issue_date=DUE - timedelta(days=21), due_date=DUE, kind="manual",
            total=Decimal(total), status="sent", jurisdiction=jurisdiction, location_name=site.location.name,
            parent_name=site.parent.full_name)


def stored_steps(site):
    from billing.invoices.models import Reminder

    with at(site):
        return list(Reminder.objects.order_by("sent_on").values_list("step", "sent_on"))


def strip(step: dict) -> dict:
    return {k: v for k, v in step.items() if k not in ("sent", "note")}


def walk(owner, days):
    """Each day a dry run, then the real run; the dry run must foretell the real run and store nothing."""
    taken = []
    for offset in range(days + 1):
        day = (DUE + timedelta(days=offset)).isoformat()
        dry = owner.post(URL, {"date": day})
        real = owner.post(URL, {"date": day, "dry_run": False})
        assert dry.status_code == real.status_code == 200, (dry.content, real.content)
        # The real run's note says what happened (a contract ended, or there was none to end).
        assert [strip(s) for s in dry.json()["steps"]] == [strip(s) for s in real.json()["steps"]]
        assert all(not s["sent"] for s in dry.json()["steps"]) and all(s["sent"] for s in real.json()["steps"])
        taken += [(offset, s["step"], s["amount"]) for s in real.json()["steps"]]
    return taken


@pytest.mark.parametrize("jurisdiction, schedule", [
    # NL, BW 6:96 and the default settings: reminder after 7 days, the fourteen-day letter 7 days later,
    # collection costs (WIK: 15 % of 300 = 45.00) when the letter's 14 days have passed.
    ("NL", [(7, "nl_reminder", "0.00"), (14, "nl_letter", "0.00"), (29, "nl_collection", "45.00")]),
    # BE-VLG, house rules 4.2.6: notice the day after (25.00 + 1 day of 10 % on 300 = 0.08), damages
    # 15 days later (minimum 100.00 + 15 days' interest 1.23), the contract ends 30 days after the notice.
    ("BE-VLG", [(1, "be_notice", "25.08"), (16, "be_damages", "101.23"), (31, "be_termination", "0.00")]),
])
def test_walk_a_schedule_day_by_day(billing, flemish_a, api, jurisdiction, schedule):
    from cooperative.models import Location

    Location.objects.filter(pk=billing.a.location.pk).update(jurisdiction=jurisdiction)
    unpaid_invoice(billing.a, jurisdiction)
    assert walk(api(billing.a.entrepreneur, billing.a), 40) == schedule
    assert [step for step, _on in stored_steps(billing.a)] == [step for _o, step, _a in schedule]


def test_a_dry_run_on_a_future_date_stores_nothing(billing, api):
    unpaid_invoice(billing.a, "NL")
    owner = api(billing.a.entrepreneur, billing.a)
    response = owner.post(URL, {"date": "2099-01-01"})
    assert response.status_code == 200
    assert [(s["invoice_number"], s["step"], s["sent"]) for s in response.json()["steps"]] == [
        ("009100", "nl_reminder", False)]
    assert stored_steps(billing.a) == []


def test_a_real_run_is_never_dated_in_the_future(billing, api):
    unpaid_invoice(billing.a, "NL")
    response = api(billing.a.entrepreneur, billing.a).post(URL, {"date": "2099-01-01", "dry_run": False})
    assert response.status_code == 400 and list(response.json()) == ["date"]
    assert stored_steps(billing.a) == []


@pytest.mark.parametrize("body", [{}, {"date": "gisteren"}, {"date": "2026-02-30"}, {"date": "2026-03-10",
                                                                                  "dry_run": "misschien"}])
def test_bad_input_is_a_400_naming_the_field(billing, api, body):
    response = api(billing.a.entrepreneur, billing.a).post(URL, body)
    assert response.status_code == 400 and set(response.json()) <= {"date", "dry_run"} and response.json()


def test_only_the_entrepreneur_of_the_location(billing, api):
    unpaid_invoice(billing.a, "NL")
    body = {"date": "2026-03-20", "dry_run": False}
    assert api(billing.a.staff, billing.a).post(URL, body).status_code == 403
    assert api(billing.a.parent, billing.a).post(URL, body).status_code == 403
    assert api(billing.b.entrepreneur, billing.a).post(URL, body).status_code == 403
    assert stored_steps(billing.a) == []


def test_the_command_dry_run_and_real_run(billing):
    unpaid_invoice(billing.a, "NL")
    slug = billing.a.location.slug
    out = StringIO()
    call_command("run_dunning", location=slug, date="2026-03-09", stdout=out)
    assert "009100" in out.getvalue() and "nl_reminder" in out.getvalue()
    assert "1 reminder step(s) would be sent" in out.getvalue()
    assert stored_steps(billing.a) == []
    out = StringIO()
    call_command("run_dunning", location=slug, date="2026-03-09", send=True, stdout=out)
    assert "1 reminder step(s) sent" in out.getvalue()
    assert stored_steps(billing.a) == [("nl_reminder", date(2026, 3, 9))]


@pytest.mark.parametrize("options, message", [
    ({"location": "nowhere", "date": "2026-03-09"}, "No location"),
    ({"location": "alpha", "date": "9-3-2026"}, "no date"),
    ({"location": "alpha", "date": "2099-01-01", "send": True}, "future"),
])
def test_the_command_refuses_clearly(billing, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("run_dunning", stdout=StringIO(), **options)
