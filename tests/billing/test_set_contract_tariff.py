"""The entrepreneur chooses the tariff model, paying parent and payment method of a contract on a page."""
from datetime import date

from tests.billing.conftest import at, make_contract


def test_list_shows_the_defaults(billing, client_for):
    make_contract(billing)
    page = client_for(billing.a.entrepreneur, billing.a).get("/billing/tariffs/contracts/")
    body = page.content.decode()
    assert page.status_code == 200
    assert billing.a.child_name in body and "monthly average (NL)" in body and "(default)" in body
    assert billing.a.parent.full_name in body


def test_empty_state_without_contracts(billing, client_for):
    page = client_for(billing.a.entrepreneur, billing.a).get("/billing/tariffs/contracts/")
    assert "No signed contracts yet" in page.content.decode()


def test_choose_model_and_paying_parent(billing, client_for):
    from billing.tariffs.models import ContractTariff
    from tenants.children.models import Child

    contract = make_contract(billing)
    with at(billing.a):
        Child.objects.get(pk=billing.a.child_id).guardians.add(billing.two_location_parent)
    owner = client_for(billing.a.entrepreneur, billing.a)
    form = owner.get(f"/billing/tariffs/contracts/{contract.pk}/")
    assert form.status_code == 200
    assert [value for value, _label in form.context["form"].fields["model"].choices] == [
        "nl_monthly_average", "nl_flexible", "nl_registered"]
    response = owner.post(f"/billing/tariffs/contracts/{contract.pk}/", {
        "model": "nl_registered", "paying_parent": billing.two_location_parent.pk, "payment_method": "ideal"})
    assert response.status_code == 302
    with at(billing.a):
        tariff = ContractTariff.objects.get(contract=contract)
        assert (tariff.model, tariff.paying_parent_id, tariff.payment_method) == (
            "nl_registered", billing.two_location_parent.pk, "ideal")


def test_no_tariff_year_for_the_contract_is_a_field_error(billing, client_for):
    from billing.tariffs.models import ContractTariff

    contract = make_contract(billing, start="2025-06-01")
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.post(f"/billing/tariffs/contracts/{contract.pk}/", {
        "model": "nl_monthly_average", "paying_parent": billing.a.parent.pk, "payment_method": "direct_debit"})
    assert response.status_code == 400
    assert response.context["form"].errors["model"] == ["There is no tariff year 2025; enter the rates first."]
    with at(billing.a):
        assert not ContractTariff.objects.exists()


def test_a_parent_who_is_not_a_guardian_cannot_be_chosen(billing, client_for):
    contract = make_contract(billing)
    response = client_for(billing.a.entrepreneur, billing.a).post(f"/billing/tariffs/contracts/{contract.pk}/", {
        "model": "nl_monthly_average", "paying_parent": billing.b.parent.pk, "payment_method": "direct_debit"})
    assert response.status_code == 400 and "paying_parent" in response.context["form"].errors


def test_flemish_location_offers_the_day_price(billing, flemish_a, client_for):
    contract = make_contract(billing, start=str(date(2026, 3, 2)))
    form = client_for(billing.a.entrepreneur, billing.a).get(f"/billing/tariffs/contracts/{contract.pk}/")
    assert [value for value, _label in form.context["form"].fields["model"].choices] == ["be_day_price"]
