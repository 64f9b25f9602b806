"""The entrepreneur enters the rates of a tariff year on a page: an hourly rate (and a flexible one) per
care type; a negative rate or a missing rate for a care type that contracts need is a field error and
stores nothing."""
from decimal import Decimal

from tests.billing.conftest import at, make_contract


def rates(site, year):
    from billing.tariffs.models import Rate

    with at(site):
        return {(r.care_type, r.hourly_rate, r.flexible_hourly_rate)
                for r in Rate.objects.filter(tariff_year__year=year)}


def test_overview_lists_the_years(billing, client_for):
    page = client_for(billing.a.entrepreneur, billing.a).get("/billing/tariffs/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "2026" in body and "10.25" in body and "New tariff year" in body


def test_new_year_with_a_flexible_rate(billing, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    form = owner.get("/billing/tariffs/years/new/")
    assert form.status_code == 200 and form.context["form"]["year"].initial == 2028
    response = owner.post("/billing/tariffs/years/new/", {"year": "2028", "note": "index 3 %",
                                                          "rate_kdv": "10.5600", "flex_kdv": "11.0000"})
    assert response.status_code == 302 and response["Location"] == "/billing/tariffs/"
    assert rates(billing.a, 2028) == {("kdv", Decimal("10.5600"), Decimal("11.0000"))}
    assert "The rates of 2028 are saved." in owner.get("/billing/tariffs/").content.decode()


def test_change_the_rates_of_a_year(billing, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    page = owner.get("/billing/tariffs/years/2027/")
    assert page.status_code == 200 and page.context["form"]["rate_kdv"].initial == Decimal("10.25")
    response = owner.post("/billing/tariffs/years/2027/", {"year": "1999", "rate_kdv": "10.75"})
    assert response.status_code == 302
    assert rates(billing.a, 2027) == {("kdv", Decimal("10.7500"), None)}
    assert rates(billing.a, 1999) == set()
    assert owner.get("/billing/tariffs/years/2031/").status_code == 404


def test_negative_rate_is_a_field_error(billing, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.post("/billing/tariffs/years/2027/", {"rate_kdv": "-1", "flex_kdv": "abc"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["rate_kdv"] == ["A rate cannot be negative."]
    assert errors["flex_kdv"] == ["Enter an amount in euros."]
    assert rates(billing.a, 2027) == {("kdv", Decimal("10.2500"), None)}


def test_missing_rate_for_a_running_contract_is_a_field_error(billing, client_for):
    make_contract(billing, start="2026-01-01")
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.post("/billing/tariffs/years/2026/", {"note": "zonder tarief", "rate_kdv": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["rate_kdv"] == [
        "Contracts run in this year with this care type: enter its hourly rate."]
    assert rates(billing.a, 2026) == {("kdv", Decimal("10.2500"), None)}
    only_flexible = owner.post("/billing/tariffs/years/2026/", {"flex_kdv": "9"})
    assert only_flexible.context["form"].errors["rate_kdv"] == ["Enter the hourly rate as well."]


def test_a_year_that_exists_is_changed_on_its_own_page(billing, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.post("/billing/tariffs/years/new/", {"year": "2026", "rate_kdv": "1"})
    assert response.status_code == 400
    assert "exists already" in response.context["form"].errors["year"][0]
    assert rates(billing.a, 2026) == {("kdv", Decimal("10.2500"), None)}
