"""Suspending a location (schorsen): nobody logs in there, open sessions are refused, data stays.

The cooperative admin suspends and reactivates through `cooperative.services` or the API actions
`/api/v1/locations/<slug>/suspend/` and `.../reactivate/`. Each test provisions its own location (the
`place` fixture) inside its transaction, rolled back afterwards with its schema, so the shared
locations stay untouched.
"""
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django_tenants.utils import schema_context

from cooperative import services
from cooperative.models import Location
from tests.accounts.browser import Browser
from tests.conftest import PASSWORD
from tests.platform.conftest import Place


def log_in(host: str, email: str) -> tuple[Client, object]:
    """Log in from the location's login page (the central login on the main domain hands the login back);
    the location host's client and the last response."""
    browser = Browser()
    response = browser.log_in(email, PASSWORD, start=f"http://{host}/accounts/login/")
    return browser.client(host), response


def logged_in(place: Place, user) -> Client:
    client = Client(HTTP_HOST=place.location.host)
    client.force_login(user)
    return client


def test_members_can_log_in_while_the_location_is_active(place):
    for user in place.people:
        client, response = log_in(place.location.host, user.email)
        assert response.status_code == 200, user.email
        assert "_auth_user_id" in client.session


def test_suspend_service_marks_the_location_suspended(place):
    services.suspend_location(place.location)
    location = Location.objects.get(pk=place.location.pk)
    assert location.status == "suspended"
    assert location.status_changed_at is not None


def test_nobody_can_log_in_at_a_suspended_location(place):
    services.suspend_location(place.location)
    for user in place.people:
        client, response = log_in(place.location.host, user.email)
        assert response.status_code in (200, 403), user.email
        assert "_auth_user_id" not in client.session, user.email


def test_open_sessions_get_403_on_pages_of_a_suspended_location(place):
    clients = {user.email: logged_in(place, user) for user in place.people}
    assert clients[place.entrepreneur.email].get("/children/").status_code == 200
    services.suspend_location(place.location)
    for email, client in clients.items():
        for path in ("/", "/children/"):
            response = client.get(path)
            assert response.status_code == 403, (email, path)
            assert "Zoë" not in response.content.decode()


def test_open_sessions_get_403_on_the_api_of_a_suspended_location(place):
    clients = {user.email: logged_in(place, user) for user in place.people}
    assert clients[place.entrepreneur.email].get("/api/v1/children/").status_code == 200
    services.suspend_location(place.location)
    for email, client in clients.items():
        for path in ("/api/v1/children/", "/api/v1/exports/", "/api/v1/me/"):
            response = client.get(path)
            assert response.status_code == 403, (email, path)
            assert "Zoë" not in response.content.decode()
        assert client.post("/api/v1/exports/").status_code == 403, email


def test_token_clients_get_403_at_a_suspended_location(place):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=place.entrepreneur)
    client = Client(HTTP_HOST=place.location.host, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert client.get("/api/v1/children/").status_code == 200
    services.suspend_location(place.location)
    assert client.get("/api/v1/children/").status_code == 403


def test_suspension_keeps_the_data(place):
    services.suspend_location(place.location)
    with schema_context(place.location.schema_name):
        from tenants.children.models import Child

        assert list(Child.objects.values_list("first_name", flat=True)) == ["Zoë"]


def test_reactivating_lets_members_log_in_again(place):
    services.suspend_location(place.location)
    services.reactivate_location(Location.objects.get(pk=place.location.pk))
    assert Location.objects.get(pk=place.location.pk).status == "active"
    for user in place.people:
        client, response = log_in(place.location.host, user.email)
        assert response.status_code == 200, user.email
        assert "_auth_user_id" in client.session, user.email
    assert logged_in(place, place.entrepreneur).get("/api/v1/children/").status_code == 200


def test_only_a_suspended_location_can_be_reactivated(place):
    with pytest.raises(ValidationError):
        services.reactivate_location(place.location)


def test_an_offboarded_location_cannot_be_suspended(place, settings, tmp_path):
    settings.EXPORT_ROOT = tmp_path
    services.offboard_location(place.location)
    with pytest.raises(ValidationError):
        services.suspend_location(Location.objects.get(pk=place.location.pk))


def test_suspension_does_not_touch_other_locations(place, world, client_for):
    services.suspend_location(place.location)
    assert client_for(world.a.entrepreneur, world.a).get("/api/v1/children/").status_code == 200
    client, response = log_in(world.b.host, world.b.entrepreneur.email)
    assert response.status_code == 200
    assert "_auth_user_id" in client.session


def test_coop_admin_suspends_and_reactivates_through_the_api(place, world, client_for):
    api = client_for(world.coop_admin)
    response = api.post(f"/api/v1/locations/{place.location.slug}/suspend/")
    assert response.status_code == 200
    assert response.json()["status"] == "suspended"
    assert Location.objects.get(pk=place.location.pk).status == "suspended"
    _client, login = log_in(place.location.host, place.entrepreneur.email)
    assert "_auth_user_id" not in _client.session
    response = api.post(f"/api/v1/locations/{place.location.slug}/reactivate/")
    assert response.status_code == 200
    assert response.json()["status"] == "active"


def test_api_answers_400_when_the_status_does_not_allow_the_change(place, world, client_for):
    response = client_for(world.coop_admin).post(f"/api/v1/locations/{place.location.slug}/reactivate/")
    assert response.status_code == 400
    assert "status" in response.json()


def test_only_the_coop_admin_may_suspend(place, world, client_for):
    world.adviser.adviser_assignments.create(location=place.location)
    for user in (world.adviser, world.lead_adviser, world.pedagogue, place.entrepreneur):
        for action in ("suspend", "reactivate"):
            response = client_for(user).post(f"/api/v1/locations/{place.location.slug}/{action}/")
            assert response.status_code in (403, 404), (user.email, action)
    response = logged_in(place, place.entrepreneur).post(f"/api/v1/locations/{place.location.slug}/suspend/")
    assert response.status_code in (403, 404)
    assert Location.objects.get(pk=place.location.pk).status == "active"
