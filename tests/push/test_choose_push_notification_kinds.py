"""Per device, a person chooses which kinds of news she receives: on the settings page or with PATCH."""
import pytest

from push.models import PushSubscription


def test_a_parent_turns_invoices_off_on_one_device(world, api, browser_subscription):
    phone, _keys = browser_subscription(world.a.parent)
    laptop, _keys = browser_subscription(world.a.parent)
    response = api(world.a.parent, None).patch(f"/api/v1/push/subscriptions/{phone.pk}/",
                                               {"kinds": ["handover", "message"]})
    assert response.status_code == 200 and response.json()["kinds"] == ["handover", "message"]
    phone.refresh_from_db()
    laptop.refresh_from_db()
    assert (phone.invoice, phone.contract, phone.handover) == (False, False, True)
    assert laptop.kinds == ["handover", "message", "invoice", "contract", "health"]


def test_none_at_all_keeps_the_device(world, api, browser_subscription):
    phone, _keys = browser_subscription(world.a.parent)
    assert api(world.a.parent, None).patch(f"/api/v1/push/subscriptions/{phone.pk}/", {"kinds": []}).json()[
        "kinds"] == []
    assert PushSubscription.objects.get().kinds == []


@pytest.mark.parametrize("payload", [{}, {"kinds": ["pizza"]}, {"kinds": "handover"}, {"kinds": None}])
def test_bad_input_is_a_field_error(world, api, browser_subscription, payload):
    phone, _keys = browser_subscription(world.a.parent)
    response = api(world.a.parent, None).patch(f"/api/v1/push/subscriptions/{phone.pk}/", payload)
    assert response.status_code == 400 and "kinds" in response.json()


def test_another_persons_device_the_wrong_role_and_a_location_are_refused(world, api, browser_subscription):
    phone, _keys = browser_subscription(world.a.parent)
    url = f"/api/v1/push/subscriptions/{phone.pk}/"
    assert api(world.b.parent, None).patch(url, {"kinds": []}).status_code == 404
    assert api(world.a.entrepreneur, None).patch(url, {"kinds": []}).status_code == 404
    assert api(world.coop_admin, None).patch(url, {"kinds": []}).status_code == 403
    assert api(world.a.parent, world.a).patch(url, {"kinds": []}).status_code in (403, 404)  # not on a location's host
    assert api(world.a.parent, world.b).patch(url, {"kinds": []}).status_code in (403, 404)
    assert PushSubscription.objects.get().kinds == ["handover", "message", "invoice", "contract", "health"]


def test_the_settings_page(world, client_for, browser_subscription, english):
    phone, _keys = browser_subscription(world.a.parent)
    client = client_for(world.a.parent, None)
    page = client.get("/notifications/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Chrome / Android" in html and "A new invoice" in html and 'data-key="' in html
    chosen = {f"s{phone.pk}-handover": "on", f"s{phone.pk}-contract": "on"}
    response = client.post(f"/notifications/{phone.pk}/", chosen)
    assert response.status_code == 302
    phone.refresh_from_db()
    assert phone.kinds == ["handover", "contract"]


def test_the_settings_page_for_each_role_and_host(world, client_for, browser_subscription):
    phone, _keys = browser_subscription(world.a.parent)
    assert client_for(world.a.staff, None).get("/notifications/").status_code == 200
    for who in (world.coop_admin, world.adviser, world.pedagogue):
        assert client_for(who, None).get("/notifications/").status_code == 403
    assert client_for(world.a.parent, world.a).get("/notifications/").status_code in (403, 404)
    assert client_for(world.b.parent, None).post(f"/notifications/{phone.pk}/", {}).status_code == 404
    assert client_for(world.coop_admin, None).post(f"/notifications/{phone.pk}/", {}).status_code == 403
    assert client_for(None, None).get("/notifications/").status_code == 302  # to the login
    others_page = client_for(world.b.parent, None).get("/notifications/").content.decode()
    assert f'data-subscription="{phone.pk}"' not in others_page
    phone.refresh_from_db()
    assert phone.kinds == ["handover", "message", "invoice", "contract", "health"]


def test_the_menu_links_to_it_for_parents_only(world, client_for, english):
    assert 'href="/notifications/"' in client_for(world.a.parent, None).get("/").content.decode()
    assert 'href="/notifications/"' not in client_for(world.coop_admin, None).get("/").content.decode()
