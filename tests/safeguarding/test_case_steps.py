"""The pedagogue takes a case through the steps of the reporting code, with deadlines and reminders, and closes
it with an outcome; route 2 shows the owner's duties."""
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from config.celery import app as celery_app
from safeguarding import rules, services
from safeguarding.models import Case, CaseStep, ReminderSent
from safeguarding.tasks import send_deadline_reminders

from .conftest import DESCRIPTION

D = date(2026, 3, 2)

DEADLINES = [
    # route, crime suspected, step, due
    (1, False, "map_signs", D + timedelta(days=3)),
    (1, False, "consult", D + timedelta(days=7)),
    (1, False, "talk_parents", D + timedelta(days=14)),
    (1, False, "weigh", D + timedelta(days=21)),
    (1, False, "decide", D + timedelta(days=28)),
    (2, False, "notify_inspector", D + timedelta(days=1)),
    (2, True, "report_police", D + timedelta(days=2)),
]


@pytest.mark.parametrize(("route", "crime", "step", "due"), DEADLINES)
def test_deadline_per_step(route, crime, step, due):
    assert rules.deadlines(route, D, crime)[step] == due


def test_route_2_adds_the_owners_duties_and_the_police_only_on_suspicion():
    assert rules.steps_for(1) == rules.STEPS
    assert rules.steps_for(3) == rules.STEPS
    assert rules.steps_for(2) == rules.STEPS + ("notify_inspector",)
    assert rules.steps_for(2, crime_suspected=True) == rules.STEPS + ("notify_inspector", "report_police")


REMINDERS = [
    # days after the report, steps done, steps reminded
    (0, set(), []),
    (2, set(), ["map_signs"]),  # due tomorrow
    (4, set(), ["map_signs"]),  # overdue
    (4, {"map_signs"}, []),
    (6, {"map_signs"}, ["consult"]),
    (30, set(rules.STEPS), []),
]


@pytest.mark.parametrize(("days", "done", "expected"), REMINDERS)
def test_reminders_due_table(days, done, expected):
    assert [s.step for s in rules.reminders_due(1, D, done, D + timedelta(days=days))] == expected


CLOSING = [
    (1, set(), False, ["map_signs", "decide"]),
    (1, {"map_signs", "decide"}, False, []),
    (2, {"map_signs", "decide"}, False, ["notify_inspector"]),
    (2, {"map_signs", "decide", "notify_inspector"}, True, ["report_police"]),
    (2, {"map_signs", "decide", "notify_inspector", "report_police"}, True, []),
]


@pytest.mark.parametrize(("route", "done", "crime", "missing"), CLOSING)
def test_missing_for_closing_table(route, done, crime, missing):
    assert rules.missing_for_closing(route, done, crime) == missing


def step_data(step, **extra):
    return {"step": step, "done_on": timezone.localdate().isoformat(), "who": "Pedagoog en houder", "notes": "",
            **extra}


def test_pedagogue_takes_a_case_through_the_steps_on_the_pages_and_closes_it(world, report, client_for):
    case = report(route=1)
    client = client_for(world.pedagogue)
    page = client.get(f"/meldcode/{case.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Zeppelinvlek" in html and "Saartje Verbeek" in html
    for step in rules.STEPS:
        response = client.post(f"/meldcode/{case.pk}/steps/", step_data(step, notes=f"Notitie {step}"))
        assert response.status_code == 302, response.content.decode()[-3000:]
        case.refresh_from_db()
        assert case.status == "in_progress"
    assert {s.step for s in case.steps.all()} == set(rules.STEPS)
    closed = client.post(f"/meldcode/{case.pk}/close/", {"outcome": "reported_and_help", "notes": "Afgerond"})
    assert closed.status_code == 302
    case.refresh_from_db()
    assert case.status == "closed" and case.outcome == "reported_and_help" and case.outcome_notes == "Afgerond"
    assert case.closed_at is not None
    # closed: no more steps
    again = client.post(f"/meldcode/{case.pk}/steps/", step_data("consult"))
    assert again.status_code == 400
    # the reporter sees "closed"
    reports = client_for(world.a.staff, world.a).get("/api/v1/meldcode/reports/").json()
    assert reports[0]["status"] == "closed"


def test_steps_and_closing_through_the_api(world, report, client_for, english):
    case = report(route=2, subject_user=world.a.staff)
    client = client_for(world.pedagogue)
    for step, extra in (("map_signs", {}), ("weigh", {"crime_suspected": True}), ("decide",
                                                                                    {"help_organised": True})):
        response = client.post(f"/api/v1/meldcode/cases/{case.pk}/steps/", step_data(step, **extra),
                               content_type="application/json")
        assert response.status_code == 201, response.json()
    case.refresh_from_db()
    assert case.crime_suspected
    refused = client.post(f"/api/v1/meldcode/cases/{case.pk}/close/", {"outcome": "help"},
                          content_type="application/json")
    assert refused.status_code == 400
    assert "confidential inspector" in refused.json()["steps"][0] and "police" in refused.json()["steps"][0]
    for step in ("notify_inspector", "report_police"):
        assert client.post(f"/api/v1/meldcode/cases/{case.pk}/steps/", step_data(step),
                           content_type="application/json").status_code == 201
    done = client.post(f"/api/v1/meldcode/cases/{case.pk}/close/", {"outcome": "police"},
                       content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "closed"
    detail = client.get(f"/api/v1/meldcode/cases/{case.pk}/").json()
    assert [d["step"] for d in detail["deadlines"]] == list(rules.steps_for(2, True))
    assert all(d["done"] for d in detail["deadlines"] if d["step"] != "consult" and d["step"] != "talk_parents")


def test_route_2_case_page_shows_the_owners_duties(world, report, client_for, english):
    case = report(route=2, subject_user=world.a.staff)
    html = client_for(world.pedagogue).get(f"/meldcode/{case.pk}/").content.decode()
    assert "confidential inspector" in html and "police" in html
    route1 = report(route=1)
    assert "Duties of the owner" not in client_for(world.pedagogue).get(f"/meldcode/{route1.pk}/").content.decode()


STEP_BAD = {
    "no who": ({"who": ""}, "who"),
    "a date in the future": ({"done_on": (timezone.localdate() + timedelta(days=1)).isoformat()}, "done_on"),
    "a route 2 duty in route 1": ({"step": "notify_inspector"}, "step"),
    "parents not told without a reason": ({"step": "talk_parents", "parents_not_told": True}, "notes"),
}


@pytest.mark.parametrize("bad", list(STEP_BAD), ids=list(STEP_BAD))
def test_bad_step_input_is_a_field_error_and_stores_nothing(world, report, client_for, bad):
    case = report(route=1)
    overrides, field = STEP_BAD[bad]
    client = client_for(world.pedagogue)
    api = client.post(f"/api/v1/meldcode/cases/{case.pk}/steps/", {**step_data("map_signs"), **overrides},
                      content_type="application/json")
    assert api.status_code == 400 and field in api.json(), api.json()
    page = client.post(f"/meldcode/{case.pk}/steps/", {**step_data("map_signs"), **overrides})
    assert page.status_code == 400 and field in page.context["step_form"].errors
    assert not CaseStep.objects.exists()
    assert Case.objects.get(pk=case.pk).status == "received"


def test_closing_without_an_outcome_or_the_decision_is_refused(world, report, client_for):
    case = report(route=1)
    client = client_for(world.pedagogue)
    page = client.post(f"/meldcode/{case.pk}/close/", {"outcome": "help"})
    assert page.status_code == 400 and page.context["close_form"].non_field_errors()
    assert client.post(f"/api/v1/meldcode/cases/{case.pk}/close/", {},
                       content_type="application/json").json().keys() == {"outcome"}
    assert Case.objects.get(pk=case.pk).status == "received"


@pytest.mark.parametrize("who", ["coop_admin", "adviser", "lead_adviser", "entrepreneur", "staff"])
def test_only_the_pedagogue_handles_a_case(world, report, client_for, who):
    case = report(route=1)
    user = getattr(world.a, who) if who in ("entrepreneur", "staff") else getattr(world, who)
    client = client_for(user)
    assert client.get(f"/meldcode/{case.pk}/").status_code == 403
    assert client.post(f"/meldcode/{case.pk}/steps/", step_data("map_signs")).status_code == 403
    assert client.post(f"/meldcode/{case.pk}/close/", {"outcome": "help"}).status_code == 403
    assert client.get("/meldcode/").status_code == 403
    assert client.get(f"/api/v1/meldcode/cases/{case.pk}/").status_code == 403
    assert client.post(f"/api/v1/meldcode/cases/{case.pk}/steps/", step_data("map_signs"),
                       content_type="application/json").status_code == 403
    assert client.post(f"/api/v1/meldcode/cases/{case.pk}/close/", {"outcome": "help"},
                       content_type="application/json").status_code == 403
    assert not CaseStep.objects.exists()


def test_deadline_reminders_go_to_the_pedagogue_once_a_day_without_content(world, report):
    case = report(route=2, subject_user=world.a.staff)
    mail.outbox.clear()
    today = case.reported_on + timedelta(days=1)  # the inspector's notification is due today
    assert services.send_deadline_reminders(today) == 1
    assert [m.to for m in mail.outbox] == [[world.pedagogue.email]]
    message = mail.outbox[0]
    for secret in (DESCRIPTION[:20], "Zeppelinvlek", case.reference, "Saartje", world.a.location.name,
                   world.a.staff.full_name):
        assert secret not in message.subject + message.body
    assert "http://localhost:8000/look/" in message.body
    assert set(ReminderSent.objects.filter(case=case).values_list("step", flat=True)) == {"notify_inspector"}
    # the same day again: nothing new
    assert services.send_deadline_reminders(today) == 0
    assert len(mail.outbox) == 1
    # recorded steps stop their reminders; closed cases get none
    services.record_step(case, actor=world.pedagogue, step="notify_inspector", done_on=today - timedelta(days=1),
                         who="Houder")
    assert services.send_deadline_reminders(today + timedelta(days=1)) == 1
    assert set(ReminderSent.objects.filter(case=case, sent_on=today + timedelta(days=1))
               .values_list("step", flat=True)) == {"map_signs"}  # due the day after; the inspector is done
    Case.objects.filter(pk=case.pk).update(status="closed")
    assert services.send_deadline_reminders(today + timedelta(days=10)) == 0


def test_the_beat_job_runs_the_reminders(world, report):
    case = report(route=1)
    Case.objects.filter(pk=case.pk).update(reported_on=timezone.localdate() - timedelta(days=10))
    mail.outbox.clear()
    assert send_deadline_reminders() == 1  # the task function itself, not eager Celery
    assert mail.outbox[0].to == [world.pedagogue.email]
    entry = celery_app.conf.beat_schedule["safeguarding-deadline-reminders"]
    assert entry["task"] == "safeguarding.tasks.send_deadline_reminders"
    assert entry["task"] in celery_app.tasks
