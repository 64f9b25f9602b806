"""Provisioning a location (aanmelden): the API, the `create_location` command and the admin's page.

All three call one service. Bad input gets field errors (400 on the web) and leaves nothing behind:
no schema, no domain, no account, no membership, no location row. A good request creates the schema
(cloned from the template, with the location's tables), the domain, the entrepreneur's membership
and an invitation e-mail.

Successful provisioning runs inside the test's transaction; PostgreSQL DDL is transactional, so the
rollback at the end of each test drops the new schema too. `test_a_rolled_back_provisioning_drops_the_schema`
proves that, and the autouse fixture below checks before every test that no earlier test of this
module left a schema behind.
"""
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from accounts.models import Membership, User
from cooperative import services
from cooperative.models import Domain, Location
from tests.outbox.helpers import delivered

PREFIX = "prov-"
NEW_EMAIL = "new-owner@provision.test"
EXISTING_SCHEMAS = {"public"}  # a reserved slug may name a schema that exists for other reasons


def schema_in_database(schema_name: str) -> dict[str, bool]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM information_schema.schemata WHERE schema_name = %s", [schema_name])
        in_information_schema = cursor.fetchone() is not None
        cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [schema_name])
        in_pg_namespace = cursor.fetchone() is not None
    return {"information_schema": in_information_schema, "pg_namespace": in_pg_namespace}


def tables_in(schema_name: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s", [schema_name])
        return {row[0] for row in cursor.fetchall()}


def leftovers(slug: str, email: str = NEW_EMAIL) -> dict:
    """Everything a (failed) provisioning of `slug` for `email` might have left; empty means nothing."""
    schema = slug.strip().lower().replace("-", "_")
    found = {}
    if schema not in EXISTING_SCHEMAS:
        found = {f"schema in {where}": True for where, present in schema_in_database(schema).items() if present}
    if Location.objects.filter(slug__iexact=slug.strip()).exists():
        found["location"] = True
    if Domain.objects.filter(domain__iexact=f"{slug.strip().lower()}.localhost").exists():
        found["domain"] = True
    if User.objects.filter(email__iexact=email).exists():
        found["user"] = True
    if Membership.objects.filter(user__email__iexact=email).exists():
        found["membership"] = True
    return found


def own_schemas() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE %s", [PREFIX.replace("-", "_") + "%"])
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture(autouse=True)
def no_schema_left_by_earlier_tests(world):
    assert own_schemas() == [], "an earlier test left a provisioned schema behind"


def payload(**overrides) -> dict:
    data = {
        "name": "Kinderdagverblijf Zonnestraal",
        "slug": f"{PREFIX}zonnestraal",
        "kind": "kdv",
        "jurisdiction": "NL",
        "entrepreneur_email": NEW_EMAIL,
        "entrepreneur_name": "Anja de Vries",
        "city": "Utrecht",
        "lrk_numbers": {"kdv": "123456789"},
        "licensed_places": 16,
    }
    data.update(overrides)
    return data


# --- who may provision ---------------------------------------------------------------------------


def test_only_the_coop_admin_may_provision_through_the_api(world, client_for):
    for user in (world.adviser, world.lead_adviser, world.pedagogue, world.a.entrepreneur, world.a.parent):
        response = client_for(user).post("/api/v1/locations/", payload(), content_type="application/json")
        assert response.status_code == 403, user.email
    assert client_for(None).post("/api/v1/locations/", payload(), content_type="application/json").status_code in (
        401, 403)
    assert leftovers(payload()["slug"]) == {}


def test_provisioning_api_is_refused_on_a_location_host(world, client_for):
    response = client_for(world.coop_admin, world.a).post(
        "/api/v1/locations/", payload(), content_type="application/json"
    )
    assert response.status_code in (403, 404)
    assert leftovers(payload()["slug"]) == {}


def test_only_the_coop_admin_may_open_the_new_location_page(world, client_for):
    assert client_for(world.coop_admin).get("/locations/new/").status_code == 200
    for user in (world.adviser, world.pedagogue, world.a.entrepreneur):
        assert client_for(user).get("/locations/new/").status_code == 403, user.email
        assert client_for(user).post("/locations/new/", form_payload()).status_code == 403, user.email
    assert leftovers(payload()["slug"]) == {}


# --- bad input through the API ---------------------------------------------------------------------

BAD_SLUGS = [
    "public", "www", "api", "admin", "static",  # reserved
    "9lives", "Hello World", "a--b", "pg-test", "-lead", "trail-", "under_score", "ümlaut", "",
    "x" * 41,  # too long for a schema name with room to spare / a DNS label
]


@pytest.mark.parametrize("slug", BAD_SLUGS)
def test_api_refuses_a_slug_that_is_reserved_or_not_a_schema_name(world, client_for, slug):
    response = client_for(world.coop_admin).post(
        "/api/v1/locations/", payload(slug=slug), content_type="application/json"
    )
    assert response.status_code == 400
    assert "slug" in response.json()
    assert leftovers(slug or "-") == {}


def test_api_refuses_a_duplicate_slug(world, client_for):
    users_before = User.objects.count()
    response = client_for(world.coop_admin).post(
        "/api/v1/locations/", payload(slug=world.a.location.slug), content_type="application/json"
    )
    assert response.status_code == 400
    assert "slug" in response.json()
    assert Location.objects.filter(slug=world.a.location.slug).count() == 1
    assert Domain.objects.filter(domain=world.a.host).count() == 1
    assert User.objects.count() == users_before
    assert not User.objects.filter(email=NEW_EMAIL).exists()


def test_api_refuses_a_duplicate_slug_in_other_letter_case(world, client_for):
    response = client_for(world.coop_admin).post(
        "/api/v1/locations/", payload(slug=world.a.location.slug.upper()), content_type="application/json"
    )
    assert response.status_code == 400
    assert "slug" in response.json()
    assert Location.objects.filter(slug__iexact=world.a.location.slug).count() == 1
    assert leftovers(f"{PREFIX}none") == {}


@pytest.mark.parametrize("number", ["12345678", "1234567890", "12345678a", "abcdefghi", "1234 5678"])
def test_api_refuses_an_invalid_lrk_number(world, client_for, number):
    response = client_for(world.coop_admin).post(
        "/api/v1/locations/", payload(lrk_numbers={"kdv": number}), content_type="application/json"
    )
    assert response.status_code == 400
    assert "lrk_numbers" in response.json()
    assert leftovers(payload()["slug"]) == {}


def test_api_refuses_an_lrk_number_for_a_care_type_the_kind_does_not_have(world, client_for):
    response = client_for(world.coop_admin).post(
        "/api/v1/locations/", payload(lrk_numbers={"bso": "123456789"}), content_type="application/json"
    )
    assert response.status_code == 400
    assert "lrk_numbers" in response.json()
    assert leftovers(payload()["slug"]) == {}


@pytest.mark.parametrize("kind", ["creche", "KDV", "", "peuterspeelzaal"])
def test_api_refuses_an_unknown_kind(world, client_for, kind):
    response = client_for(world.coop_admin).post(
        "/api/v1/locations/", payload(kind=kind), content_type="application/json"
    )
    assert response.status_code == 400
    assert "kind" in response.json()
    assert leftovers(payload()["slug"]) == {}


@pytest.mark.parametrize("jurisdiction", ["DE", "BE", "BE-WAL", "nl", ""])
def test_api_refuses_an_unknown_jurisdiction(world, client_for, jurisdiction):
    response = client_for(world.coop_admin).post(
        "/api/v1/locations/", payload(jurisdiction=jurisdiction), content_type="application/json"
    )
    assert response.status_code == 400
    assert "jurisdiction" in response.json()
    assert leftovers(payload()["slug"]) == {}


def test_api_reports_slug_and_lrk_errors_together(world, client_for):
    response = client_for(world.coop_admin).post(
        "/api/v1/locations/", payload(slug="public", lrk_numbers={"kdv": "123"}), content_type="application/json"
    )
    assert response.status_code == 400
    assert {"slug", "lrk_numbers"} <= set(response.json())
    assert leftovers("public") == {}


# --- bad input through the command and the page --------------------------------------------------


def command_args(slug=f"{PREFIX}zonnestraal", kind="kdv", jurisdiction="NL", lrk="kdv=123456789"):
    args = [slug, "--name", "Zonnestraal", "--kind", kind, "--jurisdiction", jurisdiction,
            "--entrepreneur-email", NEW_EMAIL, "--entrepreneur-name", "Anja de Vries"]
    if lrk:
        args += ["--lrk", lrk]
    return args


@pytest.mark.parametrize(
    "args, field",
    [
        (command_args(slug="alpha"), "slug"),
        (command_args(slug="www"), "slug"),
        (command_args(slug="9lives"), "slug"),
        (command_args(slug="pg-test"), "slug"),
        (command_args(lrk="kdv=12345678"), "lrk_numbers"),
        (command_args(kind="creche"), "kind"),
        (command_args(jurisdiction="DE"), "jurisdiction"),
    ],
)
def test_create_location_command_refuses_bad_input(world, args, field):
    with pytest.raises(CommandError) as excinfo:
        call_command("create_location", *args)
    assert f"{field}:" in str(excinfo.value)
    assert leftovers(args[0] if args[0] != "alpha" else f"{PREFIX}none") == {}
    assert Location.objects.filter(slug="alpha").count() == 1


def form_payload(**overrides) -> dict:
    data = {
        "name": "Zonnestraal", "slug": f"{PREFIX}zonnestraal", "kind": "kdv", "jurisdiction": "NL",
        "lrk_number": "123456789", "licensed_places": "16", "play_space_m2": "60",
        "entrepreneur_name": "Anja de Vries", "entrepreneur_email": NEW_EMAIL,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"slug": "alpha"}, "slug"),
        ({"slug": "static"}, "slug"),
        ({"slug": "Hello World"}, "slug"),
        ({"slug": "a--b"}, "slug"),
        ({"lrk_number": "12345678"}, "lrk_number"),
        ({"lrk_number": "12345678x"}, "lrk_number"),
        ({"kind": "creche"}, "kind"),
        ({"jurisdiction": "DE"}, "jurisdiction"),
    ],
)
def test_new_location_page_refuses_bad_input_with_field_errors(world, client_for, overrides, field):
    response = client_for(world.coop_admin).post("/locations/new/", form_payload(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    slug = form_payload(**overrides)["slug"]
    assert leftovers(slug if slug != "alpha" else f"{PREFIX}none") == {}
    assert Location.objects.filter(slug="alpha").count() == 1


# --- a failure half-way leaves nothing -------------------------------------------------------------


def test_a_failure_after_the_schema_was_created_leaves_nothing_behind(world):
    data = services.NewLocation(**{k: v for k, v in payload().items()})
    with mock.patch.object(Membership.objects, "create", side_effect=RuntimeError("mail server on fire")):
        with pytest.raises(RuntimeError):
            services.provision_location(data)
    assert leftovers(data.slug) == {}


def test_a_rolled_back_provisioning_drops_the_schema(world):
    """PostgreSQL DDL is transactional: the schema made inside a rolled-back transaction is gone."""
    slug = f"{PREFIX}rollback"
    with pytest.raises(RuntimeError), transaction.atomic():
        location = services.provision_location(services.NewLocation(**payload(slug=slug)), send_invitation=False)
        assert schema_in_database(location.schema_name) == {"information_schema": True, "pg_namespace": True}
        assert "children_child" in tables_in(location.schema_name)
        raise RuntimeError("roll back")
    assert leftovers(slug) == {}


def test_service_refuses_bad_input_without_touching_the_database(world):
    with pytest.raises(ValidationError) as excinfo:
        services.provision_location(services.NewLocation(**payload(slug="admin", kind="creche", jurisdiction="DE")))
    assert {"slug", "kind", "jurisdiction"} <= set(excinfo.value.message_dict)
    assert leftovers("admin") == {}


# --- success ---------------------------------------------------------------------------------------


def assert_provisioned(slug: str, email: str) -> Location:
    location = Location.objects.get(slug=slug)
    assert location.schema_name == slug.replace("-", "_")
    assert schema_in_database(location.schema_name) == {"information_schema": True, "pg_namespace": True}
    assert {"children_child", "exports_export"} <= tables_in(location.schema_name)
    assert Domain.objects.filter(domain=f"{slug}.localhost", tenant=location, is_primary=True).exists()
    user = User.objects.get(email__iexact=email)
    assert Membership.objects.filter(user=user, location=location, role="entrepreneur", is_active=True).exists()
    return location


def test_api_provisions_a_location_with_schema_domain_entrepreneur_and_invitation(
    world, client_for
):
    mail.outbox.clear()
    with delivered():
        response = client_for(world.coop_admin).post(
            "/api/v1/locations/", payload(), content_type="application/json"
        )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == payload()["slug"]
    assert body["status"] == "active"
    assert body["time_zone"] == "Europe/Amsterdam"
    location = assert_provisioned(payload()["slug"], NEW_EMAIL)
    user = User.objects.get(email=NEW_EMAIL)
    assert user.full_name == "Anja de Vries"
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [NEW_EMAIL]
    assert f"{location.host}" in message.body
    assert "/account/invitation/" in message.body


def test_new_location_schema_starts_empty(world, client_for):
    response = client_for(world.coop_admin).post("/api/v1/locations/", payload(), content_type="application/json")
    assert response.status_code == 201
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT count(*) FROM "{payload()["slug"].replace("-", "_")}".children_child')
        assert cursor.fetchone()[0] == 0


def test_no_invitation_is_sent_when_the_transaction_does_not_commit(world, client_for):
    mail.outbox.clear()
    response = client_for(world.coop_admin).post("/api/v1/locations/", payload(), content_type="application/json")
    assert response.status_code == 201
    assert mail.outbox == []  # on_commit: the test transaction never commits


def test_provisioning_links_an_existing_account_instead_of_duplicating_it(
    world, client_for
):
    existing = world.b.parent
    users_before = User.objects.count()
    mail.outbox.clear()
    with delivered():
        response = client_for(world.coop_admin).post(
            "/api/v1/locations/",
            payload(entrepreneur_email=existing.email.upper(), entrepreneur_name="Another Name"),
            content_type="application/json",
        )
    assert response.status_code == 201, response.content
    assert User.objects.count() == users_before
    assert User.objects.filter(email__iexact=existing.email).count() == 1
    location = assert_provisioned(payload()["slug"], existing.email)
    existing.refresh_from_db()
    assert existing.full_name == "Parent beta"  # the account is linked, not overwritten
    assert existing.has_usable_password()
    assert set(existing.memberships.values_list("location__slug", "role")) >= {
        ("beta", "parent"), (location.slug, "entrepreneur"),
    }
    assert [m.to for m in mail.outbox] == [[existing.email]]


def test_create_location_command_provisions_a_location(world):
    mail.outbox.clear()
    with delivered():
        call_command("create_location", *command_args(slug=f"{PREFIX}cli"))
    location = assert_provisioned(f"{PREFIX}cli", NEW_EMAIL)
    assert location.lrk_numbers == {"kdv": "123456789"}
    assert [m.to for m in mail.outbox] == [[NEW_EMAIL]]


def test_new_location_page_provisions_a_location(world, client_for):
    mail.outbox.clear()
    with delivered():
        response = client_for(world.coop_admin).post("/locations/new/", form_payload(slug=f"{PREFIX}page"))
    assert response.status_code == 302
    assert response["Location"] == "/locations/"
    location = assert_provisioned(f"{PREFIX}page", NEW_EMAIL)
    assert location.lrk_numbers == {"kdv": "123456789"}
    assert [m.to for m in mail.outbox] == [[NEW_EMAIL]]


def test_the_new_location_answers_on_its_own_host(world, client_for):
    response = client_for(world.coop_admin).post("/api/v1/locations/", payload(), content_type="application/json")
    assert response.status_code == 201
    location = Location.objects.get(slug=payload()["slug"])
    entrepreneur = User.objects.get(email=NEW_EMAIL)
    from django.test import Client

    client = Client(HTTP_HOST=location.host)
    client.force_login(entrepreneur)
    assert client.get("/").status_code == 200
    assert client.get("/api/v1/children/").json()["count"] == 0


def test_provisioning_works_whatever_schema_the_connection_was_left_in(world):
    connection.set_tenant(world.a.location)  # as a request to alpha's host leaves it
    location = services.provision_location(services.NewLocation(**payload()), send_invitation=False)
    assert_provisioned(location.slug, NEW_EMAIL)
    assert "children_child" not in tables_in("public")
