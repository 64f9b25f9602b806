"""An annual statement is made only once its period has ended — the NL jaaropgave after the calendar year,
the BE-VLG fiscal certificate after November (seed 003, 4.2.5) —, never for a running year: the service, the
API and `manage.py make_statements` refuse with a message that says from when; the daily job makes the
first version the day after the period ends (issue 15, point 10)."""
from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from tests.billing.conftest import at, location_of, make_contract


@pytest.fixture
def invoiced(billing):
    from billing.invoices import services

    make_contract(billing)
    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
    return billing


@pytest.mark.parametrize("jurisdiction, year, today, allowed", [
    ("NL", 2026, date(2026, 12, 31), False),      # the calendar year runs until 31 December
    ("NL", 2026, date(2027, 1, 1), True),
    ("NL", 2027, date(2027, 1, 1), False),
    ("BE-VLG", 2026, date(2026, 11, 30), False),  # December 2025 – November 2026
    ("BE-VLG", 2026, date(2026, 12, 1), True),
    ("BE-VLG", 2027, date(2026, 12, 1), False),
])
def test_only_after_the_period(invoiced, jurisdiction, year, today, allowed):
    from billing.invoices import statements
    from cooperative.models import Location

    Location.objects.filter(pk=invoiced.a.location.pk).update(jurisdiction=jurisdiction)
    with at(invoiced.a):
        if allowed:
            statements.make_statements(year, today=today)
        else:
            with pytest.raises(ValidationError) as error, translation.override("en"):
                statements.make_statements(year, today=today)
            assert list(error.value.message_dict) == ["year"]
            assert "when its period has ended" in error.value.message_dict["year"][0]


def test_the_api_refuses_a_running_year(invoiced, api):
    from billing.invoices.models import AnnualStatement
    from tenants.calendar.selectors import location_today

    this_year = location_today(location_of(invoiced.a)).year
    response = api(invoiced.a.entrepreneur, invoiced.a).post("/api/v1/billing/statements/generate/",
                                                             {"year": this_year})
    assert response.status_code == 400 and list(response.json()) == ["year"]
    assert "when its period has ended" in response.json()["year"][0]
    assert api(invoiced.a.entrepreneur, invoiced.a).post("/api/v1/billing/statements/generate/",
                                                         {"year": "twee"}).status_code == 400
    with at(invoiced.a):
        assert not AnnualStatement.objects.exists()


def test_the_command_refuses_a_running_year(invoiced):
    with pytest.raises(CommandError, match="when its period has ended"), translation.override("en"):
        call_command("make_statements", location=invoiced.a.location.slug, year=2099, stdout=StringIO())


def test_the_command_makes_an_ended_year(invoiced):
    out = StringIO()
    call_command("make_statements", location=invoiced.a.location.slug, year=2025, stdout=out)
    assert out.getvalue().strip() == "0 annual statement(s) issued at alpha for 2025."


def test_the_daily_job_waits_for_the_end_of_the_year(invoiced):
    from billing.invoices import services
    from billing.invoices.models import AnnualStatement

    assert services.daily_everywhere(today_override=date(2026, 12, 31)).done["alpha"]["statements"] == 0
    with at(invoiced.a):
        assert not AnnualStatement.objects.filter(year=2026).exists()
    assert services.daily_everywhere(today_override=date(2027, 1, 1)).done["alpha"]["statements"] == 1
