"""Helpers for the per-location app tests: work in a location's schema, JSON API calls."""
from contextlib import contextmanager
from datetime import date

import pytest
from django.db import connection
from django_tenants.utils import schema_context


@contextmanager
def in_schema(site):
    """Run ORM code in `site`'s schema, and leave the connection in public afterwards."""
    with schema_context(site.location.schema_name):
        yield
    connection.set_schema_to_public()


def make_child(site, **fields):
    from tenants.children.services import create_child

    fields.setdefault("first_name", "Test")
    fields.setdefault("last_name", "Kind")
    fields.setdefault("birth_date", date(2023, 6, 1))
    with in_schema(site):
        return create_child(**fields)


@pytest.fixture(autouse=True)
def _english(english):
    """Pages in English for the assertions on text."""
