"""Every payments endpoint: another location's user and a user of the wrong role get 403/404."""
import pytest

from tests.payments.conftest import make_invoice

ENTREPRENEUR_ENDPOINTS = [
    ("get", "/payments/"), ("post", "/payments/stripe/onboard/"), ("get", "/payments/stripe/return/"),
    ("get", "/payments/stripe/refresh/"), ("post", "/payments/settings/"), ("post", "/payments/sepa-files/"),
    ("get", "/payments/sepa-files/1/"), ("get", "/api/v1/payments/account/"),
    ("post", "/api/v1/payments/account/onboarding-link/"), ("get", "/api/v1/payments/collection-settings/"),
    ("put", "/api/v1/payments/collection-settings/"), ("get", "/api/v1/payments/sepa-files/"),
    ("post", "/api/v1/payments/sepa-files/"), ("get", "/api/v1/payments/sepa-files/1/"),
]
PARENT_ENDPOINTS = [
    ("get", "/payments/mandate/"), ("post", "/payments/mandate/"), ("post", "/payments/invoices/{pk}/ideal/"),
    ("get", "/payments/invoices/{pk}/ideal/return/"), ("post", "/api/v1/payments/mandates/"),
    ("post", "/api/v1/payments/invoices/{pk}/ideal/"),
]


def call(client, method, path):
    return getattr(client, method)(path, "{}", content_type="application/json") if method != "get" else client.get(
        path)


@pytest.mark.parametrize("role", ["entrepreneur", "staff", "parent"])
def test_users_of_location_a_get_403_or_404_at_b(world, client_for, recorded_stripe, role):
    invoice = make_invoice(world.b)
    client = client_for(getattr(world.a, role), world.b)
    for method, path in ENTREPRENEUR_ENDPOINTS + PARENT_ENDPOINTS + [("get", "/api/v1/payments/mandates/")]:
        assert call(client, method, path.format(pk=invoice.pk)).status_code in (403, 404), (role, method, path)
    assert recorded_stripe.requests == []


@pytest.mark.parametrize("role", ["staff", "parent"])
def test_entrepreneur_endpoints_refuse_staff_and_parents(world, client_for, recorded_stripe, role):
    client = client_for(getattr(world.a, role), world.a)
    for method, path in ENTREPRENEUR_ENDPOINTS:
        assert call(client, method, path).status_code == 403, (role, method, path)
    assert recorded_stripe.requests == []


@pytest.mark.parametrize("role", ["entrepreneur", "staff"])
def test_parent_endpoints_refuse_entrepreneur_and_staff(world, client_for, recorded_stripe, role):
    invoice = make_invoice(world.a)
    client = client_for(getattr(world.a, role), world.a)
    for method, path in PARENT_ENDPOINTS:
        assert call(client, method, path.format(pk=invoice.pk)).status_code == 403, (role, method, path)
    assert recorded_stripe.requests == []


def test_staff_cannot_list_mandates(world, client_for):
    assert client_for(world.a.staff, world.a).get("/api/v1/payments/mandates/").status_code == 403


@pytest.mark.parametrize("role", ["coop_admin", "adviser", "pedagogue"])
def test_cooperative_roles_get_403_at_a_location(world, client_for, role):
    invoice = make_invoice(world.a)
    client = client_for(getattr(world, role), world.a)
    for method, path in ENTREPRENEUR_ENDPOINTS + PARENT_ENDPOINTS:
        assert call(client, method, path.format(pk=invoice.pk)).status_code in (403, 404), (role, method, path)


def test_parent_sees_only_her_own_mandate(world, client_for, api):
    from tests.payments.conftest import give_own_bank_settings

    give_own_bank_settings(world.a)
    for user, name in ((world.a.parent, "Parent alpha"), (world.two_location_parent, "Parent of Two")):
        assert api(user, world.a).post("/api/v1/payments/mandates/", {
            "account_holder": name, "iban": "NL91ABNA0417164300", "consent": True}).status_code == 201
    own = api(world.a.parent, world.a).get("/api/v1/payments/mandates/").json()
    assert [m["account_holder"] for m in own] == ["Parent alpha"]
    everyone = api(world.a.entrepreneur, world.a).get("/api/v1/payments/mandates/").json()
    assert sorted(m["account_holder"] for m in everyone) == ["Parent alpha", "Parent of Two"]
    assert api(world.b.entrepreneur, world.b).get("/api/v1/payments/mandates/").json() == []
