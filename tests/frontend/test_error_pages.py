"""Error pages speak Dutch and lead somewhere: no access (403), not found (404), too many attempts (429) and a
fault of ours (500), instead of Django's bare English pages."""
import pytest
from django.test import RequestFactory
from django.views import defaults


def test_a_page_that_does_not_exist(world, client_for):
    response = client_for(world.a.parent, world.a).get("/bestaat-niet/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Pagina niet gevonden" in body and 'href="/"' in body
    assert "Not Found" not in body


def test_a_host_that_belongs_to_no_location(db):
    """Answered before a URL conf is chosen: the page must still draw its links (it reverses main-domain URLs)."""
    from django.test import Client
    from django.urls import set_urlconf

    set_urlconf("config.urls_location")  # what a previous request on a location host leaves in this thread
    response = Client(HTTP_HOST="geen-locatie.localhost").get("/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_a_page_the_role_may_not_open(world, client_for):
    response = client_for(world.a.staff, world.a).get("/billing/tariffs/")  # tariffs: not for staff
    assert response.status_code == 403
    body = response.content.decode()
    assert "Geen toegang tot deze pagina" in body and "Terug naar de startpagina" in body
    assert "Forbidden" not in body


@pytest.mark.parametrize("path", ["/api/v1/bestaat-niet/", "/api/v1/children/abc/"])
def test_the_api_answers_json_not_a_page(world, api, path):
    response = api(world.a.entrepreneur, world.a).get(path)
    assert response.status_code == 404
    assert response.headers["Content-Type"].startswith("application/json")


def test_too_many_logins_from_one_address(world, client_for, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip", "login_failed": "10/m/ip"}
    client = client_for()
    answers = [client.post("/accounts/login/", {"login": world.a.parent.email, "password": "wrong-password"})
               for _ in range(3)]
    assert [a.status_code for a in answers][-1] == 429
    body = answers[-1].content.decode()
    assert "Even wachten" in body and "Wacht een minuut" in body
    assert "Too Many Requests" not in body


def test_a_fault_of_ours(db):
    request = RequestFactory().get("/")
    response = defaults.server_error(request)
    assert response.status_code == 500
    body = response.content.decode()
    assert "Er ging iets mis" in body and 'href="/"' in body
