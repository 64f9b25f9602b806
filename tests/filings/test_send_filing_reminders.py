"""A week before a filing is due its location's entrepreneurs get one e-mail (through the outbox), once; each
location on its own in the beat job; the start page's selector lists what is due or late."""
from datetime import date

from tests.billing.conftest import at, location_of, make_contract


def test_a_reminder_a_week_before_the_due_date_once(billing, mailoutbox):
    from billing.filings import selectors, services
    from billing.filings.models import Filing
    from billing.invoices import services as invoices
    from outbox.models import Delivery

    world = billing
    make_contract(world)
    with at(world.a):
        invoices.run_month(location_of(world.a), 2026, 1, today=date(2026, 1, 1))
        assert services.send_reminders(today=date(2026, 2, 20)) == 0  # due 28 February: not yet
        assert services.send_reminders(today=date(2026, 2, 21)) >= 1
        filing = Filing.objects.get(kind="nl_childcare_data", period_start=date(2026, 1, 1))
        assert filing.reminded_on == date(2026, 2, 21)
        assert services.send_reminders(today=date(2026, 2, 22)) == 0  # once
        rows = Delivery.objects.filter(kind="filings.reminder", ref=f"filing:{filing.pk}")
        assert rows.count() == 1 and rows.get().payload["user"] == world.a.entrepreneur.pk
        due = selectors.duties_due(location_of(world.a), date(2026, 3, 2))
        january = next(d for d in due if d.kind == "nl_childcare_data" and d.period_start == date(2026, 1, 1))
        assert january.state == "late" and january.url == f"/filings/{filing.pk}/"
    # From the public schema too: the selector enters the location's schema itself.
    assert any(d.pk == filing.pk for d in selectors.duties_due(location_of(world.a), date(2026, 3, 2)))


def test_the_beat_job_runs_every_location_on_its_own(billing):
    from billing.filings import services

    result = services.remind_everywhere(today_override=date(2026, 2, 21))
    assert {"alpha", "beta"} <= set(result.done) and not result.failed
