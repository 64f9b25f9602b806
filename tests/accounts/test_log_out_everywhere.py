"""Logging out on any host ends the login on every host: the main domain's and each location's session."""
from django.contrib.sessions.models import Session

from accounts.models import HostSession
from tests.accounts.browser import MAIN, Browser


def logged_in_everywhere(world) -> Browser:
    browser = Browser()
    browser.log_in(world.two_location_parent.email)
    for site in (world.a, world.b):
        assert browser.get(f"http://{site.host}/").status_code == 200
    return browser


def test_log_out_on_one_location_ends_the_login_on_main_and_the_other_location(world):
    browser = logged_in_everywhere(world)
    assert HostSession.objects.count() == 3
    page = browser.post(f"http://{world.a.host}/accounts/logout/")
    assert page.final_url == f"http://{MAIN}:8000/accounts/login/"
    for host in (MAIN, world.a.host, world.b.host):
        assert browser.user_id(host) is None, host
    # The next request on each host is anonymous: at a location it is sent to the central login.
    assert browser.get(f"http://{world.b.host}/", follow=False)["Location"].startswith(
        f"http://{MAIN}:8000/accounts/handoff/")
    assert browser.get(f"http://{MAIN}/", follow=False).status_code == 302
    assert not HostSession.objects.exists()


def test_log_out_on_the_main_domain_ends_the_locations_sessions(world):
    browser = logged_in_everywhere(world)
    browser.post(f"http://{MAIN}/accounts/logout/")
    for host in (MAIN, world.a.host, world.b.host):
        assert browser.user_id(host) is None, host


def test_log_out_ends_only_that_login(world):
    """The same person logged in on another device stays logged in there."""
    phone, laptop = logged_in_everywhere(world), logged_in_everywhere(world)
    phone.post(f"http://{world.b.host}/accounts/logout/")
    for host in (MAIN, world.a.host, world.b.host):
        assert laptop.user_id(host) == str(world.two_location_parent.pk), host


def test_sessions_are_in_the_database_of_the_public_schema(world, settings):
    """In the database (and, with a cache shared by every web process, read from that cache: `cached_db`)."""
    assert settings.SESSION_ENGINE == ("django.contrib.sessions.backends.cached_db" if settings.CACHE_URL
                                       else "django.contrib.sessions.backends.db")
    browser = logged_in_everywhere(world)
    keys = {client.session.session_key for client in browser.clients.values()}
    assert Session.objects.filter(session_key__in=keys).count() == 3
    assert Session._meta.app_label in [app.split(".")[-1] for app in settings.SHARED_APPS]


def test_with_sessions_kept_in_a_shared_cache_logging_out_ends_them_there_too(world, settings):
    """Where every web process shares one cache (production: Redis), sessions are `cached_db`: logging out on one
    host deletes every session of the login from the cache as well as from the database."""
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX
    from django.core.cache import cache

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    browser = logged_in_everywhere(world)
    keys = [client.cookies[settings.SESSION_COOKIE_NAME].value for client in browser.clients.values()]
    assert len(keys) == 3 and all(cache.get(KEY_PREFIX + key) for key in keys), "read from the cache"
    browser.post(f"http://{world.b.host}/accounts/logout/")
    assert not [key for key in keys if cache.get(KEY_PREFIX + key) is not None]
    assert not Session.objects.filter(session_key__in=keys).exists()
    for host in (MAIN, world.a.host, world.b.host):
        assert browser.user_id(host) is None, host
    assert browser.get(f"http://{MAIN}/", follow=False).status_code == 302
