"""Helpers for the house-rules tests: versions announced at location A on days relative to its own today."""
from datetime import date

import pytest

from tests.tenants.conftest import in_schema


def announce(site, *, today: date | None = None, **fields):
    from tenants.calendar.selectors import location_today
    from tenants.house_rules import services

    with in_schema(site):
        fields.setdefault("text", "Artikel 1. Wij zijn open van 7.30 tot 18.30 uur.")
        fields.setdefault("effective_on", today or location_today())
        return services.announce_version(by=site.entrepreneur, today=today, **fields)


@pytest.fixture
def first_version(world):
    """Version 1 at A, in force since 1 January 2024."""
    return announce(world.a, effective_on=date(2024, 1, 1))
