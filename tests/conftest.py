"""Shared fixtures: two locations (A and B) provisioned once per test session in the test database.

Provisioning creates PostgreSQL schemas, which cannot be rolled back between tests cheaply, so the two
locations and their people are committed once; every test then runs in a transaction that is rolled
back, as usual with pytest-django.
"""
import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import translation
from django_tenants.utils import schema_context

from accounts.models import AdviserAssignment, CooperativeRole, Membership, User
from cooperative.models import Location
from cooperative.services import NewLocation, provision_location
from tenants.children.services import create_child

PASSWORD = "test-password-123"

if os.environ.get("SCALE_OUT") == "citus":
    # make test-citus: the same tests on a Citus cluster, whose database is set up outside Django.
    from tests.citus.cluster_database import django_db_setup, locations_on_two_workers  # noqa: F401


@dataclass
class Site:
    location: Location
    entrepreneur: User
    staff: User
    parent: User
    child_id: int
    child_name: str

    @property
    def host(self) -> str:
        return self.location.host


@dataclass
class World:
    a: Site
    b: Site
    coop_admin: User
    adviser: User
    lead_adviser: User
    pedagogue: User
    two_location_parent: User


def make_user(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, full_name=name, password=PASSWORD)
    return user


def _site(slug: str, kind: str, child_first: str) -> Site:
    location = Location.objects.filter(slug=slug).first()
    if location is None:
        location = provision_location(NewLocation(
            name=f"Test {slug}", slug=slug, kind=kind, jurisdiction="NL",
            entrepreneur_email=f"owner@{slug}.test", entrepreneur_name=f"Owner {slug}",
            lrk_numbers={kind: "123456789"}, licensed_places=16, region="Test",
        ), send_invitation=False)
    entrepreneur = User.objects.get(email=f"owner@{slug}.test")
    entrepreneur.set_password(PASSWORD)
    entrepreneur.save()
    staff = make_user(f"staff@{slug}.test", f"Staff {slug}")
    Membership.objects.get_or_create(user=staff, location=location, role="staff")
    parent = make_user(f"parent@{slug}.test", f"Parent {slug}")
    Membership.objects.get_or_create(user=parent, location=location, role="parent")
    with schema_context(location.schema_name):
        from tenants.children.models import Child

        child = Child.objects.filter(first_name=child_first).first() or create_child(
            first_name=child_first, last_name="Verbeek", birth_date=date(2024, 5, 1), guardians=[parent]
        )
    return Site(location, entrepreneur, staff, parent, child.pk, f"{child_first} Verbeek")


@pytest.fixture(scope="session")
def world(django_db_setup, django_db_blocker) -> World:
    with django_db_blocker.unblock():
        a = _site("alpha", "kdv", "Saartje")
        b = _site("beta", "gastouder", "Bram")
        coop_admin = make_user("admin@coop.test", "Coop Admin")
        CooperativeRole.objects.get_or_create(user=coop_admin, role="coop_admin")
        adviser = make_user("adviser@coop.test", "Adviser")
        CooperativeRole.objects.get_or_create(user=adviser, role="adviser")
        AdviserAssignment.objects.get_or_create(adviser=adviser, location=a.location)
        lead = make_user("lead@coop.test", "Lead Adviser")
        CooperativeRole.objects.get_or_create(user=lead, role="adviser", defaults={"is_lead": True})
        pedagogue = make_user("pedagogue@coop.test", "Pedagogue")
        CooperativeRole.objects.get_or_create(user=pedagogue, role="pedagogue")
        both = make_user("both@parents.test", "Parent of Two")
        for site, first in ((a, "Mila"), (b, "Finn")):
            Membership.objects.get_or_create(user=both, location=site.location, role="parent")
            with schema_context(site.location.schema_name):
                from tenants.children.models import Child

                if not Child.objects.filter(first_name=first).exists():
                    create_child(first_name=first, last_name="Jansen", birth_date=date(2022, 1, 1), guardians=[both])
    return World(a, b, coop_admin, adviser, lead, pedagogue, both)


#: The authenticator-app key of the cooperative's people in `world` (tests compute codes from it).
COOP_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture(scope="session", autouse=True)
def cooperative_second_factor(world, django_db_blocker):
    """The cooperative's admin, advisers and pedagogue must use a second factor (accounts.second_factor); in
    `world` they have an authenticator app, as they would in production, so their pages open. Tests of the
    set-up itself make people of their own (tests/accounts)."""
    with django_db_blocker.unblock():
        for user in (world.coop_admin, world.adviser, world.lead_adviser, world.pedagogue):
            give_second_factor(user)


def give_second_factor(user) -> None:
    """An authenticator app for `user` (key COOP_TOTP_SECRET), as a cooperative role must have one."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, COOP_TOTP_SECRET)


@pytest.fixture(autouse=True)
def _start_in_the_public_schema():
    """Each test starts where a request starts: in the public schema, whatever schema the test before left the
    connection in (a switch is only remembered here; nothing is sent to the database)."""
    connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def _no_language_left_behind():
    """A test that activates a language does not pass it on: the next one (or a module fixture that renders a
    document, such as the demo's contracts) starts in the default language, as a request would."""
    yield
    translation.deactivate()


@pytest.fixture
def kept_pages_on(settings):
    """Start pages kept (frontend.kept_pages), as with a shared cache: here the test process's own, which every
    connection of the process shares; empty before and after."""
    from django.core.cache import cache

    from changes.versions import note_writes

    settings.KEPT_PAGES = True
    added = note_writes not in connection.execute_wrappers  # this connection was made with kept pages off
    if added:
        connection.execute_wrappers.append(note_writes)
    cache.clear()
    yield
    cache.clear()
    if added:
        connection.execute_wrappers.remove(note_writes)


@pytest.fixture
def english(world, db):
    """Pages in English, for tests that assert on text (each test's transaction rolls this back)."""
    User.objects.update(language="en")


@pytest.fixture
def api(client_for):
    """api(user, site or None for the main domain) -> a client whose post/put/patch send JSON."""

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


@pytest.fixture
def client_for(db, world):
    """A test client logged in as `user`, talking to `site`'s host (or the main domain)."""

    def make(user=None, site: Site | None = None) -> Client:
        host = site.host if site else "localhost"
        client = Client(HTTP_HOST=host)
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test here talks to PostgreSQL; mark them so pytest-django sets up the test database. With
    several workers (`-n`, `--dist loadgroup`), the tests that load the demo cooperative share one worker: the
    browser tests' server loads it once (not once per worker), and two loads at once, each one transaction over
    every location's schema, would exhaust the database server's lock table."""
    for item in items:
        if item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db)
        if "/tests/e2e/" in str(item.path) or item.path.name == "test_seed_demo.py":
            item.add_marker(pytest.mark.xdist_group("demo"))


def in_a_thread(function, *args):
    """Run `function` on a connection of its own (outside the test's transaction), committed."""
    def run():
        try:
            return function(*args)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()
