"""Complaint deadline reminders go on past a location whose schema is broken; the rerun for the failed ones
only sends that location's reminders, each once, and none twice elsewhere."""
from datetime import date

from django.core import mail

from tenants.complaints import tasks
from tests.cooperative.conftest import break_table, open_failures, ours
from tests.outbox.helpers import deliver_outbox
from tests.tenants.complaints.conftest import record


def test_reminders_go_on_past_a_broken_location(world):
    record(world.a, date(2020, 1, 6))  # long overdue: the reminder on the deadline and the parent's notice
    record(world.b, date(2020, 1, 6))
    repair = break_table(world.a, "complaints_complaint")
    mail.outbox.clear()

    result = tasks.send_complaint_reminders.run()
    deliver_outbox()
    assert ours(result["failed"]) == {"alpha"} and result["done"]["beta"] == 2
    assert {world.b.parent.email, world.b.entrepreneur.email} == {m.to[0] for m in mail.outbox}
    assert open_failures("complaint-reminders") == {"alpha": "django.db.utils.ProgrammingError"}

    repair()
    mail.outbox.clear()
    again = tasks.send_complaint_reminders.run(only_failed=True)
    deliver_outbox()
    assert again["done"] == {"alpha": 2} and again["failed"] == {}
    assert {world.a.parent.email, world.a.entrepreneur.email} == {m.to[0] for m in mail.outbox}
    assert tasks.send_complaint_reminders.run()["done"]["beta"] == 0  # the nightly run: nothing twice
    assert open_failures("complaint-reminders") == {}
