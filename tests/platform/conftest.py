"""Fixtures for the platform tests: a location provisioned inside the test's own transaction.

Suspending and offboarding change a location for good, so those tests use a fresh location rather than
the session's shared ones. PostgreSQL DDL is transactional: the rollback after each test drops the
schema again (tests/platform/test_provision_location.py checks that).
"""
from datetime import date

import pytest
from django.db import connection
from django_tenants.utils import schema_context

from accounts.models import Membership, User
from cooperative import services
from tenants.children.services import create_child
from tests.conftest import PASSWORD, make_user


class Place:
    def __init__(self, location, entrepreneur, staff, parent):
        self.location, self.entrepreneur, self.staff, self.parent = location, entrepreneur, staff, parent

    @property
    def people(self):
        return (self.entrepreneur, self.staff, self.parent)


@pytest.fixture
def place(world) -> Place:
    """Location 'suspend-sun' with an entrepreneur, a staff member, a parent and her child Zoë Zon."""
    location = services.provision_location(services.NewLocation(
        name="Suspended Sun", slug="suspend-sun", kind="kdv", jurisdiction="NL",
        entrepreneur_email="owner@suspend-sun.test", entrepreneur_name="Owner Sun",
        lrk_numbers={"kdv": "987654321"},
    ), send_invitation=False)
    entrepreneur = User.objects.get(email="owner@suspend-sun.test")
    entrepreneur.set_password(PASSWORD)
    entrepreneur.save()
    staff = make_user("staff@suspend-sun.test", "Staff Sun")
    Membership.objects.create(user=staff, location=location, role="staff")
    parent = make_user("parent@suspend-sun.test", "Parent Sun")
    Membership.objects.create(user=parent, location=location, role="parent")
    with schema_context(location.schema_name):
        create_child(first_name="Zoë", last_name="Zon", birth_date=date(2023, 3, 3), guardians=[parent])
    with connection.cursor() as cursor:
        # Fire the deferred foreign-key checks now, as a commit would: PostgreSQL refuses to drop a table
        # with pending trigger events, and offboarding drops the schema in this same test transaction.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    return Place(location, entrepreneur, staff, parent)
