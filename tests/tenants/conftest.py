"""Helpers for the per-location app tests: work in a location's schema, JSON API calls."""
import json
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


@pytest.fixture
def api(client_for):
    """api(user, site) -> a client whose post/put/patch send JSON."""

    class JsonClient:
        def __init__(self, client):
            self.client = client

        def get(self, path, data=None):
            return self.client.get(path, data)

        def delete(self, path):
            return self.client.delete(path)

        def _send(self, method, path, data):
            return getattr(self.client, method)(path, json.dumps(data or {}, default=str),
                                                content_type="application/json")

        def post(self, path, data=None):
            return self._send("post", path, data)

        def put(self, path, data=None):
            return self._send("put", path, data)

        def patch(self, path, data=None):
            return self._send("patch", path, data)

    return lambda user, site: JsonClient(client_for(user, site))


def make_child(site, **fields):
    from tenants.children.services import create_child

    fields.setdefault("first_name", "Test")
    fields.setdefault("last_name", "Kind")
    fields.setdefault("birth_date", date(2023, 6, 1))
    with in_schema(site):
        return create_child(**fields)


@pytest.fixture(autouse=True)
def english(world, db):
    """Pages in English for the assertions on text (each test's transaction rolls this back)."""
    from accounts.models import User

    User.objects.update(language="en")
