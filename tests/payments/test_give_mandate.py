"""A parent gives a SEPA Direct Debit mandate (with the contract): through Stripe (a SetupIntent for
sepa_debit on the location's account) or kept for the location's own bank."""
import pytest

from billing.payments.models import Mandate
from tests.payments.conftest import give_own_bank_settings, in_schema

GOOD_IBAN = "NL91 ABNA 0417 1643 00"


def mandates(site):
    with in_schema(site):
        return list(Mandate.objects.all())


def test_parent_gives_a_mandate_through_stripe(world, api, recorded_stripe, stripe_ready):
    response = api(world.a.parent, world.a).post("/api/v1/payments/mandates/", {
        "account_holder": "Parent alpha", "iban": GOOD_IBAN, "consent": True})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "active"
    assert body["iban_masked"] == "NL•• … 4300"
    assert body["reference"].startswith("ALPHA-M")
    intent = recorded_stripe.calls("POST", "/v1/setup_intents")[0]
    assert intent.stripe_account == "acct_1RecAlpha00001"
    assert intent.form["payment_method_types[0]"] == "sepa_debit"
    assert intent.form["payment_method_data[sepa_debit][iban]"] == "NL91ABNA0417164300"
    assert intent.form["payment_method_data[billing_details][name]"] == "Parent alpha"
    assert intent.form["confirm"] == "true"
    assert intent.form["mandate_data[customer_acceptance][type]"] == "online"
    assert recorded_stripe.calls("POST", "/v1/customers")[0].stripe_account == "acct_1RecAlpha00001"
    [mandate] = mandates(world.a)
    assert (mandate.stripe_payment_method_id, mandate.stripe_mandate_id) == ("pm_RecSepa0001", "mandate_RecSepa0001")
    assert mandate.iban == ""  # Stripe keeps the account number


def test_new_mandate_replaces_the_old_one(world, api, recorded_stripe, stripe_ready):
    client = api(world.a.parent, world.a)
    for _ in range(2):
        assert client.post("/api/v1/payments/mandates/", {
            "account_holder": "Parent alpha", "iban": GOOD_IBAN, "consent": True}).status_code == 201
    assert sorted(m.status for m in mandates(world.a)) == ["active", "revoked"]
    assert len(recorded_stripe.calls("POST", "/v1/customers")) == 1  # the parent's customer is reused


@pytest.mark.parametrize("data, field", [
    ({"account_holder": "Parent alpha", "iban": "NL91ABNA0417164301"}, "iban"),   # wrong check digits
    ({"account_holder": "Parent alpha", "iban": "XX00123"}, "iban"),
    ({"account_holder": "Parent alpha", "iban": ""}, "iban"),
    ({"account_holder": "", "iban": GOOD_IBAN}, "account_holder"),
    ({"account_holder": "   ", "iban": GOOD_IBAN}, "account_holder"),
    ({"account_holder": "Parent alpha", "iban": GOOD_IBAN, "consent": False}, "consent"),
])
def test_bad_mandate_gets_a_field_error_and_stores_nothing(world, api, recorded_stripe, stripe_ready, data, field):
    response = api(world.a.parent, world.a).post("/api/v1/payments/mandates/", {"consent": True, **data})
    assert response.status_code == 400
    assert field in response.json()
    assert mandates(world.a) == []
    assert recorded_stripe.requests == []  # refused before Stripe is asked


def test_iban_refused_by_stripe_is_a_field_error(world, api, recorded_stripe, stripe_ready):
    recorded_stripe.respond("POST", "/v1/setup_intents", "setup_intent_iban_refused.json")
    response = api(world.a.parent, world.a).post("/api/v1/payments/mandates/", {
        "account_holder": "Parent alpha", "iban": GOOD_IBAN, "consent": True})
    assert response.status_code == 400
    assert "iban" in response.json()
    assert mandates(world.a) == []


def test_mandate_page_shows_field_errors(world, client_for, stripe_ready):
    response = client_for(world.a.parent, world.a).post("/payments/mandate/", {
        "account_holder": "", "iban": "NL00 0000", "consent": "on"})
    assert response.status_code == 400
    assert b"Enter the name of the account holder." in response.content
    assert b"not a valid IBAN" in response.content
    assert mandates(world.a) == []


def test_mandate_page_with_own_bank_keeps_iban_and_bic(world, client_for):
    give_own_bank_settings(world.a)
    response = client_for(world.a.parent, world.a).post("/payments/mandate/", {
        "account_holder": "Parent alpha", "iban": "NL91ABNA0417164300", "consent": "on"})
    assert response.status_code == 302
    [mandate] = mandates(world.a)
    assert (mandate.method, mandate.status, mandate.iban, mandate.bic) == (
        "own_bank", "active", "NL91ABNA0417164300", "ABNANL2A")


def test_mandate_from_the_contract_links_back(world, client_for):
    from tenants.contracts.models import Contract

    give_own_bank_settings(world.a)
    with in_schema(world.a):
        contract = Contract.objects.create(child_id=world.a.child_id, care_type="kdv",
                                           start_date="2026-01-01")
    client = client_for(world.a.parent, world.a)
    page = client.get(f"/payments/mandate/?contract={contract.pk}")
    assert f"/contracts/{contract.pk}/".encode() in page.content
    response = client.post(f"/payments/mandate/?contract={contract.pk}", {
        "account_holder": "Parent alpha", "iban": "NL91ABNA0417164300", "consent": "on"})
    assert response.status_code == 302 and response["Location"] == f"/contracts/{contract.pk}/"
    assert mandates(world.a)[0].contract_id == contract.pk


def test_stripe_mandate_needs_a_ready_account(world, api, recorded_stripe):
    response = api(world.a.parent, world.a).post("/api/v1/payments/mandates/", {
        "account_holder": "Parent alpha", "iban": GOOD_IBAN, "consent": True})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert mandates(world.a) == []
