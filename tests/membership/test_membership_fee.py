"""The cooperative bills each location monthly through Stripe Billing (price by kind of location); the
cooperative admin sees who is paid and who is late, and never a parent's invoice."""
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from billing.membership import rules
from billing.membership.models import MembershipInvoice, MembershipPrice, MembershipSubscription
from tests.payments.conftest import make_invoice
from tests.payments.stripe_fake import deliver, stripe_event


@pytest.fixture
def subscribed(world, client_for, recorded_stripe):
    recorded_stripe.respond("POST", "/v1/customers", "membership_customer_create.json")
    response = client_for(world.coop_admin).post(f"/membership/{world.a.location.slug}/subscribe/")
    assert response.status_code == 302
    return MembershipSubscription.objects.get(location=world.a.location)


def test_subscription_uses_the_price_of_the_kind(world, subscribed, recorded_stripe):
    assert (subscribed.stripe_subscription_id, subscribed.status) == ("sub_RecMembership01", "active")
    assert str(subscribed.monthly_amount) == "45.00"  # a KDV
    price = recorded_stripe.calls("POST", "/v1/prices")[0]
    assert (price.form["unit_amount"], price.form["currency"], price.form["recurring[interval]"]) == (
        "4500", "eur", "month")
    subscription = recorded_stripe.calls("POST", "/v1/subscriptions")[0]
    assert subscription.form["items[0][price]"] == "price_RecMembership01"
    assert subscription.form["collection_method"] == "send_invoice"
    assert subscription.form["days_until_due"] == "14"
    assert subscription.stripe_account is None  # the cooperative's own account, not the location's
    assert MembershipPrice.objects.get(kind="kdv").stripe_price_id == "price_RecMembership01"


def test_a_location_is_subscribed_once(world, subscribed, api):
    response = api(world.coop_admin, None).post(f"/api/v1/membership-fees/{world.a.location.slug}/subscribe/")
    assert response.status_code == 400 and "location" in response.json()


@pytest.mark.parametrize("kind, fee", sorted(rules.DEFAULT_MONTHLY_FEE.items()))
def test_price_table(kind, fee):
    assert rules.monthly_fee(kind) == fee


@pytest.mark.parametrize("status, dues, expected", [
    (None, [], rules.NOT_SUBSCRIBED),
    ("active", [], rules.PAID),
    ("active", [1], rules.OPEN),
    ("active", [-1], rules.LATE),
    ("past_due", [], rules.LATE),
    ("unpaid", [1], rules.LATE),
])
def test_standing_table(status, dues, expected):
    today = timezone.localdate()
    assert rules.standing(status, [today + timedelta(days=d) for d in dues], today) == expected


def invoice_event(status, event_id, due_in_days, paid=False):
    now = int(timezone.now().timestamp())
    return stripe_event(f"invoice.{ {'open': 'finalized', 'paid': 'paid'}[status] }", {
        "id": "in_RecMembership01", "object": "invoice", "customer": "cus_RecLocation01",
        "subscription": "sub_RecMembership01", "number": "COOP-0001", "status": status,
        "amount_due": 4500, "amount_paid": 4500 if paid else 0, "due_date": now + due_in_days * 86400,
        "period_start": now - 30 * 86400, "period_end": now,
        "status_transitions": {"paid_at": now if paid else None}}, event_id=event_id)


def test_admin_sees_who_is_late_and_who_paid(world, subscribed, client_for, api):
    deliver(client_for(), invoice_event("open", "evt_inv_open", due_in_days=-3))
    rows = {r["location"]: r for r in api(world.coop_admin, None).get("/api/v1/membership-fees/").json()}
    assert rows["alpha"]["standing"] == "late" and rows["alpha"]["open_amount"] == "45.00"
    assert rows["beta"]["standing"] == "not_subscribed"
    page = client_for(world.coop_admin).get("/membership/?standing=late")
    assert page.status_code == 200 and b"Test alpha" in page.content and b"Test beta" not in page.content
    deliver(client_for(), invoice_event("paid", "evt_inv_paid", due_in_days=-3, paid=True))
    rows = {r["location"]: r for r in api(world.coop_admin, None).get("/api/v1/membership-fees/").json()}
    assert rows["alpha"]["standing"] == "paid" and rows["alpha"]["last_paid_at"]
    assert MembershipInvoice.objects.get().status == "paid"


def test_subscription_past_due_is_late(world, subscribed, client_for, api):
    deliver(client_for(), stripe_event("customer.subscription.updated", {
        "id": "sub_RecMembership01", "object": "subscription", "customer": "cus_RecLocation01",
        "status": "past_due"}, event_id="evt_sub_past_due"))
    rows = {r["location"]: r for r in api(world.coop_admin, None).get("/api/v1/membership-fees/").json()}
    assert rows["alpha"]["standing"] == "late"


def test_admin_never_sees_a_parents_invoice(world, subscribed, client_for, api):
    invoice = make_invoice(world.a, total="777.77")
    for response in (client_for(world.coop_admin).get("/membership/"),
                     api(world.coop_admin, None).get("/api/v1/membership-fees/")):
        body = response.content.decode()
        assert "777.77" not in body and world.a.parent.full_name not in body
    for path in (f"/payments/invoices/{invoice.pk}/ideal/return/", "/payments/", "/api/v1/payments/mandates/"):
        assert client_for(world.coop_admin, world.a).get(path).status_code in (403, 404)


def test_bad_price_is_a_field_error(world, api, recorded_stripe):
    for amount in ("-5", "0", "12.345", "abc"):
        response = api(world.coop_admin, None).post("/api/v1/membership-fees/prices/",
                                                    {"kind": "kdv", "monthly_amount": amount})
        assert response.status_code == 400 and "monthly_amount" in response.json(), amount
    assert not MembershipPrice.objects.exists()
    assert recorded_stripe.requests == []


def test_new_price_makes_a_stripe_price(world, api, recorded_stripe):
    response = api(world.coop_admin, None).post("/api/v1/membership-fees/prices/",
                                                {"kind": "bso", "monthly_amount": "39.50"})
    assert response.status_code == 201
    assert recorded_stripe.calls("POST", "/v1/prices")[0].form["unit_amount"] == "3950"
    assert str(MembershipPrice.objects.get(kind="bso").monthly_amount) == "39.50"


@pytest.mark.parametrize("role", ["adviser", "pedagogue", "two_location_parent"])
def test_other_roles_get_403(world, client_for, api, role):
    user = getattr(world, role)
    assert client_for(user).get("/membership/").status_code == 403
    assert api(user, None).get("/api/v1/membership-fees/").status_code == 403
    assert api(user, None).post(f"/api/v1/membership-fees/{world.a.location.slug}/subscribe/").status_code == 403
    assert client_for(user).post("/membership/prices/", {"kind": "kdv", "monthly_amount": "1"}).status_code == 403


@pytest.mark.parametrize("site", ["a", "b"])
def test_location_users_get_403(world, client_for, api, site):
    entrepreneur = getattr(world, site).entrepreneur
    assert client_for(entrepreneur).get("/membership/").status_code == 403
    assert api(entrepreneur, None).get("/api/v1/membership-fees/").status_code == 403
    assert json.dumps(api(entrepreneur, None).get("/api/v1/membership-fees/").json()).find("standing") == -1
