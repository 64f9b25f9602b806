"""Isolation between locations and roles, checked on every URL the project has.

The URL patterns of `config.urls_location` (a location's host) and `config.urls_public` (the main
domain) are enumerated from Django's resolver, so an endpoint added later is covered without editing
this file. Path parameters get real ids of the other location's objects where there are any.

Rules (DESIGN.md section 2):
- a member of location A gets 403 or 404 on every page and API endpoint of location B, GET and POST;
- a parent gets 403 on the endpoints of the entrepreneur and staff (children list, exports);
- advisers, the cooperative admin and the pedagogue read no child data: 403 on location hosts, and no
  child's name in anything they can reach on the main domain;
- location tables live in each location's schema and not in public; public tables not in a location.
"""
import re
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tenants.utils import schema_context

from tenants.exports.models import Export

# Endpoints of a location's host that anybody may reach, member or not. Each shows nothing of the
# location's data: logging in (a redirect to the main domain's login), arriving with a login handoff
# token (needs a valid single-use token made for this host), accepting an invitation (needs a valid
# token to do anything), choosing a language (stored on the requester's own account), the token
# exchange for scripts, and the API's description; the ratio calculator, public like the government's
# own (it holds no data at all); and the location's complaint regulation, which the law wants public.
# Any other endpoint must refuse a non-member; a new public one has to be added here.
PUBLIC_LOCATION_ENDPOINTS = {"login", "handoff-arrive", "invitation", "set_language", "api-token", "api-schema",
                             "api-docs", "ratio-check", "ratio-calculator", "complaint-regulation",
                             "complaint-regulation-api", "intake-form-location", "webcams-protocol", "webcams-guest"}
PUBLIC_STATUSES = {200, 302, 400, 403, 405}

# Endpoints of the entrepreneur and the staff that a parent of the same location may not use.
ENTREPRENEUR_ONLY = {"export-list", "export-detail", "export-download"}
ENTREPRENEUR_OR_STAFF = {"children", "child-list"}

CHILD_NAMES = ("Saartje", "Bram", "Mila", "Finn", "Verbeek", "Jansen")


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str

    def __str__(self):
        return f"{self.name} {self.path}"


def leaf_patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from leaf_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def endpoints(urlconf: str, values: dict) -> list[Endpoint]:
    """Every URL of `urlconf` (each variant, format suffixes included) with its parameters filled in."""
    resolver = get_resolver(urlconf)
    unnamed = [route for route, pattern in leaf_patterns(resolver.url_patterns) if not pattern.name]
    assert unnamed == [], f"every URL pattern needs a name so that it is enumerated here: {unnamed}"
    found = []
    for name in resolver.reverse_dict:
        if not isinstance(name, str):
            continue
        for possibilities, _pattern, _defaults, _converters in resolver.reverse_dict.getlist(name):
            for template, params in possibilities:
                filled = {param: values(name, param) if callable(values) else values[param] for param in params}
                found.append(Endpoint(name, "/" + template % filled))
    return sorted(set(found), key=str)


@pytest.fixture
def b_export(world):
    with schema_context(world.b.location.schema_name):
        export = Export.objects.create(requested_by=world.b.entrepreneur, status="done", file_name="b.json")
    connection.set_schema_to_public()
    return export


@pytest.fixture
def a_export(world):
    with schema_context(world.a.location.schema_name):
        export = Export.objects.create(requested_by=world.a.entrepreneur, status="done", file_name="a.json")
    connection.set_schema_to_public()
    return export


def location_endpoints(site, export) -> list[Endpoint]:
    """The URLs of a location's host, with ids of that location's own child and export."""

    def value(name, param):
        if param == "pk":
            return site.child_id if name.startswith("child") else export.pk
        return {
            "format": "json",
            "uidb64": urlsafe_base64_encode(force_bytes(site.entrepreneur.pk)),
            "token": "set-password-token",
        }.get(param, 1)

    return endpoints("config.urls_location", value)


def main_endpoints(world) -> list[Endpoint]:
    def value(name, param):
        return {
            "slug": world.a.location.slug,
            "format": "json",
            "uidb64": urlsafe_base64_encode(force_bytes(world.a.entrepreneur.pk)),
            "token": "set-password-token",
        }.get(param, 1)

    return endpoints("config.urls_public", value)


def client(user, host: str) -> Client:
    c = Client(HTTP_HOST=host)
    if user is not None:
        c.force_login(user)
    return c


def names_in(response) -> list[str]:
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content).decode(errors="replace")
    else:
        body = response.content.decode(errors="replace")
    return [name for name in CHILD_NAMES if re.search(rf"\b{name}\b", body)]


def test_enumeration_covers_the_known_endpoints(world, b_export):
    names = {e.name for e in location_endpoints(world.b, b_export)}
    assert {"home", "children", "child-list", "child-detail", "export-list", "export-detail", "export-download",
            "api-me", "logout"} | PUBLIC_LOCATION_ENDPOINTS <= names
    assert {"home", "locations", "location-create", "location-list", "location-detail"} <= {
        e.name for e in main_endpoints(world)}


@pytest.mark.parametrize("role", ["entrepreneur", "staff", "parent"])
def test_member_of_a_gets_403_or_404_on_every_endpoint_of_b(world, b_export, role):
    user = getattr(world.a, role)
    refused, public = [], []
    for endpoint in location_endpoints(world.b, b_export):
        for method in ("get", "post"):
            response = getattr(client(user, world.b.host), method)(endpoint.path)
            assert names_in(response) == [], (method, str(endpoint))
            if endpoint.name in PUBLIC_LOCATION_ENDPOINTS:
                assert response.status_code in PUBLIC_STATUSES, (method, str(endpoint), response.status_code)
                public.append(endpoint.name)
            else:
                assert response.status_code in (403, 404), (method, str(endpoint), response.status_code)
                refused.append(endpoint.name)
    assert {"children", "child-detail", "export-download", "api-me", "home"} <= set(refused)
    assert set(public) == PUBLIC_LOCATION_ENDPOINTS


def test_api_token_of_a_member_of_a_gets_403_or_404_on_every_api_endpoint_of_b(world, b_export):
    from rest_framework.authtoken.models import Token

    token, _created = Token.objects.get_or_create(user=world.a.entrepreneur)
    for endpoint in location_endpoints(world.b, b_export):
        if not endpoint.path.startswith("/api/") or endpoint.name in PUBLIC_LOCATION_ENDPOINTS:
            continue
        for method in ("get", "post"):
            c = Client(HTTP_HOST=world.b.host, HTTP_AUTHORIZATION=f"Token {token.key}")
            response = getattr(c, method)(endpoint.path)
            assert response.status_code in (403, 404), (method, str(endpoint), response.status_code)
            assert names_in(response) == [], (method, str(endpoint))


def test_member_of_a_reaches_the_same_endpoints_at_a(world, a_export):
    """The counter-check: the refusals above come from the location, not from a broken endpoint."""
    c = client(world.a.entrepreneur, world.a.host)
    for path in ("/", "/children/", "/api/v1/children/", f"/api/v1/children/{world.a.child_id}/",
                 "/api/v1/exports/", f"/api/v1/exports/{a_export.pk}/", "/api/v1/me/"):
        assert c.get(path).status_code == 200, path
    assert set(names_in(c.get("/api/v1/children/"))) == {"Saartje", "Mila", "Verbeek", "Jansen"}
    assert "Saartje" in names_in(c.get("/children/"))


def test_parent_gets_403_on_entrepreneur_and_staff_endpoints(world, a_export):
    for endpoint in location_endpoints(world.a, a_export):
        if endpoint.name not in ENTREPRENEUR_ONLY | ENTREPRENEUR_OR_STAFF:
            continue
        for method in ("get", "post"):
            response = getattr(client(world.a.parent, world.a.host), method)(endpoint.path)
            assert response.status_code == 403, (method, str(endpoint), response.status_code)
            assert names_in(response) == [], (method, str(endpoint))


def test_staff_gets_403_on_entrepreneur_endpoints(world, a_export):
    for endpoint in location_endpoints(world.a, a_export):
        if endpoint.name not in ENTREPRENEUR_ONLY:
            continue
        for method in ("get", "post"):
            response = getattr(client(world.a.staff, world.a.host), method)(endpoint.path)
            assert response.status_code == 403, (method, str(endpoint), response.status_code)
    assert client(world.a.staff, world.a.host).post("/api/v1/children/", {
        "first_name": "Nieuw", "last_name": "Kind", "birth_date": "2024-01-01"}).status_code == 403


def test_parent_sees_only_own_children(world):
    parent = client(world.a.parent, world.a.host)
    assert parent.get(f"/api/v1/children/{world.a.child_id}/").status_code == 200
    with schema_context(world.a.location.schema_name):
        from tenants.children.models import Child

        other = Child.objects.get(first_name="Mila").pk
    connection.set_schema_to_public()
    response = parent.get(f"/api/v1/children/{other}/")
    assert response.status_code == 404
    assert "Mila" not in names_in(response)
    home = parent.get("/")
    assert home.status_code == 200
    assert "Mila" not in names_in(home)


@pytest.mark.parametrize("role", ["coop_admin", "adviser", "lead_adviser", "pedagogue"])
def test_cooperative_roles_get_403_on_location_hosts(world, b_export, role):
    """GET and POST at location B (a childminder); their GETs at location A (a day-care centre) are in the access
    matrix (tests/platform/test_access_matrix.py), which also looks for what they may not read."""
    user = getattr(world, role)
    for site, export in ((world.b, b_export),):
        for endpoint in location_endpoints(site, export):
            for method in ("get", "post"):
                response = getattr(client(user, site.host), method)(endpoint.path)
                assert names_in(response) == [], (site.location.slug, method, str(endpoint))
                if endpoint.name in PUBLIC_LOCATION_ENDPOINTS:
                    assert response.status_code in PUBLIC_STATUSES, (method, str(endpoint))
                else:
                    assert response.status_code in (403, 404), (
                        site.location.slug, method, str(endpoint), response.status_code)


@pytest.mark.parametrize("role", ["coop_admin", "adviser", "lead_adviser", "pedagogue"])
def test_cooperative_roles_read_no_child_names_on_the_main_domain(world, role):
    user = getattr(world, role)
    reached = []
    for endpoint in main_endpoints(world):
        response = client(user, "localhost").get(endpoint.path)
        assert response.status_code < 500, (str(endpoint), response.status_code)
        assert names_in(response) == [], str(endpoint)
        if response.status_code == 200:
            reached.append(endpoint.name)
    assert "home" in reached


def test_members_of_a_read_no_child_names_of_b_on_the_main_domain(world):
    for user in (world.a.entrepreneur, world.a.staff, world.a.parent):
        for endpoint in main_endpoints(world):
            response = client(user, "localhost").get(endpoint.path)
            assert response.status_code < 500, (str(endpoint), response.status_code)
            assert not {"Bram", "Finn"} & set(names_in(response)), (user.email, str(endpoint))


def test_cooperative_api_does_not_list_child_data(world):
    response = client(world.coop_admin, "localhost").get("/api/v1/locations/")
    assert response.status_code == 200
    assert names_in(response) == []
    assert response.json()["count"] >= 2


# --- schemas in SQL --------------------------------------------------------------------------------


def tables_in(schema_name: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s AND table_type = 'BASE TABLE'",
            [schema_name],
        )
        return {row[0] for row in cursor.fetchall()}


def app_tables(app_names) -> set[str]:
    tables = set()
    for app_name in app_names:
        config = next(c for c in apps.get_app_configs() if c.name == app_name)
        for model in config.get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                tables.add(model._meta.db_table)
    return tables


def location_schemas() -> list[str]:
    from cooperative.models import Location

    return list(Location.objects.exclude(status="offboarded").values_list("schema_name", flat=True))


def test_location_tables_exist_in_every_location_schema_and_not_in_public(world):
    schemas = location_schemas()
    assert {world.a.location.schema_name, world.b.location.schema_name} <= set(schemas)
    only_tenant = app_tables(set(settings.TENANT_APPS) - set(settings.SHARED_APPS))
    assert {"children_child", "children_child_guardians", "exports_export"} <= only_tenant
    for schema in [*schemas, settings.TEMPLATE_SCHEMA]:
        assert only_tenant <= tables_in(schema), schema
    assert only_tenant & tables_in("public") == set()


def test_public_tables_are_not_in_location_schemas(world):
    only_shared = app_tables(set(settings.SHARED_APPS) - set(settings.TENANT_APPS))
    assert {"accounts_user", "accounts_membership", "cooperative_location", "cooperative_domain"} <= only_shared
    assert only_shared <= tables_in("public")
    for schema in [*location_schemas(), settings.TEMPLATE_SCHEMA]:
        assert only_shared & tables_in(schema) == set(), schema


def test_child_rows_are_in_their_own_schema_only(world):
    with connection.cursor() as cursor:
        for site, other in ((world.a, world.b), (world.b, world.a)):
            cursor.execute(f'SELECT first_name FROM "{site.location.schema_name}".children_child')
            names = {row[0] for row in cursor.fetchall()}
            assert site.child_name.split()[0] in names
            assert other.child_name.split()[0] not in names
