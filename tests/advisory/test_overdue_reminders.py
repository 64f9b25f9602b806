"""The beat job: an action past its due date is reminded about once, not every day (and not twice a day)."""
from datetime import date

from django.core import mail

from advisory import services, tasks
from config.celery import app
from tests.outbox.helpers import deliver_outbox


def overdue_action(world, owner="entrepreneur"):
    return services.create_action(world.a.location, description="Publish the closing weeks", owner=owner,
                                  due_date=date(2025, 3, 1), user=world.adviser)


def test_reminder_once_not_daily_twice(world, monkeypatch):
    action = overdue_action(world)
    assert services.send_overdue_reminders(date(2025, 3, 2)) == 1
    assert services.send_overdue_reminders(date(2025, 3, 2)) == 0  # second run the same day
    assert services.send_overdue_reminders(date(2025, 3, 3)) == 0  # and the next day
    deliver_outbox()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [world.a.entrepreneur.email]
    assert "Publish the closing weeks" in mail.outbox[0].body
    action.refresh_from_db()
    assert action.reminded_on == date(2025, 3, 2)


def test_not_before_the_due_date_has_passed_and_not_when_done(world):
    action = overdue_action(world)
    assert services.send_overdue_reminders(date(2025, 3, 1)) == 0
    services.mark_action_done(action, user=world.a.entrepreneur)
    assert services.send_overdue_reminders(date(2025, 3, 5)) == 0
    deliver_outbox()
    assert mail.outbox == []


def test_a_new_due_date_allows_one_new_reminder(world):
    action = overdue_action(world)
    services.send_overdue_reminders(date(2025, 3, 2))
    services.change_action_due_date(action, date(2025, 4, 1))
    assert services.send_overdue_reminders(date(2025, 3, 20)) == 0
    assert services.send_overdue_reminders(date(2025, 4, 2)) == 1
    deliver_outbox()
    assert len(mail.outbox) == 2


def test_adviser_owned_action_reminds_the_adviser(world):
    overdue_action(world, owner="adviser")
    assert tasks.remind_overdue_actions.run() == 1  # the job function itself, as beat would call it
    deliver_outbox()
    assert mail.outbox[0].to == [world.adviser.email]


def test_the_job_is_on_the_beat_schedule_daily():
    entry = app.conf.beat_schedule["advisory-remind-overdue-actions"]
    assert entry["task"] == "advisory.tasks.remind_overdue_actions" and entry["schedule"] == 86400


def test_a_mail_server_that_is_down_delays_the_reminder_and_never_loses_it(world):
    from tests.outbox.helpers import later, mail_server_down

    overdue_action(world)
    with mail_server_down():
        assert services.send_overdue_reminders(date(2025, 3, 2)) == 1  # the job finishes
        deliver_outbox()
    assert mail.outbox == []
    assert services.send_overdue_reminders(date(2025, 3, 3)) == 0  # claimed: the next run adds no second one
    deliver_outbox(now=later(2))
    deliver_outbox(now=later(60))
    assert [m.to for m in mail.outbox] == [[world.a.entrepreneur.email]]
