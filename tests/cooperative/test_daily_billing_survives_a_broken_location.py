"""The daily billing job (automatic approval of hours, reminders, annual statements) goes on past a location
whose schema is broken; that location's part is rolled back (hours not approved, no e-mail) and the rerun
for the failed ones only approves them once and tells the parent once."""
from datetime import date, timedelta

from django.core import mail
from django.utils import timezone

from tests.billing.conftest import at, make_contract
from tests.cooperative.conftest import break_table, last_run, open_failures, ours

JOB = "daily-billing"


def approved(site, pk) -> bool:
    from billing.tariffs.models import RegisteredHours

    with at(site):
        return RegisteredHours.objects.get(pk=pk).approved_at is not None


def test_daily_billing_goes_on_past_a_broken_location(billing, after_commit):
    from billing.invoices import services
    from billing.tariffs import services as tariffs
    from billing.tariffs.models import RegisteredHours

    contract = make_contract(billing)
    with at(billing.a):
        row = tariffs.register_hours(contract, day=date(2026, 10, 5), hours="9.5", user=billing.a.entrepreneur)
        RegisteredHours.objects.filter(pk=row.pk).update(registered_at=timezone.now() - timedelta(days=8))
    repair = break_table(billing.a, "invoices_dunningsettings")  # the reminders step, after the approval
    mail.outbox.clear()
    with after_commit():
        result = services.daily_everywhere()

    assert ours(result.failed) == {"alpha"} and "beta" in result.done
    assert result.failed["alpha"].startswith("django.db.utils.ProgrammingError: SQLSTATE 42P01")
    assert not approved(billing.a, row.pk) and mail.outbox == []  # alpha's part rolled back, nobody told
    assert open_failures(JOB) == {"alpha": "django.db.utils.ProgrammingError"}

    repair()
    with after_commit():
        again = services.daily_everywhere(only_failed=True)
    assert set(again.done) == {"alpha"} and again.failed == {}
    assert again.done["alpha"]["approved"] == 1 and approved(billing.a, row.pk)
    assert [message.to for message in mail.outbox] == [[billing.a.parent.email]]
    assert open_failures(JOB) == {} and last_run(JOB).only_failed
