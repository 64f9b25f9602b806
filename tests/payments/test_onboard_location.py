"""A location becomes a Stripe connected account through Stripe's hosted onboarding."""
from billing.membership.models import ConnectedAccount


def test_entrepreneur_is_sent_to_stripes_hosted_onboarding(world, client_for, recorded_stripe):
    response = client_for(world.a.entrepreneur, world.a).post("/payments/stripe/onboard/")
    assert response.status_code == 303
    assert response["Location"] == "https://connect.stripe.com/setup/s/acct_1RecAlpha00001/recorded0001"
    account = ConnectedAccount.objects.get(location=world.a.location)
    assert account.account_id == "acct_1RecAlpha00001" and not account.charges_enabled
    create = recorded_stripe.calls("POST", "/v1/accounts")[0]
    assert create.form["country"] == "NL"
    assert create.form["controller[stripe_dashboard][type]"] == "full"
    assert create.form["capabilities[sepa_debit_payments][requested]"] == "true"
    assert create.form["capabilities[ideal_payments][requested]"] == "true"
    assert create.headers["Idempotency-Key"] == f"location-account-{world.a.location.pk}"
    link = recorded_stripe.calls("POST", "/v1/account_links")[0]
    assert link.form["account"] == "acct_1RecAlpha00001"
    assert link.form["type"] == "account_onboarding"
    assert link.form["return_url"] == f"http://{world.a.host}/payments/stripe/return/"
    assert link.form["refresh_url"] == f"http://{world.a.host}/payments/stripe/refresh/"


def test_second_onboarding_reuses_the_account(world, client_for, recorded_stripe):
    client = client_for(world.a.entrepreneur, world.a)
    client.post("/payments/stripe/onboard/")
    assert client.get("/payments/stripe/refresh/").status_code == 303
    assert len(recorded_stripe.calls("POST", "/v1/accounts")) == 1
    assert len(recorded_stripe.calls("POST", "/v1/account_links")) == 2


def test_return_from_stripe_reads_the_account_state(world, client_for, recorded_stripe):
    ConnectedAccount.objects.create(location=world.a.location, account_id="acct_1RecAlpha00001")
    response = client_for(world.a.entrepreneur, world.a).get("/payments/stripe/return/", follow=True)
    assert response.status_code == 200
    assert ConnectedAccount.objects.get(location=world.a.location).is_ready
    assert recorded_stripe.calls("GET", "/v1/accounts/acct_1RecAlpha00001")
    assert b"ready" in response.content


def test_onboarding_api_gives_the_link(world, api, recorded_stripe):
    response = api(world.a.entrepreneur, world.a).post("/api/v1/payments/account/onboarding-link/")
    assert response.status_code == 201
    assert response.json()["url"].startswith("https://connect.stripe.com/setup/")
    status = api(world.a.entrepreneur, world.a).get("/api/v1/payments/account/").json()
    assert status == {"account_id": "acct_1RecAlpha00001", "details_submitted": False, "charges_enabled": False,
                      "payouts_enabled": False}


def test_overview_page_offers_onboarding(world, client_for):
    response = client_for(world.a.entrepreneur, world.a).get("/payments/")
    assert response.status_code == 200
    assert b"Set up payments with Stripe" in response.content
