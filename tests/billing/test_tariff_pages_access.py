"""Tariff pages are the entrepreneur's: another location's users, a parent (of this or another family)
and staff get 403 or 404 on every one of them, reading and writing."""
import pytest

from tests.billing.conftest import at, make_contract


@pytest.fixture
def rows(billing):
    from billing.tariffs import services
    from tenants.children.models import Child

    contract = make_contract(billing)
    with at(billing.a):
        child = Child.objects.get(pk=billing.a.child_id)
        session = services.add_settling_in_session(child=child, day=contract.start_date)
        extra = services.add_extra(contract, kind="meal", description="Lunch", unit_price="3",
                                   on_date=contract.start_date)
    return {"contract": contract.pk, "session": session.pk, "extra": extra.pk}


def paths(rows):
    return ["/billing/tariffs/", "/billing/tariffs/years/new/", "/billing/tariffs/years/2026/",
            "/billing/tariffs/contracts/", f"/billing/tariffs/contracts/{rows['contract']}/",
            "/billing/tariffs/income-certificates/", "/billing/tariffs/settling-in/",
            f"/billing/tariffs/settling-in/{rows['session']}/delete/", "/billing/tariffs/extras/",
            f"/billing/tariffs/extras/{rows['extra']}/delete/", "/billing/tariffs/hours/", "/billing/tariffs/settings/"]


@pytest.mark.parametrize("who", ["other_entrepreneur", "other_parent", "staff", "parent", "other_family",
                                 "adviser"])
def test_refused(billing, rows, client_for, who):
    from billing.tariffs.models import Extra, SettlingInSession, TariffSettings

    users = {"other_entrepreneur": billing.b.entrepreneur, "other_parent": billing.b.parent,
             "staff": billing.a.staff, "parent": billing.a.parent, "other_family": billing.two_location_parent,
             "adviser": billing.adviser}
    client = client_for(users[who], billing.a)
    for path in paths(rows):
        for method in ("get", "post"):
            response = getattr(client, method)(path, {"rate_kdv": "1", "justified_absence_days": "18"})
            assert response.status_code in (403, 404), (who, method, path, response.status_code)
    with at(billing.a):
        assert Extra.objects.count() == 1 and SettlingInSession.objects.count() == 1
        assert not TariffSettings.objects.exists()


def test_the_entrepreneur_reaches_every_page(billing, rows, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    for path in paths(rows):
        if path.endswith("/delete/"):
            continue
        assert owner.get(path).status_code == 200, path
    assert "Tariffs" in owner.get("/").content.decode()
