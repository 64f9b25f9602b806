"""Schemathesis over every operation of both API schemas (the main domain and a location host), as each role.

Bad input must get a 4xx, never a server error, and every answer must be what the schema says (a documented
status code, its content type and body). Cases come from schemathesis' coverage phase (boundary values, wrong
types, missing fields, other media types and methods: mostly negative) and a few generated ones (positive and
negative), the same cases for every role: the coop admin, an adviser, the lead adviser, the pedagogue and the
two-location parent on the main domain; the entrepreneur, a staff member and a parent at location A; and
someone not logged in, on both. A role that an operation refuses (401/403) gets its first case only.

In-process: Django's WSGI handler in this test's transaction, each request in a savepoint that is rolled back,
so nothing a request writes stays and every case starts from the `world`. The run is deterministic (fixed seed,
derandomized) and bounded (see `EXAMPLES`); a failure names the operation and the role and gives the request.
One operation again: pytest tests/platform/test_api_fuzz.py -k "test_location_operation and complaints".
"""
import json
from dataclasses import dataclass, field

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, transaction
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from rest_framework.authtoken.models import Token
from schemathesis.config import SchemathesisConfig

#: Generated cases per operation besides the coverage phase's (which are one per kind of value, see `Sent`).
#: With 36 operations on the main domain and 200 at a location that makes about 30 cases per operation and
#: 10,500 requests, under two minutes on the two-core machine (the whole suite must stay under 15).
EXAMPLES = 10
CONFIG = {
    "seed": 14,
    "suppress-health-check": ["all"],  # few examples, a function-scoped fixture on purpose, slow requests are fine
    # No per-example deadline (schemathesis' default): timings on a shared two-core machine would make a
    # deterministic run flaky. The run is bounded by counts instead: EXAMPLES and one coverage case per kind.
    "generation": {"mode": "all", "max-examples": EXAMPLES, "deterministic": True, "no-shrink": True,
                   "database": "none", "with-security-parameters": False},
    "phases": {"examples": {"enabled": False}, "coverage": {"enabled": True}, "fuzzing": {"enabled": True},
               "stateful": {"enabled": False}},
    "checks": {"enabled": False, "not_a_server_error": {"enabled": True},
               "status_code_conformance": {"enabled": True}, "content_type_conformance": {"enabled": True},
               "response_schema_conformance": {"enabled": True}},
}
MAIN_ROLES = ("coop_admin", "adviser", "lead_adviser", "pedagogue", "two_location_parent", None)
LOCATION_ROLES = ("entrepreneur", "staff", "parent", None)
REFUSED = (401, 403)


class InTestTransaction:
    """Django's WSGI application; each request in a savepoint of the test's transaction, rolled back after."""

    def __init__(self):
        self.handler = WSGIHandler()

    def __call__(self, environ, start_response):
        with transaction.atomic():
            response = self.handler(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                response.close()
            transaction.set_rollback(True)
        return [body]


def load(urlconf: str):
    """The schema as /api/schema/ serves it for that kind of host (no database needed)."""
    document = SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)),
                                            config=SchemathesisConfig.from_dict(CONFIG))
    schema.app = InTestTransaction()
    return schema


main_schema = load("config.urls_public")
location_schema = load("config.urls_location")


@dataclass
class Caller:
    role: str
    host: str
    headers: dict

    @property
    def base_url(self) -> str:
        return f"http://{self.host}"


def callers(host: str, people: dict) -> list[Caller]:
    """A DRF token each, from the model (the token endpoint wants a second factor's code from some roles)."""
    return [Caller(role, host, {"Authorization": f"Token {Token.objects.get_or_create(user=user)[0].key}"}
                   if user is not None else {}) for role, user in people.items()]


@pytest.fixture
def in_process(world):
    """Requests run in this thread and transaction: Django must not close the connection between them."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    connection.set_schema_to_public()


@pytest.fixture
def main_callers(world, in_process):
    return callers("localhost", {role or "anonymous": getattr(world, role) if role else None
                                 for role in MAIN_ROLES})


@pytest.fixture
def location_callers(world, in_process):
    return callers(world.a.host, {role or "anonymous": getattr(world.a, role) if role else None
                                  for role in LOCATION_ROLES})


@dataclass
class Sent:
    """What one operation's test has sent: each kind of coverage case once (the first of its values, and the
    first in each media type), and which roles the operation refused at once."""

    kinds: set = field(default_factory=set)
    tried: set = field(default_factory=set)
    refused: set = field(default_factory=set)

    def worth_sending(self, case) -> bool:
        meta = case._meta
        if meta is None or meta.phase.name.value != "coverage":
            return True
        kind = getattr(meta.phase.data, "description", "")
        fresh = kind not in self.kinds or ("media", case.media_type) not in self.kinds
        self.kinds |= {kind, ("media", case.media_type)}
        return fresh


@pytest.fixture
def sent():
    """Shared by the examples of one operation (Hypothesis runs them all in one call of the test)."""
    return Sent()


def check(case, people: list[Caller], sent: Sent):
    if not sent.worth_sending(case):
        return
    for caller in people:
        if caller.role in sent.refused:
            continue
        try:
            response = case.call_and_validate(base_url=caller.base_url, headers=caller.headers)
        except BaseException as failure:  # schemathesis' FailureGroup is a BaseExceptionGroup
            failure.add_note(f"Operation: {case.operation.label} on {caller.host}, as {caller.role}")
            raise
        if caller.role not in sent.tried and response.status_code in REFUSED:
            sent.refused.add(caller.role)
        sent.tried.add(caller.role)


@main_schema.parametrize()
def test_main_domain_operation(case, main_callers, sent):
    check(case, main_callers, sent)


@location_schema.parametrize()
def test_location_operation(case, location_callers, sent):
    check(case, location_callers, sent)


def test_every_role_is_let_in_with_its_token(main_callers, location_callers):
    """Else the run would quietly test nothing but refusals (e.g. a second factor missing for the coop)."""
    for caller in main_callers + location_callers:
        response = Client(HTTP_HOST=caller.host).get("/api/v1/me/", headers=caller.headers)
        assert response.status_code == (403 if caller.role == "anonymous" else 200), caller.role

