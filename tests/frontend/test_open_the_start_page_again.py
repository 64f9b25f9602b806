"""A parent opens her start page again and again (issue 21, the parent overview): the page is kept in the shared
cache and served without reading her locations' schemas — but never once anything on it has changed, never to
anyone else, never in another language, never after her day has ended, never with another request's CSRF token.

The changes that must show at once are written as they are in production: committed by another connection (a
staff member's tablet, a Celery worker; tests/conftest.in_a_thread), so the versions are replaced at the commit
(changes.versions)."""
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import schema_context

from frontend import kept_pages
from tests.conftest import in_a_thread

pytestmark = pytest.mark.usefixtures("kept_pages_on")


def opened(client) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/")
    assert response.status_code == 200
    sql = [query["sql"] for query in ctx.captured_queries]
    if response.headers.get("Server-Timing") == kept_pages.SERVED:  # the header says which way the page came
        assert not any("children_child" in s for s in sql), sql
    return response.content.decode(), sql


def reads_a_location(sql: list[str], world) -> bool:
    return any(f'"{site.location.schema_name}".' in s for s in sql for site in (world.a, world.b))


def without_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def committed(function):
    """`function` on a connection of its own, committed (as another process would)."""
    return in_a_thread(function)


def test_the_second_opening_reads_no_location_and_shows_the_same_page(world, client_for):
    client = client_for(world.two_location_parent)
    first, sql = opened(client)
    assert reads_a_location(sql, world)
    response = client.get("/")
    assert response.headers["Server-Timing"] == kept_pages.SERVED
    again, sql = opened(client)
    assert not reads_a_location(sql, world), "\n".join(sql)
    assert len(sql) < 4, "\n".join(sql)
    assert "Mila Jansen" in again and "Finn Jansen" in again
    assert without_token(again) == without_token(first)


def test_each_opening_carries_its_own_csrf_token_and_logging_out_works(world, client_for):
    client = client_for(world.two_location_parent)
    opened(client)
    html, _ = opened(client)
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))
    assert len(tokens) == 1 and "csrf-token" not in html and "\x00" not in html
    client.handler.enforce_csrf_checks = True
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": tokens.pop()})
    assert response.status_code == 302
    assert client.get("/").status_code == 302, "logged out"


def test_a_handover_written_at_her_location_shows_at_once(world, client_for):
    from tenants.children.models import Child
    from tenants.handover.models import Handover
    from tenants.handover.services import write_handover

    client = client_for(world.two_location_parent)
    html, _ = opened(client)
    opened(client)
    assert "Today's handover" not in html and "Overdracht van vandaag" not in html

    def write():
        with schema_context(world.a.location.schema_name):
            mila = Child.objects.get(first_name="Mila")
            return write_handover(mila, day=timezone.localdate(), by=None, eating="Alles op").pk

    handover = committed(write)
    try:
        html, sql = opened(client)
        assert f"handover/{handover}/" in html
        assert reads_a_location(sql, world)
    finally:
        committed(lambda: _in(world.a, lambda: Handover.objects.filter(pk=handover).delete()))


def _in(site, function):
    with schema_context(site.location.schema_name):
        return function()


def test_a_guardian_taken_off_a_child_no_longer_sees_the_child(world, client_for):
    from tenants.children.models import Child

    client = client_for(world.two_location_parent)
    opened(client)
    html, _ = opened(client)
    assert "Finn Jansen" in html
    finn = _in(world.b, lambda: Child.objects.get(first_name="Finn"))
    committed(lambda: _in(world.b, lambda: finn.guardians.remove(world.two_location_parent)))
    try:
        html, _ = opened(client)
        assert "Finn Jansen" not in html and "Mila Jansen" in html
    finally:
        committed(lambda: _in(world.b, lambda: finn.guardians.add(world.two_location_parent)))


def test_a_removed_membership_takes_the_location_off_at_once(world, client_for):
    from accounts.models import Membership

    client = client_for(world.two_location_parent)
    opened(client)
    html, _ = opened(client)
    assert world.b.location.name in html
    membership = Membership.objects.get(user=world.two_location_parent, location=world.b.location, role="parent")
    committed(lambda: Membership.objects.filter(pk=membership.pk).update(is_active=False))
    try:
        html, _ = opened(client)
        assert world.b.location.name not in html and "Finn Jansen" not in html
        assert world.a.location.name in html
    finally:
        committed(lambda: Membership.objects.filter(pk=membership.pk).update(is_active=True))


def test_another_parent_never_gets_her_page(world, client_for):
    mother, other = client_for(world.two_location_parent), client_for(world.a.parent)
    opened(mother)
    opened(mother)
    for _ in range(2):
        html, _ = opened(other)
        assert "Saartje Verbeek" in html
        assert "Mila Jansen" not in html and "Finn Jansen" not in html and "Parent of Two" not in html


def test_in_another_language_the_page_is_made_in_that_language(world, client_for):
    client = client_for(world.two_location_parent)
    opened(client)
    dutch, _ = opened(client)
    assert client.post("/account/language/", {"language": "en", "next": "/"}).status_code == 302
    english, sql = opened(client)
    assert '<html lang="en">' in english and "Your children" in english
    assert '<html lang="nl">' in dutch and "Your children" not in dutch
    assert reads_a_location(sql, world)
    response = client.get("/")
    assert response.headers["Content-Language"] == "en" and "Your children" in response.content.decode()


def test_after_midnight_the_page_is_made_again(world, client_for, monkeypatch):
    client = client_for(world.two_location_parent)
    opened(client)
    tomorrow = timezone.localtime() + timedelta(days=1)
    monkeypatch.setattr(kept_pages.time, "time", lambda: tomorrow.replace(hour=0, minute=0, second=1).timestamp())
    _html, sql = opened(client)
    assert reads_a_location(sql, world)


def test_a_page_with_a_message_waiting_is_made_and_shows_it(world, client_for):
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest, HttpResponse

    client = client_for(world.two_location_parent)
    opened(client)
    opened(client)
    request, response = HttpRequest(), HttpResponse()
    storage = CookieStorage(request)
    storage.add(20, "Uw verzoek is verstuurd.")
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    html, sql = opened(client)
    assert "Uw verzoek is verstuurd." in html and reads_a_location(sql, world)
    html, _ = opened(client)
    assert "Uw verzoek is verstuurd." not in html, "shown once, and the page with it was not kept"


def test_a_version_gone_from_the_cache_makes_the_page_again(world, client_for):
    from django.core.cache import cache

    from changes.versions import version_key

    client = client_for(world.two_location_parent)
    opened(client)
    cache.delete(version_key(world.b.location.schema_name))
    _html, sql = opened(client)
    assert reads_a_location(sql, world)
    _html, sql = opened(client)
    assert not reads_a_location(sql, world)


def test_without_a_shared_cache_nothing_is_kept(world, client_for, settings):
    settings.KEPT_PAGES = False
    client = client_for(world.two_location_parent)
    opened(client)
    _html, sql = opened(client)
    assert reads_a_location(sql, world)


def test_only_the_main_domains_start_page_is_kept(world, client_for):
    at_location = client_for(world.two_location_parent, world.a)
    for _ in range(2):
        response = at_location.get("/")
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        at_location.get("/")
    assert any("children_child" in q["sql"] for q in ctx.captured_queries), "the location's page is made each time"
    client = client_for(world.two_location_parent)
    opened(client)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/?from=app").status_code == 200
    assert reads_a_location([q["sql"] for q in ctx.captured_queries], world)


def test_a_staff_member_at_one_location_keeps_her_page_too(world, client_for):
    client = client_for(world.a.staff)
    html, _ = opened(client)
    assert world.a.location.name in html
    again, sql = opened(client)
    assert without_token(again) == without_token(html) and len(sql) < 4

