"""The entrepreneur enters the location's bank account (name and IBAN, checked with schwifty) also when she
collects through Stripe: every invoice names it for a transfer and statements are imported for it."""
import pytest

from billing.payments.models import CollectionSettings
from tests.payments.conftest import in_schema


def settings_of(site):
    with in_schema(site):
        row = CollectionSettings.load()
        return row.method, row.creditor_name, row.creditor_iban, row.creditor_bic


def test_stripe_location_keeps_its_account_for_transfers(world, api):
    response = api(world.a.entrepreneur, world.a).put("/api/v1/payments/collection-settings/", {
        "method": "stripe", "creditor_name": "Kinderopvang Alpha", "creditor_iban": "nl91 abna 0417 1643 00"})
    assert response.status_code == 200, response.json()
    assert settings_of(world.a) == ("stripe", "Kinderopvang Alpha", "NL91ABNA0417164300", "ABNANL2A")


def test_the_page_saves_it(world, client_for):
    response = client_for(world.a.entrepreneur, world.a).post("/payments/settings/", {
        "method": "stripe", "creditor_name": "Kinderopvang Alpha", "creditor_iban": "BE68 5390 0754 7034",
        "creditor_bic": "", "creditor_id": ""})
    assert response.status_code == 302
    assert settings_of(world.a)[2] == "BE68539007547034"


@pytest.mark.parametrize("data, field", [
    ({"creditor_iban": "NL91ABNA0417164301"}, "creditor_iban"),   # wrong check digits
    ({"creditor_iban": "", "creditor_bic": "ABNANL2A"}, "creditor_iban"),
    ({"creditor_iban": "NL91ABNA0417164300", "creditor_bic": "NOTABIC"}, "creditor_bic"),
    ({"creditor_id": "NL58ZZZ999999999999"}, "creditor_id"),
])
def test_a_wrong_account_is_an_error_on_its_field_and_changes_nothing(world, api, data, field):
    response = api(world.a.entrepreneur, world.a).put("/api/v1/payments/collection-settings/", {
        "method": "stripe", "creditor_name": "Alpha", **data})
    assert response.status_code == 400 and field in response.json(), response.json()
    assert settings_of(world.a)[2] == ""


def test_only_the_entrepreneur_enters_it(world, api):
    for user in (world.a.parent, world.a.staff, world.b.entrepreneur):
        response = api(user, world.a).put("/api/v1/payments/collection-settings/", {
            "method": "stripe", "creditor_iban": "NL91ABNA0417164300"})
        assert response.status_code in (403, 404)
    assert settings_of(world.a)[2] == ""
