"""Unsubscribing a device: by its id (the settings page, the API) or by the browser's endpoint (the page's script).
Only one's own; another person's device is not found."""
import json

import pytest

from push.models import PushSubscription


def test_a_parent_removes_her_device(world, api, browser_subscription):
    subscription, _keys = browser_subscription(world.a.parent)
    response = api(world.a.parent, None).delete(f"/api/v1/push/subscriptions/{subscription.pk}/")
    assert response.status_code == 204
    assert not PushSubscription.objects.exists()


def test_another_persons_device_is_not_found(world, api, browser_subscription):
    subscription, _keys = browser_subscription(world.a.parent)
    for other in (world.b.parent, world.a.staff, world.two_location_parent):
        client = api(other, None)
        assert client.delete(f"/api/v1/push/subscriptions/{subscription.pk}/").status_code == 404
        assert client.get(f"/api/v1/push/subscriptions/{subscription.pk}/").status_code == 404
        assert client.post("/api/v1/push/subscriptions/unsubscribe/",
                           {"endpoint": subscription.endpoint}).status_code == 404
        assert client.post("/api/v1/push/subscriptions/find/", {"endpoint": subscription.endpoint}).status_code == 404
        assert [item["id"] for item in client.get("/api/v1/push/subscriptions/").json()] == []
    assert PushSubscription.objects.filter(pk=subscription.pk).exists()


def test_by_the_browsers_endpoint(world, api, browser_subscription):
    subscription, _keys = browser_subscription(world.a.parent)
    client = api(world.a.parent, None)
    assert client.post("/api/v1/push/subscriptions/find/", {"endpoint": subscription.endpoint}).json()["id"] == \
        subscription.pk
    assert client.post("/api/v1/push/subscriptions/unsubscribe/",
                       {"endpoint": subscription.endpoint}).status_code == 204
    assert not PushSubscription.objects.exists()
    assert client.post("/api/v1/push/subscriptions/unsubscribe/",
                       {"endpoint": subscription.endpoint}).status_code == 404


@pytest.mark.parametrize("payload", [{}, {"endpoint": ""}, {"endpoint": "x" * 5000}, {"endpoint": ["a"]}])
def test_bad_input_is_a_field_error(world, api, payload):
    response = api(world.a.parent, None).post("/api/v1/push/subscriptions/unsubscribe/", payload)
    assert response.status_code == 400 and "endpoint" in response.json()


def test_the_settings_page_removes_a_device(world, client_for, browser_subscription):
    subscription, _keys = browser_subscription(world.a.parent)
    response = client_for(world.a.parent, None).post(f"/notifications/{subscription.pk}/remove/")
    assert response.status_code == 302 and response["Location"] == "/notifications/"
    assert not PushSubscription.objects.exists()


def test_the_settings_page_refuses_another_persons_device_the_wrong_role_and_a_location(
        world, client_for, browser_subscription):
    subscription, _keys = browser_subscription(world.a.parent)
    path = f"/notifications/{subscription.pk}/remove/"
    assert client_for(world.b.parent, None).post(path).status_code == 404
    assert client_for(world.coop_admin, None).post(path).status_code == 403
    assert client_for(world.a.parent, world.a).post(path).status_code in (403, 404)
    assert client_for(world.a.parent, world.b).post(path).status_code in (403, 404)
    assert client_for(world.a.parent, None).post("/notifications/999999/remove/").status_code == 404
    assert PushSubscription.objects.filter(pk=subscription.pk).exists()


def test_anonymous_is_refused(world, client_for, browser_subscription):
    subscription, _keys = browser_subscription(world.a.parent)
    client = client_for(None, None)
    response = client.delete(f"/api/v1/push/subscriptions/{subscription.pk}/")
    assert response.status_code in (401, 403)
    response = client.post("/api/v1/push/subscriptions/unsubscribe/", json.dumps({"endpoint": subscription.endpoint}),
                           content_type="application/json")
    assert response.status_code in (401, 403)
    assert PushSubscription.objects.exists()
