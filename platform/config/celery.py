"""The Celery app.

tenant-schemas-celery records the schema a task was sent from, so a task queued during a request at a
location runs in that location's schema in the worker.
"""
import os

from celery.schedules import crontab
from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = CeleryApp("opvangkring")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Periodic jobs (celery beat). Each app adds its own entry.
app.conf.beat_schedule = dict(app.conf.beat_schedule or {})
# Outgoing messages: deliver what is due (never queued because the broker was down, or waiting for its next
# attempt after the mail server failed), every minute.
app.conf.beat_schedule["outbox-sweep"] = {
    "task": "outbox.sweep",
    "schedule": 60,
}
# Contracts: plan the trial (6 weeks) and yearly evaluations, every active location in its own schema.
app.conf.beat_schedule["contracts-evaluation-tasks"] = {
    "task": "tenants.contracts.tasks.create_evaluation_tasks",
    "schedule": 60 * 60 * 24,
}
# Complaints: reminders a week before and on the judgement deadline, and the parent's notice after it.
app.conf.beat_schedule["complaints-deadline-reminders"] = {
    "task": "tenants.complaints.tasks.send_complaint_reminders",
    "schedule": 60 * 60 * 24,
}
# Meldcode: remind the pedagogue of step deadlines (due tomorrow or overdue), every morning.
app.conf.beat_schedule["safeguarding-deadline-reminders"] = {
    "task": "safeguarding.tasks.send_deadline_reminders",
    "schedule": 60 * 60 * 24,
}
# Advisory: remind owners of follow-up actions past their due date (once per action), and recount the
# dashboard figures from the location schemas at night.
app.conf.beat_schedule["advisory-remind-overdue-actions"] = {
    "task": "advisory.tasks.remind_overdue_actions",
    "schedule": 60 * 60 * 24,
}
app.conf.beat_schedule["advisory-rebuild-figures"] = {
    "task": "advisory.tasks.rebuild_figures",
    "schedule": 60 * 60 * 24,
}
# The dashboard's kept rows of another year or day (a new year, a document version taking effect) made anew
# just after midnight; the dashboard is right without it, only slower for those locations.
app.conf.beat_schedule["advisory-refresh-dashboard-states"] = {
    "task": "advisory.tasks.refresh_dashboard_states",
    "schedule": crontab(minute=5, hour=0),
}
# Billing: the monthly invoice run (NL for the current month from the 1st, BE-VLG for the month before),
# repeated each night until the 14th so an interrupted run is completed (it is idempotent); and a daily job
# for payment reminders, automatic approval of registered hours and the annual statements.
app.conf.beat_schedule["billing-monthly-invoice-run"] = {
    "task": "billing.invoices.tasks.monthly_run",
    "schedule": crontab(minute=30, hour=2, day_of_month="1-14"),
}
# Filings (billing.filings): the reminder a week before each due date.
app.conf.beat_schedule["filings-reminders"] = {
    "task": "billing.filings.tasks.send_filing_reminders",
    "schedule": crontab(minute=15, hour=7),
}
app.conf.beat_schedule["billing-daily"] = {
    "task": "billing.invoices.tasks.daily_billing",
    "schedule": crontab(minute=0, hour=6),
}
# Payments: collect the open invoices of locations that collect by SEPA direct debit through Stripe.
app.conf.beat_schedule["payments-collect-direct-debits"] = {
    "task": "billing.payments.tasks.collect_direct_debits",
    "schedule": crontab(minute=0, hour=7),
}
# Waiting lists: offers not answered by their date go to the next on the list; ended requests are deleted later.
app.conf.beat_schedule["intake-lapse-offers"] = {
    "task": "intake.tasks.lapse_offers",
    "schedule": crontab(minute=15, hour=0),
}
app.conf.beat_schedule["intake-purge-ended-requests"] = {
    "task": "intake.tasks.purge_ended_requests",
    "schedule": crontab(minute=45, hour=3),
}
# Webcams: delete security recordings past the location's retention (30 days at most, seed 003 camera protocol
# art. 4), every night.
app.conf.beat_schedule["webcams-delete-expired-recordings"] = {
    "task": "tenants.webcams.tasks.delete_expired_recordings",
    "schedule": crontab(minute=30, hour=1),
}
