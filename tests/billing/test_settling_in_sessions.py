"""BE-VLG: the entrepreneur plans settling-in sessions (billed as half days) and removes one after asking."""
from tests.billing.conftest import at


def sessions(site):
    from billing.tariffs.models import SettlingInSession

    with at(site):
        return list(SettlingInSession.objects.values_list("pk", "date"))


def test_add_and_remove(billing, flemish_a, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    assert "No settling-in sessions yet." in owner.get("/billing/tariffs/settling-in/").content.decode()
    assert owner.post("/billing/tariffs/settling-in/", {"child": billing.a.child_id,
                                                        "date": "2026-03-02"}).status_code == 302
    page = owner.get("/billing/tariffs/settling-in/").content.decode()
    assert billing.a.child_name in page and "Remove this settling-in session?" in page
    duplicate = owner.post("/billing/tariffs/settling-in/", {"child": billing.a.child_id, "date": "2026-03-02"})
    assert duplicate.status_code == 400
    assert duplicate.context["form"].errors["date"] == ["This child has a settling-in session on this day already."]
    missing = owner.post("/billing/tariffs/settling-in/", {"child": billing.a.child_id, "date": ""})
    assert missing.status_code == 400 and "date" in missing.context["form"].errors
    [(pk, _day)] = sessions(billing.a)
    assert owner.get(f"/billing/tariffs/settling-in/{pk}/delete/").status_code == 405
    assert owner.post(f"/billing/tariffs/settling-in/{pk}/delete/").status_code == 302
    assert sessions(billing.a) == []
    assert owner.post(f"/billing/tariffs/settling-in/{pk}/delete/").status_code == 404


def test_a_session_is_billed_as_a_half_day(billing, flemish_a, client_for):
    from datetime import date
    from decimal import Decimal

    from billing.invoices import services
    from billing.invoices.models import Invoice
    from billing.tariffs import services as tariffs
    from tenants.children.models import Child
    from tests.billing.conftest import location_of, make_contract

    make_contract(billing, start="2026-03-02")
    owner = client_for(billing.a.entrepreneur, billing.a)
    owner.post("/billing/tariffs/settling-in/", {"child": billing.a.child_id, "date": "2026-03-03"})
    with at(billing.a):
        tariffs.add_income_certificate(child=Child.objects.get(pk=billing.a.child_id), day_price="25.00",
                                       valid_from=date(2026, 1, 1), valid_until=date(2026, 12, 31))
        services.run_due(location_of(billing.a), date(2026, 4, 2))
        line = Invoice.objects.get().lines.get(description__startswith="Settling-in session")
        assert (line.quantity, line.amount) == (1, Decimal("15.00"))
