"""Helpers for the calendar tests: run code in a location's schema, and a Flemish variant of location A."""
from contextlib import contextmanager

import pytest
from django.db import connection
from django_tenants.utils import schema_context

from cooperative.models import Location


@contextmanager
def at(site):
    """Run ORM code and services in `site`'s schema, back to public afterwards."""
    with schema_context(site.location.schema_name):
        yield
    connection.set_schema_to_public()


@pytest.fixture
def flemish_a(world):
    """Location A as a Flemish location for this test only (the test transaction rolls it back)."""
    Location.objects.filter(pk=world.a.location.pk).update(jurisdiction="BE-VLG", time_zone="Europe/Brussels")
    return world.a


@pytest.fixture
def weekday_hours(world):
    """Both locations open Monday to Friday, 07:30–18:30."""
    from datetime import time

    from tenants.calendar import services

    for site in (world.a, world.b):
        with at(site):
            services.set_week_hours({d: (time(7, 30), time(18, 30)) for d in range(5)})
    return world
