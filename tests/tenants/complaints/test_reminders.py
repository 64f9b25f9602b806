"""Celery beat reminders follow each location's own regulation: the entrepreneur a week before and on the
deadline, the parent after it (she may go straight to the Geschillencommissie). Each once, never twice."""
from datetime import date, timedelta

from django.core import mail

from outbox.models import Delivery
from tenants.complaints import services
from tenants.complaints.models import Complaint
from tests.outbox.helpers import deliver_outbox
from tests.tenants.complaints.conftest import at, record, set_days

RECEIVED = date(2026, 3, 2)


def subjects():
    return sorted((message.to[0], message.subject) for message in mail.outbox)


def test_two_locations_with_different_deadlines(world):
    set_days(world.a, 42)
    set_days(world.b, 14)
    a = record(world.a, RECEIVED)
    b = record(world.b, RECEIVED)
    assert (a.deadline, b.deadline) == (date(2026, 4, 13), date(2026, 3, 16))

    def run(day):
        mail.outbox.clear()
        with at(world.a):
            sent_a = services.send_due_reminders(day, world.a.location)
        with at(world.b):
            sent_b = services.send_due_reminders(day, world.b.location)
        deliver_outbox()
        return sent_a, sent_b

    assert run(date(2026, 3, 8)) == (0, 0)
    assert run(date(2026, 3, 9)) == (0, 1)  # B: a week before its 14-day deadline
    assert subjects() == [(world.b.entrepreneur.email, f"Complaint {b.reference}: the judgement is due in a week")]
    assert run(date(2026, 3, 16)) == (0, 1)  # B: on the deadline
    assert run(date(2026, 3, 17)) == (0, 1)  # B: the parent may go straight to the Geschillencommissie
    assert mail.outbox[0].to == [world.b.parent.email]
    assert "Geschillencommissie Kinderopvang" in mail.outbox[0].body
    assert run(date(2026, 4, 6)) == (1, 0)  # A: a week before its six weeks
    assert run(date(2026, 4, 13)) == (1, 0)
    assert run(date(2026, 4, 14)) == (1, 0)
    assert mail.outbox[0].to == [world.a.parent.email]


def test_reminds_once_not_twice(world):
    complaint = record(world.a, RECEIVED)
    day = complaint.deadline - timedelta(days=7)
    with at(world.a):
        mail.outbox.clear()
        assert services.send_due_reminders(day, world.a.location) == 1
        assert services.send_due_reminders(day, world.a.location) == 0
        assert services.send_due_reminders(day + timedelta(days=1), world.a.location) == 0
        deliver_outbox()
        assert len(mail.outbox) == 1
        assert Complaint.objects.get(pk=complaint.pk).reminders_sent == ["week_before"]


def test_a_judged_complaint_gets_no_reminders(world):
    complaint = record(world.a, RECEIVED)
    with at(world.a):
        services.judge(complaint, user=world.a.entrepreneur, judgement="Gegrond.", outcome="founded",
                       judged_on=date(2026, 3, 20))
        assert services.send_due_reminders(complaint.deadline + timedelta(days=3), world.a.location) == 0
    assert not Delivery.objects.filter(kind="complaints.reminder").exists()


def test_reminders_carry_no_text_of_the_complaint(world):
    complaint = record(world.a, RECEIVED, description="Geheim verhaal over Saartje")
    with at(world.a):
        mail.outbox.clear()
        services.send_due_reminders(complaint.deadline + timedelta(days=1), world.a.location)
    deliver_outbox()
    assert len(mail.outbox) == 2
    assert all("Geheim" not in m.body and "Saartje" not in m.body for m in mail.outbox)


def test_the_flemish_parent_is_pointed_to_kind_en_gezin(flemish_a):
    complaint = record(flemish_a, RECEIVED)
    with at(flemish_a):
        mail.outbox.clear()
        services.send_due_reminders(complaint.deadline + timedelta(days=1))
    deliver_outbox()
    parent_mail = [m for m in mail.outbox if m.to == [flemish_a.parent.email]][0]
    assert "Klachtendienst Kind en Gezin" in parent_mail.body


def test_the_job_runs_every_active_location_in_its_own_schema(world):
    record(world.a, date(2020, 1, 6))  # long overdue: on-deadline and parent notice
    counts = services.send_reminders_everywhere().done
    assert counts["alpha"] == 2 and counts["beta"] == 0
    assert services.send_reminders_everywhere().done["alpha"] == 0


def test_the_celery_task_is_on_the_beat_schedule_and_runs_the_job(world):
    from config.celery import app
    from tenants.complaints.tasks import send_complaint_reminders

    entry = app.conf.beat_schedule["complaints-deadline-reminders"]
    assert entry["task"] == "tenants.complaints.tasks.send_complaint_reminders" and entry["task"] in app.tasks
    record(world.b, date(2020, 1, 6))
    assert send_complaint_reminders.run()["done"]["beta"] == 2


def test_the_parent_page_says_she_may_go_to_the_geschillencommissie(world, client_for):
    complaint = record(world.a, date(2020, 1, 6))
    text = client_for(world.a.parent, world.a).get(f"/complaints/{complaint.pk}/").content.decode()
    assert "may go straight to the Geschillencommissie Kinderopvang" in text
    data = client_for(world.a.parent, world.a).get(f"/api/v1/complaints/{complaint.pk}/").json()
    assert data["may_go_straight_to"] == "Geschillencommissie Kinderopvang"
