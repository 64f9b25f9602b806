"""The entrepreneur agrees an extra on a contract (meals, travel costs, a one-off cost) and removes one."""
from datetime import date
from decimal import Decimal

from tests.billing.conftest import at, location_of, make_contract


def extras(site):
    from billing.tariffs.models import Extra

    with at(site):
        return list(Extra.objects.values_list("pk", "description", "unit_price"))


def test_add_an_extra_that_the_monthly_invoice_shows(billing, client_for):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    contract = make_contract(billing)
    owner = client_for(billing.a.entrepreneur, billing.a)
    assert "No extras agreed yet." in owner.get("/billing/tariffs/extras/").content.decode()
    response = owner.post("/billing/tariffs/extras/", {
        "contract": contract.pk, "kind": "meal", "description": "Warme maaltijd", "quantity": "8",
        "unit_price": "3.50", "frequency": "monthly", "on_date": "2026-01-01"})
    assert response.status_code == 302
    page = owner.get("/billing/tariffs/extras/").content.decode()
    assert "Warme maaltijd" in page and "every month" in page and "is saved" in page
    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 2, today=date(2026, 2, 1))
        line = Invoice.objects.get().lines.get(kind="extra")
        assert (line.description, line.amount) == ("Warme maaltijd", Decimal("28.00"))


def test_bad_input_is_a_field_error(billing, client_for):
    contract = make_contract(billing)
    owner = client_for(billing.a.entrepreneur, billing.a)
    base = {"contract": contract.pk, "kind": "travel", "description": "Taxi", "quantity": "1", "unit_price": "12",
            "frequency": "once", "on_date": "2026-02-03"}
    for change, field, message in [
        ({"unit_price": "-12"}, "unit_price", "The amount cannot be negative."),
        ({"quantity": "0"}, "quantity", "The quantity must be more than zero."),
        ({"description": " "}, "description", None),
        ({"frequency": "monthly", "until": "2026-01-01"}, "until", "The end date cannot be before the start date."),
        ({"kind": "gift"}, "kind", None),
    ]:
        response = owner.post("/billing/tariffs/extras/", {**base, **change})
        assert response.status_code == 400, change
        assert message is None or response.context["form"].errors[field] == [message], change
        assert field in response.context["form"].errors
    assert extras(billing.a) == []


def test_remove_an_extra(billing, client_for):
    contract = make_contract(billing)
    owner = client_for(billing.a.entrepreneur, billing.a)
    owner.post("/billing/tariffs/extras/", {"contract": contract.pk, "kind": "one_off", "description": "Slab",
                                            "quantity": "1", "unit_price": "9.95", "frequency": "once",
                                            "on_date": "2026-02-03"})
    [(pk, _d, _p)] = extras(billing.a)
    assert "Remove this extra?" in owner.get("/billing/tariffs/extras/").content.decode()
    assert owner.post(f"/billing/tariffs/extras/{pk}/delete/").status_code == 302
    assert extras(billing.a) == []
