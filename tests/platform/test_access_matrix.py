"""The access matrix: every role against every page and API operation, asserting nobody reads what the permission
table of DESIGN.md §2 (and the meldcode rule of §4) says they may not.

Issue 14, acceptance. Canaries — unique words and figures — are planted in location A's data: children of
different families, a meldcode case about the family of a parent who is also A's entrepreneur, a case about
another child, a complaint and an invoice of another family. Each role has the list of canaries it must never
see. The endpoints are not listed by hand: they are every URL pattern of both URL confs (`config.urls_location`
on A's host, `config.urls_public` on the main domain) and every path of both OpenAPI schemas, with path
parameters filled with the ids of the canary objects, so a new endpoint joins the matrix by itself.

The canary objects of each kind get the same id (the id sequences of their tables are moved to a common value
first), so one filled-in id reaches a child, a case, a complaint and an invoice at once and the matrix stays
small enough to run in every test run.
"""
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.urls import resolve
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tenants.utils import schema_context

from accounts.models import Membership
from tests.conftest import make_user
from tests.platform.test_isolation import PUBLIC_LOCATION_ENDPOINTS, endpoints

FAMILY_ID = 91001  # Wieteke (the parent-entrepreneur's child), the case about her family, Mila's complaint, invoice
OTHER_ID = 91002  # Xandrijn (the removed parent's former child), the case about Saartje

# The canaries. Child first names are unique in the test database; texts are unique words.
SAARTJE, MILA, WIETEKE, XANDRIJN = "Saartje", "Mila", "Wieteke", "Xandrijn"
B_CHILDREN = ("Bram", "Finn")
CASE_FAMILY_TEXT = "Kanariegezinsmelding"
CASE_OTHER_TEXT = "Kanarieandermelding"
COMPLAINT_TEXT = "Kanarieklachttekst"
INVOICE_AMOUNTS = ("9876.54", "9.876,54", "9876,54")


@dataclass(frozen=True)
class Canaries:
    family_case_ref: str
    other_case_ref: str

    def everything_of_a(self) -> set[str]:
        return {SAARTJE, MILA, WIETEKE, XANDRIJN, CASE_FAMILY_TEXT, CASE_OTHER_TEXT, COMPLAINT_TEXT,
                self.family_case_ref, self.other_case_ref, *INVOICE_AMOUNTS}

    def forbidden(self, role: str) -> set[str]:
        """What each role may never read (DESIGN.md §2 and the meldcode rule of §4)."""
        cases = {CASE_FAMILY_TEXT, CASE_OTHER_TEXT, self.family_case_ref, self.other_case_ref}
        money_and_complaints = {COMPLAINT_TEXT, *INVOICE_AMOUNTS}
        return {
            # The cooperative: no child file, no meldcode case, no parent's invoice, no complaint text.
            "coop_admin": self.everything_of_a(),
            "adviser": self.everything_of_a(),
            "lead_adviser": self.everything_of_a(),
            # The pedagogue: the cases (and the children named in them), nothing else of the location.
            "pedagogue": {MILA, XANDRIJN} | money_and_complaints,
            # The entrepreneur: everything of her own location, nothing of another.
            "entrepreneur": set(B_CHILDREN),
            # Staff: care, not money, complaints or case files (a reporter sees only her report's status).
            "staff": {CASE_FAMILY_TEXT, CASE_OTHER_TEXT, *B_CHILDREN} | money_and_complaints,
            # A parent: her own child only.
            "parent": {MILA, WIETEKE, XANDRIJN, *B_CHILDREN} | cases | money_and_complaints,
            # A guardian removed from her (only) child: nothing of the location any more.
            "removed_parent": self.everything_of_a() | set(B_CHILDREN),
            # An entrepreneur who is a parent at her own location: never the case about her own family.
            "parent_entrepreneur": {CASE_FAMILY_TEXT, self.family_case_ref, *B_CHILDREN},
            # A member of another location: nothing of A.
            "other_location": self.everything_of_a(),
        }[role]


# Roles with no business on A's host at all: every endpoint but the public ones answers 403 or 404.
NO_ACCESS_AT_A = {"coop_admin", "adviser", "lead_adviser", "pedagogue", "removed_parent", "other_location"}
ROLES = ["coop_admin", "adviser", "lead_adviser", "pedagogue", "entrepreneur", "staff", "parent", "removed_parent",
         "parent_entrepreneur", "other_location"]


def _move_sequence(table: str, before: int) -> None:
    """The next id of `table` (in the current schema) will be `before + 1` (never lower than what is there)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                       f"GREATEST(%s, (SELECT COALESCE(MAX(id), 1) FROM {table})))", [before])


@pytest.fixture
def matrix(world, db):
    """The canaries in A, the extra people, and the users of every role."""
    from billing.invoices.models import Invoice
    from safeguarding import services as meldcode
    from tenants.children.models import Child
    from tenants.children.services import create_child, remove_guardian
    from tenants.complaints import services as complaints
    from tenants.complaints.models import Complaint

    a = world.a
    parent_entrepreneur = make_user("ouder-houder@alpha.test", "Ouder Houder")
    Membership.objects.create(user=parent_entrepreneur, location=a.location, role="entrepreneur")
    Membership.objects.create(user=parent_entrepreneur, location=a.location, role="parent")
    removed = make_user("verwijderd@alpha.test", "Verwijderde Ouder")
    Membership.objects.create(user=removed, location=a.location, role="parent")
    with schema_context(a.location.schema_name):
        _move_sequence("children_child", FAMILY_ID - 1)
        wieteke = create_child(first_name=WIETEKE, last_name="Vogelaar", birth_date=date(2023, 2, 2),
                               guardians=[parent_entrepreneur])
        xandrijn = create_child(first_name=XANDRIJN, last_name="Zwaluw", birth_date=date(2023, 4, 4),
                                guardians=[removed])
        remove_guardian(xandrijn, removed, actor=a.entrepreneur)
        saartje = Child.objects.get(pk=a.child_id)
        mila = Child.objects.get(first_name=MILA)
        _move_sequence("complaints_complaint", FAMILY_ID - 1)
        complaints.file_complaint(user=world.two_location_parent, subject=Complaint.Subject.METHOD
                                  if hasattr(Complaint, "Subject") else "method",
                                  description=f"{COMPLAINT_TEXT}: de groep is te vol.", child=mila)
        _move_sequence("invoices_invoice", FAMILY_ID - 1)
        Invoice.objects.create(number=FAMILY_ID, child=mila, parent=world.two_location_parent,
                               period_start=date(2026, 10, 1), period_end=date(2026, 10, 31),
                               issue_date=date(2026, 11, 1), due_date=date(2026, 11, 15), total=Decimal("9876.54"),
                               status=Invoice.Status.OPEN, jurisdiction="NL", location_name=a.location.name,
                               parent_name=world.two_location_parent.full_name)
    connection.set_schema_to_public()
    _move_sequence("safeguarding_case", FAMILY_ID - 1)
    yesterday = timezone.localdate() - timedelta(days=1)
    report = dict(location=a.location, reporter=a.staff, roles={"staff"}, route=1, observed_on=yesterday,
                  observed_place="Groepsruimte")
    family_case = meldcode.report_concern(child_ids=[wieteke.pk], description=f"{CASE_FAMILY_TEXT}: zorgen.",
                                          **report)
    other_case = meldcode.report_concern(child_ids=[saartje.pk], description=f"{CASE_OTHER_TEXT}: zorgen.",
                                         **report)
    assert (wieteke.pk, xandrijn.pk, family_case.pk, other_case.pk) == (FAMILY_ID, OTHER_ID, FAMILY_ID, OTHER_ID)
    users = {
        "coop_admin": world.coop_admin, "adviser": world.adviser, "lead_adviser": world.lead_adviser,
        "pedagogue": world.pedagogue, "entrepreneur": a.entrepreneur, "staff": a.staff, "parent": a.parent,
        "removed_parent": removed, "parent_entrepreneur": parent_entrepreneur, "other_location": world.b.entrepreneur,
    }
    return users, Canaries(family_case.reference, other_case.reference), {"child": a.child_id, "mila": mila.pk}


# --- the endpoints ----------------------------------------------------------------------------------------------


def _ids(extra: dict) -> tuple[int, ...]:
    """Ids to fill in: the shared id of the canary objects of each kind, and Mila's (another family's child)."""
    return tuple(sorted({FAMILY_ID, OTHER_ID, extra["mila"]}))


def _value(world, param: str, candidate: int):
    return {
        "slug": world.a.location.slug,
        "format": "json",
        "uidb64": urlsafe_base64_encode(force_bytes(world.a.entrepreneur.pk)),
        "token": "not-a-token",
        "year": timezone.localdate().year,
        "month": timezone.localdate().month,
        "kind": "nl_jaaropgave",
        "tile": "x",
        "action": "done",
    }.get(param, candidate)


def endpoint_paths(world, urlconf: str, ids: tuple[int, ...]) -> dict[str, str]:
    """{path: URL name} of every URL pattern and every GET operation of the OpenAPI schema of `urlconf`, with
    path parameters filled once per candidate id. Computed once per test run (the schema takes seconds)."""
    key = (urlconf, ids)
    if key not in _PATHS:
        _PATHS[key] = _url_conf_paths(world, urlconf, ids) | _schema_paths(world, urlconf, ids)
    return _PATHS[key]


_PATHS: dict = {}


def _url_conf_paths(world, urlconf: str, ids) -> dict[str, str]:
    found = {}
    for candidate in ids:
        for endpoint in endpoints(urlconf, lambda name, param, c=candidate: _value(world, param, c)):
            found.setdefault(endpoint.path, endpoint.name)
    return found


def _schema_paths(world, urlconf: str, ids) -> dict[str, str]:
    """GET operations of the schema, named by the URL pattern they resolve to (so public ones are recognised)."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)
    found = {}
    for template, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        for candidate in ids:
            path = re.sub(r"\{(\w+)\}", lambda m, c=candidate: str(_value(world, m.group(1), c)), template)
            found.setdefault(path, resolve(path, urlconf=urlconf).url_name)
    return found


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def leaks(body: str, forbidden: set[str]) -> list[str]:
    return sorted(word for word in forbidden if re.search(rf"(?<![\w.,]){re.escape(word)}(?![\w]|[.,]\d)", body))


def test_the_leak_finder_matches_whole_words_and_amounts():
    assert leaks("Mila Jansen, 9.876,54 euro", {MILA, "9.876,54", "Saartje"}) == ["9.876,54", MILA]
    assert leaks("Milan; 19.876,543; Saartjes", {MILA, "9.876,54", SAARTJE}) == []


# --- the matrix -------------------------------------------------------------------------------------------------


def _crawl(client: Client, paths: dict[str, str], forbidden: set[str], refused_only: bool) -> tuple[dict, set]:
    problems, reached = {}, set()
    for path, name in sorted(paths.items()):
        response = client.get(path)
        found = leaks(_body(response), forbidden)
        if found:
            problems[f"GET {path} ({name})"] = f"{response.status_code} shows {found}"
        if response.status_code >= 500:
            problems[f"GET {path} ({name})"] = f"server error {response.status_code}"
        if refused_only and name not in PUBLIC_LOCATION_ENDPOINTS and response.status_code not in (403, 404):
            problems[f"GET {path} ({name})"] = f"answered {response.status_code}, expected 403 or 404"
        if response.status_code == 200:
            reached.add(name)
    return problems, reached


@pytest.mark.parametrize("role", ROLES)
def test_nobody_reads_at_location_a_what_their_role_may_not(matrix, world, role):
    users, canaries, extra = matrix
    ids = _ids(extra)
    paths = endpoint_paths(world, "config.urls_location", ids)
    client = Client(HTTP_HOST=world.a.host)
    client.force_login(users[role])
    problems, reached = _crawl(client, paths, canaries.forbidden(role), refused_only=role in NO_ACCESS_AT_A)
    assert problems == {}
    if role in NO_ACCESS_AT_A:
        assert reached <= PUBLIC_LOCATION_ENDPOINTS | {"api-schema", "api-docs"}, reached
    else:
        assert "home" in reached and "api-me" in reached  # the counter-check: the role does reach A


@pytest.mark.parametrize("role", ROLES)
def test_nobody_reads_on_the_main_domain_what_their_role_may_not(matrix, world, role):
    users, canaries, extra = matrix
    ids = _ids(extra)
    paths = endpoint_paths(world, "config.urls_public", ids)
    client = Client(HTTP_HOST="localhost")
    client.force_login(users[role])
    problems, reached = _crawl(client, paths, canaries.forbidden(role), refused_only=False)
    assert problems == {}
    assert "home" in reached


def test_a_removed_guardian_cannot_write_at_the_location_either(matrix, world):
    """POST to every endpoint of A's host. (The other roles without access at A are refused on every POST by
    tests/platform/test_isolation.py.)"""
    users, canaries, extra = matrix
    role = "removed_parent"
    client = Client(HTTP_HOST=world.a.host)
    client.force_login(users[role])
    problems = {}
    for path, name in sorted(_url_conf_paths(world, "config.urls_location", _ids(extra)).items()):
        if name in PUBLIC_LOCATION_ENDPOINTS:
            continue
        response = client.post(path, {})
        if response.status_code not in (403, 404):
            problems[f"POST {path} ({name})"] = response.status_code
        elif leaks(_body(response), canaries.forbidden(role)):
            problems[f"POST {path} ({name})"] = "leaks"
    assert problems == {}


def test_the_matrix_covers_both_url_confs_and_both_schemas(matrix, world):
    _users, _canaries, extra = matrix
    ids = _ids(extra)
    location = _url_conf_paths(world, "config.urls_location", ids)
    from_schema = _schema_paths(world, "config.urls_location", ids)
    assert {"children", "child-detail", "meldcode-location-cases", "meldcode-location-case", "api-me"} <= set(
        location.values())
    assert f"/api/v1/children/{FAMILY_ID}/" in location and f"/api/v1/children/{FAMILY_ID}/" in from_schema
    assert f"/meldcode/cases/{FAMILY_ID}/" in location
    main = _url_conf_paths(world, "config.urls_public", ids) | _schema_paths(world, "config.urls_public", ids)
    assert "/api/v1/locations/" in main and f"/meldcode/{FAMILY_ID}/" in main
