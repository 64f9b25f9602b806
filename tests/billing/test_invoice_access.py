"""Who sees which invoice: a parent only her own, the entrepreneur only her location's, staff none, the
cooperative admin never a parent's invoice; another location's user gets 403/404 on every endpoint."""
from datetime import date

import pytest

from tests.billing.conftest import at, location_of, make_contract


@pytest.fixture
def invoice(billing):
    from billing.invoices import services, statements
    from billing.invoices.models import AnnualStatement, Invoice

    make_contract(billing)
    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
        invoice = Invoice.objects.get()
        services.create_credit_note(invoice, amount="1.00", reason="test")
        statements.make_statements(2026, today=date(2027, 1, 1))
        billing.statement = AnnualStatement.objects.get().pk
        billing.credit = invoice.credit_notes.get().pk
    return invoice


def endpoints(invoice, world):
    return [
        ("get", "/api/v1/billing/invoices/", None),
        ("get", f"/api/v1/billing/invoices/{invoice.pk}/", None),
        ("get", f"/api/v1/billing/invoices/{invoice.pk}/pdf/", None),
        ("post", f"/api/v1/billing/invoices/{invoice.pk}/credit/", {"amount": "1", "reason": "x"}),
        ("post", f"/api/v1/billing/invoices/{invoice.pk}/payment-plan/", {"until": "2026-12-31"}),
        ("get", "/api/v1/billing/invoices/export/", None),
        ("post", "/api/v1/billing/invoices/run/", {"year": 2026, "month": 2}),
        ("get", "/api/v1/billing/credit-notes/", None),
        ("get", f"/api/v1/billing/credit-notes/{world.credit}/pdf/", None),
        ("get", "/api/v1/billing/statements/", None),
        ("get", f"/api/v1/billing/statements/{world.statement}/pdf/", None),
        ("get", "/api/v1/billing/dunning-settings/", None),
        ("get", "/api/v1/billing/tariff-years/", None),
        ("post", "/api/v1/billing/tariff-years/", {"year": 2026, "rates": []}),
        ("post", "/api/v1/billing/contract-tariffs/", {}),
        ("get", "/api/v1/billing/income-certificates/", None),
        ("get", "/api/v1/billing/extras/", None),
        ("get", "/api/v1/billing/registered-hours/", None),
        ("get", "/api/v1/billing/tariff-settings/", None),
        ("get", "/billing/invoices/", None),
        ("get", f"/billing/invoices/{invoice.pk}/", None),
        ("get", f"/billing/invoices/{invoice.pk}/pdf/", None),
        ("get", "/billing/invoices/export.csv", None),
        ("get", f"/billing/statements/{world.statement}/", None),
    ]


def call(client, method, path, data):
    return client.get(path) if method == "get" else client.post(path, data)


def test_parent_sees_only_her_own(billing, invoice, api):
    parent = api(billing.a.parent, billing.a)
    listing = parent.get("/api/v1/billing/invoices/").json()
    assert [row["id"] for row in listing["results"] if "results" in listing] or [row["id"] for row in listing] \
        == [invoice.pk]
    assert parent.get(f"/api/v1/billing/invoices/{invoice.pk}/pdf/").status_code == 200
    assert parent.post(f"/api/v1/billing/invoices/{invoice.pk}/credit/", {"reason": "x"}).status_code == 403
    assert parent.get("/api/v1/billing/invoices/export/").status_code == 403
    other = api(billing.two_location_parent, billing.a)  # a parent at the same location, not the payer
    assert other.get(f"/api/v1/billing/invoices/{invoice.pk}/").status_code == 404
    assert other.get(f"/api/v1/billing/invoices/{invoice.pk}/pdf/").status_code == 404
    assert other.get(f"/billing/invoices/{invoice.pk}/").status_code == 404
    body = other.get("/api/v1/billing/invoices/").json()
    assert (body.get("results") if isinstance(body, dict) else body) == []


def test_entrepreneur_sees_her_locations(billing, invoice, api):
    owner = api(billing.a.entrepreneur, billing.a)
    assert owner.get(f"/api/v1/billing/invoices/{invoice.pk}/").json()["total"] == str(invoice.total)
    export = owner.get("/api/v1/billing/invoices/export/")
    assert export.status_code == 200 and invoice.display_number in export.content.decode()
    page = owner.get("/billing/invoices/")
    assert page.status_code == 200 and invoice.display_number in page.content.decode()


@pytest.mark.parametrize("who", ["other_entrepreneur", "other_parent", "other_staff", "staff", "coop_admin",
                                 "adviser"])
def test_refused_on_every_endpoint(billing, invoice, client_for, who):
    world = billing
    users = {"other_entrepreneur": world.b.entrepreneur, "other_parent": world.b.parent,
             "other_staff": world.b.staff, "staff": world.a.staff, "coop_admin": world.coop_admin,
             "adviser": world.adviser}
    client = client_for(users[who], world.a)
    for method, path, data in endpoints(invoice, world):
        response = call(client, method, path, data)
        assert response.status_code in (403, 404), (who, method, path, response.status_code)


def test_main_domain_has_no_parent_invoices(billing, invoice, client_for):
    for user in (billing.coop_admin, billing.a.parent, billing.a.entrepreneur):
        client = client_for(user)
        for path in ("/api/v1/billing/invoices/", f"/api/v1/billing/invoices/{invoice.pk}/",
                     f"/billing/invoices/{invoice.pk}/pdf/"):
            assert client.get(path).status_code in (403, 404), (user, path)


def test_bad_tariff_input_is_a_400_with_field_errors_and_stores_nothing(billing, api):
    from billing.tariffs.models import Rate

    owner = api(billing.a.entrepreneur, billing.a)
    make_contract(billing, start="2026-01-01")
    with at(billing.a):
        before = Rate.objects.count()
    negative = owner.post("/api/v1/billing/tariff-years/", {"year": 2026, "rates": [
        {"care_type": "kdv", "hourly_rate": "-1.00"}]})
    assert negative.status_code == 400 and "hourly_rate" in str(negative.json())
    missing = owner.post("/api/v1/billing/tariff-years/", {"year": 2026, "rates": [
        {"care_type": "bso", "hourly_rate": "9.00"}]})
    assert missing.status_code == 400 and "rates" in missing.json()
    with at(billing.a):
        assert Rate.objects.count() == before
    bad_settings = owner.patch("/api/v1/billing/tariff-settings/", {"justified_absence_days": 10})
    assert bad_settings.status_code == 400 and "justified_absence_days" in bad_settings.json()
