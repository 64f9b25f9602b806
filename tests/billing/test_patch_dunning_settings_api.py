"""The entrepreneur changes the payment-reminder settings through the API with a JSON or a multipart (form)
PATCH; a body that is no object or values of the wrong type are a 400 naming the field, never a server
error, and nothing changes."""
import pytest
from django.test.client import encode_multipart

from tests.billing.conftest import at

URL = "/api/v1/billing/dunning-settings/"


def stored(site):
    from billing.invoices.models import DunningSettings

    with at(site):
        row = DunningSettings.load()
        return row.enabled, row.nl_reminder_after_days


def multipart_patch(client, data):
    return client.patch(URL, encode_multipart("BoUnDaRy", data), content_type="multipart/form-data; boundary=BoUnDaRy")


def test_a_form_patch_changes_the_fields_it_names(billing, client_for):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = multipart_patch(owner, {"enabled": "false", "nl_reminder_after_days": "10"})
    assert response.status_code == 200, response.content
    assert stored(billing.a) == (False, 10)


def test_a_json_patch_keeps_working(billing, api):
    owner = api(billing.a.entrepreneur, billing.a)
    assert owner.patch(URL, {"nl_reminder_after_days": 5}).status_code == 200
    assert stored(billing.a) == (True, 5)
    too_long = owner.patch(URL, {"nl_reminder_after_days": 400})
    assert too_long.status_code == 400 and list(too_long.json()) == ["nl_reminder_after_days"]


@pytest.mark.parametrize("body", ["[]", "[null, null]", '"x"', "1", "null", '{"nl_reminder_after_days": "zeven"}'])
def test_bad_input_is_a_400(billing, client_for, body):
    owner = client_for(billing.a.entrepreneur, billing.a)
    response = owner.patch(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert stored(billing.a) == (True, 7)
