"""Subscribing a browser to push notifications (POST /api/v1/push/subscriptions/): a parent or someone who works
at a location, on the main domain, for herself; bad input is a field error, never a server error."""
import json

import pytest

from push.models import PushSubscription
from tests.push.conftest import ENDPOINT
from tests.push.push_service import BrowserKeys

URL = "/api/v1/push/subscriptions/"


def body(endpoint=ENDPOINT + "abc", keys=None, **extra):
    keys = keys or BrowserKeys()
    return {"endpoint": endpoint, "expirationTime": None, "keys": {"p256dh": keys.p256dh, "auth": keys.auth},
            **extra}


def test_a_parent_subscribes_her_browser(world, api):
    response = api(world.a.parent, None).post(URL, body())
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["kinds"] == ["handover", "message", "invoice", "contract", "health"]
    assert "endpoint" not in data  # a capability: never handed out again
    subscription = PushSubscription.objects.get(pk=data["id"])
    assert subscription.user == world.a.parent and subscription.endpoint == ENDPOINT + "abc"


def test_the_same_browser_again_keeps_its_choice(world, api):
    client = api(world.a.parent, None)
    keys = BrowserKeys()
    first = client.post(URL, body(keys=keys, kinds=["handover"])).json()
    again = client.post(URL, body(keys=keys))
    assert again.status_code == 200 and again.json()["id"] == first["id"]
    assert again.json()["kinds"] == ["handover"]
    assert PushSubscription.objects.count() == 1


def test_a_shared_browser_becomes_the_last_persons(world, api):
    api(world.a.parent, None).post(URL, body(kinds=["invoice"]))
    response = api(world.b.parent, None).post(URL, body())
    assert response.status_code == 201
    assert list(PushSubscription.objects.values_list("user_id", flat=True)) == [world.b.parent.pk]
    assert response.json()["kinds"] == ["handover", "message", "invoice", "contract", "health"]


def test_staff_may_subscribe_for_the_parents_messages(world, api):
    assert api(world.a.staff, None).post(URL, body()).status_code == 201
    assert api(world.a.entrepreneur, None).post(URL, body(ENDPOINT + "other")).status_code == 201


@pytest.mark.parametrize("who", ["coop_admin", "adviser", "pedagogue"])
def test_the_cooperatives_people_have_no_news_to_receive(world, api, who):
    response = api(getattr(world, who), None).post(URL, body())
    assert response.status_code == 403
    assert not PushSubscription.objects.exists()


def test_not_on_a_locations_host(world, api):
    """The installed app lives on the main domain; a location's host (the parent's own or another) refuses."""
    assert api(world.a.parent, world.a).post(URL, body()).status_code in (403, 404)
    assert api(world.a.parent, world.b).post(URL, body()).status_code in (403, 404)
    assert not PushSubscription.objects.exists()


def test_anonymous_is_refused(client_for):
    response = client_for(None, None).post(URL, json.dumps(body()), content_type="application/json")
    assert response.status_code in (401, 403)


@pytest.mark.parametrize(("payload", "field"), [
    ({"endpoint": ENDPOINT + "x"}, "keys"),                                       # a subscription without keys
    ({"endpoint": ENDPOINT + "x", "keys": {}}, "keys"),
    ({"endpoint": ENDPOINT + "x", "keys": {"p256dh": "abc", "auth": "def"}}, "keys"),
    ({"keys": {"p256dh": "x", "auth": "y"}}, "endpoint"),
    ({"endpoint": "", "keys": {"p256dh": "x", "auth": "y"}}, "endpoint"),
    ({"endpoint": "not a url", "keys": {"p256dh": "x", "auth": "y"}}, "endpoint"),
    ({"endpoint": ENDPOINT + "x" * 2000, "keys": {"p256dh": "x", "auth": "y"}}, "endpoint"),
    ({"endpoint": ENDPOINT + "x", "keys": "nope"}, "keys"),
    ({"endpoint": ["a"], "keys": {"p256dh": "x", "auth": "y"}}, "endpoint"),
    ({"endpoint": ENDPOINT + "x", "keys": {"p256dh": "x" * 5000, "auth": "y"}}, "keys"),
])
def test_bad_input_is_a_field_error(world, api, payload, field):
    response = api(world.a.parent, None).post(URL, payload)
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not PushSubscription.objects.exists()


def test_unknown_kinds_are_a_field_error(world, api):
    response = api(world.a.parent, None).post(URL, body(kinds=["handover", "pizza"]))
    assert response.status_code == 400 and "kinds" in response.json()


def test_a_huge_body_is_refused_before_it_is_read(world, client_for):
    huge = json.dumps(body(padding="x" * 3_000_000))
    response = client_for(world.a.parent, None).post(URL, huge, content_type="application/json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert not PushSubscription.objects.exists()


def test_broken_json_is_a_400(world, client_for):
    response = client_for(world.a.parent, None).post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize(("endpoint", "message"), [
    ("http://fcm.googleapis.com/fcm/send/abc", "The endpoint must be an https address."),
    ("http://127.0.0.1:9999/push/abc", "The endpoint must be an https address."),
    ("https://internal.example.org/push", "The endpoint is not an address of a known push service."),
])
def test_in_production_only_https_addresses_of_known_push_services(world, api, settings, english, endpoint, message):
    settings.WEB_PUSH_HTTPS_ONLY = True
    response = api(world.a.parent, None).post(URL, body(endpoint))
    assert response.status_code == 400
    assert response.json()["endpoint"] == [message]


def test_in_production_another_push_service_can_be_allowed(world, api, settings):
    settings.WEB_PUSH_HTTPS_ONLY = True
    settings.WEB_PUSH_HOSTS = ["push.example.org"]
    assert api(world.a.parent, None).post(URL, body("https://push.example.org/abc")).status_code == 201


def test_without_a_vapid_key_nobody_can_subscribe(world, api, settings):
    settings.IS_PRODUCTION = True
    settings.WEB_PUSH_VAPID_PRIVATE_KEY = ""
    response = api(world.a.parent, None).post(URL, body())
    assert response.status_code == 400 and "endpoint" in response.json()


def test_the_key_the_browser_subscribes_with(world, api):
    from push import keys

    response = api(world.a.parent, None).get("/api/v1/push/key/")
    assert response.status_code == 200
    assert response.json()["public_key"] == keys.public_key() and len(keys.public_key()) == 87
    assert api(world.coop_admin, None).get("/api/v1/push/key/").status_code == 403
