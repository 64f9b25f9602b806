"""A phone's menu holds at most five entries for every role; every other page is one tap deeper, on "More"
(issue 16, point 1). The desktop header still lists them all."""
import re

import pytest

from frontend.navigation import PHONE_MAX


def nav(html: str) -> str:
    return html[html.index('<nav aria-label="'):html.index("</nav>")]


def phone_items(html: str) -> list[str]:
    """The menu entries a phone shows (the others carry class nav-wide, hidden below 640 px)."""
    return re.findall(r'<li(?: class="nav-more")?><a href="([^"]+)"', nav(html))


def all_items(html: str) -> list[str]:
    return re.findall(r'<li[^>]*><a href="([^"]+)"', nav(html))


ROLES = [("coop_admin", None), ("adviser", None), ("pedagogue", None), ("two_location_parent", None),
         ("a.entrepreneur", "a"), ("a.staff", "a"), ("a.parent", "a"), ("b.entrepreneur", "b"), ("b.parent", "b")]


def person(world, path):
    obj = world
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


@pytest.mark.parametrize(("who", "site"), ROLES)
def test_the_phone_menu_has_at_most_five_entries_and_more_lists_the_rest(client_for, world, who, site):
    client = client_for(person(world, who), getattr(world, site) if site else None)
    html = client.get("/").content.decode()
    shown, every = phone_items(html), all_items(html)
    assert 1 <= len(shown) <= PHONE_MAX, shown
    hidden = [url for url in every if url not in shown and url != "/menu/"]
    if hidden:
        assert "/menu/" in shown, "what a phone does not show is one tap deeper"
        more = client.get("/menu/")
        assert more.status_code == 200
        listed = more.content.decode().split("<main", 1)[1]
        for url in hidden:
            assert f'href="{url}"' in listed, url
    else:
        assert "/menu/" not in every


def test_the_more_page_is_only_for_members_of_the_location(client_for, world):
    assert client_for(world.a.staff, world.a).get("/menu/").status_code == 200
    assert client_for(world.b.parent, world.a).get("/menu/").status_code in (302, 403, 404)
    assert client_for(world.adviser, world.a).get("/menu/").status_code in (302, 403, 404)
    assert client_for(None, world.a).get("/menu/").status_code == 302


def test_a_location_without_a_pedagogical_plan_says_so_instead_of_an_error(client_for, world):
    response = client_for(world.b.parent, world.b).get("/advisory/pedagogical-plan/")
    assert response.status_code == 200
    assert 'href="/"' in response.content.decode().split("<main", 1)[1]


def test_an_entrepreneur_who_is_also_a_parent_here_sees_each_menu_label_once(client_for, world):
    from accounts.models import Membership
    from tenants.children.models import Child
    from tests.tenants.conftest import in_schema

    Membership.objects.get_or_create(user=world.b.entrepreneur, location=world.b.location, role="parent")
    with in_schema(world.b):  # her own child goes to her own location
        Child.objects.get(pk=world.b.child_id).guardians.add(world.b.entrepreneur)
    html = client_for(world.b.entrepreneur, world.b).get("/").content.decode()
    labels = re.findall(r'<li[^>]*><a href="[^"]+"[^>]*>([^<]+)</a>', nav(html))
    assert "Mijn kinderen" in labels, "she is a parent here too"
    assert len(labels) == len(set(labels)), labels
