"""The entrepreneur runs a month's invoicing from a page: what the run made and would make, what stops a
contract (named, with a link to fix it), and a button that runs the beat job's service — again and again
without a second invoice. Nobody else reaches the page."""
from datetime import date, timedelta

import pytest

from billing.tariffs import rules
from tests.billing.conftest import at, make_contract
from tests.tenants.conftest import make_child

PAGE = "/billing/invoices/run/"


def registered_hours_contract(world, *, approved: bool, day=date(2026, 10, 5)):
    """A second child (Otto) billed by registered hours, with one registered day."""
    from billing.tariffs import services

    otto = make_child(world.a, first_name="Otto", guardians=[world.a.parent])
    contract = make_contract(world, child_id=otto.pk)
    with at(world.a):
        services.set_contract_tariff(contract, model=rules.NL_REGISTERED, paying_parent=world.a.parent)
        row = services.register_hours(contract, day=day, hours="8", user=world.a.entrepreneur)
        if approved:
            services.approve_hours([row], user=world.a.parent)
    return contract, row


def invoices(site, month=date(2026, 10, 1)):
    from billing.invoices.models import Invoice

    with at(site):
        return list(Invoice.objects.filter(period_start=month).values_list("contract_id", flat=True))


def test_the_page_shows_the_month_and_runs_it_once(billing, client_for):
    from billing.tariffs import services

    saartje = make_contract(billing)
    otto, hours = registered_hours_contract(billing, approved=False)
    owner = client_for(billing.a.entrepreneur, billing.a)

    page = owner.get(PAGE, {"month": "2026-10"})
    assert page.status_code == 200
    pending = {row.contract.pk: row for row in page.context["pending"]}
    assert page.context["invoices"] == [] and set(pending) == {saartje.pk, otto.pk}
    assert pending[saartje.pk].due and pending[saartje.pk].total > 0 and not pending[saartje.pk].problems
    [problem] = pending[otto.pk].problems
    assert problem.message == "1 day of registered hours is not approved yet."
    assert problem.url == "/billing/tariffs/hours/"
    body = page.content.decode()
    assert "ready to invoice" in body and "Invoice October 2026 now (1 invoice)" in body

    response = owner.post(PAGE, {"month": "2026-10"}, follow=True)
    assert response.redirect_chain == [(f"{PAGE}?month=2026-10", 302)]
    assert ("Monthly run done: 1 invoice made and sent; 0 existed already; 1 waits for approved hours."
            in response.content.decode())
    assert invoices(billing.a) == [saartje.pk]
    assert [row.contract.pk for row in response.context["pending"]] == [otto.pk]
    assert [invoice.contract_id for invoice in response.context["invoices"]] == [saartje.pk]

    again = owner.post(PAGE, {"month": "2026-10"}, follow=True)
    assert "0 invoices made and sent; 1 existed already" in again.content.decode()
    assert invoices(billing.a) == [saartje.pk]

    with at(billing.a):
        services.approve_hours([hours], user=billing.a.parent)
    done = owner.post(PAGE, {"month": "2026-10"}, follow=True)
    assert "1 invoice made and sent; 1 existed already." in done.content.decode()
    assert sorted(invoices(billing.a)) == sorted([saartje.pk, otto.pk])
    assert done.context["pending"] == []
    assert "Every running contract has its invoice for this month." in done.content.decode()


def test_a_month_is_not_invoiced_before_it_is_due(billing, client_for):
    """Registered hours wait until the month is over; nothing at all is invoiced for a month to come."""
    from tenants.calendar.selectors import location_today

    make_contract(billing)
    today = location_today(billing.a.location)
    this_month = today.replace(day=1)
    otto, _row = registered_hours_contract(billing, approved=True, day=today)
    owner = client_for(billing.a.entrepreneur, billing.a)
    pending = {row.contract.pk: row for row in owner.get(PAGE).context["pending"]}
    assert owner.get(PAGE).context["month"] == this_month
    assert not pending[otto.pk].due and "not yet: invoiced once the month is over" in owner.get(PAGE).content.decode()

    assert owner.post(PAGE, {"month": f"{this_month:%Y-%m}"}).status_code == 302
    assert otto.pk not in invoices(billing.a, this_month) and len(invoices(billing.a, this_month)) == 1

    later = (this_month + timedelta(days=62)).replace(day=1)
    response = owner.post(PAGE, {"month": f"{later:%Y-%m}"})
    assert response.status_code == 400
    assert response.context["form"].errors["month"] == ["This month cannot be invoiced yet."]
    assert invoices(billing.a, later) == []


def test_the_api_runs_the_same_service(billing, api):
    saartje = make_contract(billing)
    owner = api(billing.a.entrepreneur, billing.a)
    response = owner.post("/api/v1/billing/invoices/run/", {"year": 2026, "month": 10})
    assert response.status_code == 200 and response.json()["created"] == 1
    assert owner.post("/api/v1/billing/invoices/run/", {"year": 2026, "month": 10}).json()["existing"] == 1
    assert invoices(billing.a) == [saartje.pk]
    response = owner.post("/api/v1/billing/invoices/run/", {"year": 2099, "month": 1})
    assert response.status_code == 400 and "month" in response.json()


def test_problems_are_named_per_contract_with_a_link(billing, client_for):
    from billing.tariffs.models import Rate

    contract = make_contract(billing)
    with at(billing.a):
        Rate.objects.filter(tariff_year__year=2026).delete()
    owner = client_for(billing.a.entrepreneur, billing.a)
    [row] = owner.get(PAGE, {"month": "2026-10"}).context["pending"]
    assert row.contract.pk == contract.pk and row.total is None
    assert [(p.message, p.url) for p in row.problems] == [
        ("The tariff year 2026 has no rate for kdv.", "/billing/tariffs/years/2026/")]
    response = owner.post(PAGE, {"month": "2026-10"}, follow=True)
    assert "0 invoices made and sent; 0 existed already; 1 has a problem (see below)." in response.content.decode()
    assert invoices(billing.a) == []


def test_a_missing_income_certificate_is_named(billing, flemish_a, client_for):
    make_contract(billing)
    owner = client_for(billing.a.entrepreneur, billing.a)
    [row] = owner.get(PAGE, {"month": "2026-10"}).context["pending"]
    [problem] = row.problems
    assert problem.message.startswith("No income certificate is valid on 1 October 2026")
    assert problem.url == "/billing/tariffs/income-certificates/"


def test_a_bad_month_is_a_field_error(billing, client_for):
    make_contract(billing)
    owner = client_for(billing.a.entrepreneur, billing.a)
    for value in ("2026-13", "oktober", "26-10"):
        for response in (owner.get(PAGE, {"month": value}), owner.post(PAGE, {"month": value})):
            assert response.status_code == 400
            assert response.context["form"].errors["month"] == ["Enter a month as year-month, for example 2026-03."]
    assert owner.post(PAGE, {}).context["form"].errors["month"] == ["This field is required."]
    assert invoices(billing.a) == []


@pytest.mark.parametrize("who", ["other_entrepreneur", "other_parent", "other_staff", "staff", "parent",
                                 "other_family", "adviser"])
def test_only_the_entrepreneur_of_the_location(billing, client_for, who):
    make_contract(billing)
    users = {"other_entrepreneur": billing.b.entrepreneur, "other_parent": billing.b.parent,
             "other_staff": billing.b.staff, "staff": billing.a.staff, "parent": billing.a.parent,
             "other_family": billing.two_location_parent, "adviser": billing.adviser}
    client = client_for(users[who], billing.a)
    assert client.get(PAGE, {"month": "2026-10"}).status_code in (403, 404)
    assert client.post(PAGE, {"month": "2026-10"}).status_code in (403, 404)
    assert invoices(billing.a) == []
