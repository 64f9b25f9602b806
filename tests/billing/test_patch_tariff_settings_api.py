"""The entrepreneur changes the tariff settings through the API with a JSON or a multipart (form) PATCH; a
body that is no object or values of the wrong type are a 400 naming the field, never a server error."""
from decimal import Decimal

import pytest
from django.test.client import encode_multipart

from tests.billing.conftest import at

URL = "/api/v1/billing/tariff-settings/"


def stored(site):
    from billing.tariffs.models import TariffSettings

    with at(site):
        row = TariffSettings.load()
        return row.nl_payment_days, row.justified_absence_days, row.admin_fee


def multipart_patch(client, data):
    return client.patch(URL, encode_multipart("BoUnDaRy", data), content_type="multipart/form-data; boundary=BoUnDaRy")


def test_a_multipart_patch_changes_the_fields_it_names(billing, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = multipart_patch(owner, {"admin_fee": "4.50", "nl_payment_days": "21"})
    assert response.status_code == 200, response.content
    assert response.json()["admin_fee"] == "4.50" and response.json()["nl_payment_days"] == 21
    assert stored(billing.a) == (21, 30, Decimal("4.50"))


@pytest.mark.parametrize("field, value", [("justified_absence_days", "x"), ("justified_absence_days", "17"),
                                          ("nl_payment_days", "0"), ("admin_fee", "-1"), ("admin_fee", "vier")])
def test_a_multipart_patch_with_a_bad_value_names_the_field(billing, client_for, field, value):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = multipart_patch(owner, {"diaper_half_day": "1.20", field: value})
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert stored(billing.a) == (14, 30, Decimal("4.37"))


def test_a_json_patch_keeps_working(billing, api):
    owner = api(billing.a.entrepreneur, billing.a)
    assert owner.patch(URL, {"justified_absence_days": 20, "diaper_full_day": "1.90"}).status_code == 200
    assert stored(billing.a)[1] == 20
    wrong = owner.patch(URL, {"justified_absence_days": "twintig"})
    assert wrong.status_code == 400 and "justified_absence_days" in wrong.json()


@pytest.mark.parametrize("body", ["[]", '"x"', "1", "null", "[null, null]"])
def test_a_json_body_that_is_no_object_is_a_400(billing, client_for, body):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.patch(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert stored(billing.a) == (14, 30, Decimal("4.37"))
