"""A guardian removed from the last child at a location (or whose last child there has left) loses the
parent role there at her next request: me/roles, announcements (page, API, e-mails), the calendar feed and
the portal overview on the main domain. One logged-in client is kept across the change, as an open browser
session would be; a second location and the person's other roles stay as they are."""
from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.models import Membership
from tests.conftest import make_user
from tests.tenants.conftest import in_schema

MAIN = "localhost"


class Family:
    """A parent of her own (not the shared world's) with children at one location."""

    def __init__(self, site, email, children):
        from tenants.children.services import create_child

        self.site = site
        self.parent = make_user(email, "Eva de Vries")
        Membership.objects.get_or_create(user=self.parent, location=site.location, role="parent")
        with in_schema(site):
            self.children = {first: create_child(first_name=first, last_name="de Vries", birth_date=date(2023, 2, 1),
                                                 guardians=[self.parent]).pk for first in children}

    def client(self, client_for):
        return client_for(self.parent, self.site)


@pytest.fixture
def notified(monkeypatch):
    """The people told of each new announcement, as the messages service hands them to its e-mail notices."""
    from tenants.messages import services

    told = []

    def record(user_ids, kind, *args, **kwargs):
        if kind == "announcement":
            told.append(set(user_ids))

    monkeypatch.setattr(services, "_notify", record)
    return told


def announce(site, title, notified) -> int:
    from tenants.messages import services

    with in_schema(site):
        return services.publish_announcement(by=site.entrepreneur, title=title, body="Iedereen welkom.").pk


def feed_path(client, site) -> str:
    response = client.post("/api/v1/calendar/feed-token/")
    assert response.status_code == 201, response.content
    return response.json()["url"].split(site.host, 1)[1]


def feed_status(site, path) -> int:
    return Client(HTTP_HOST=site.host).get(path).status_code  # a calendar app: no login


def me(client, host=None):
    response = client.get("/api/v1/me/", HTTP_HOST=host) if host else client.get("/api/v1/me/")
    return response.status_code, (response.json().get("roles") if response.status_code == 200 else None)


def overview(client) -> dict[str, list[str]]:
    """{location name: [child names]} from the portal overview on the main domain ({} when she is no parent
    anywhere any more, and the overview refuses her)."""
    response = client.get("/api/v1/portal/overview/", HTTP_HOST=MAIN)
    if response.status_code == 403:
        return {}
    assert response.status_code == 200, response.content
    return {item["location"]["name"]: [c["full_name"] for c in item["children"]] for item in response.json()}


def remove(world, site, child_id, user):
    page = Client(HTTP_HOST=site.host)
    page.force_login(site.entrepreneur)
    return page.post(f"/children/{child_id}/guardians/remove/", {"user": user.pk}, follow=True)


def assert_parent_here(family, client, announcement, feed, child_names):
    site = family.site
    assert me(client) == (200, ["parent"])
    assert client.get("/api/v1/announcements/").status_code == 200
    assert client.get(f"/announcements/{announcement}/").status_code == 200
    assert feed_status(site, feed) == 200
    assert sorted(overview(client)[site.location.name]) == sorted(child_names)
    assert all(name in client.get("/", HTTP_HOST=MAIN).content.decode() for name in child_names)


def assert_no_longer_parent_here(family, client, announcement, feed, child_names):
    site = family.site
    assert me(client)[0] == 403
    assert client.get("/api/v1/announcements/").status_code == 403
    assert client.get(f"/announcements/{announcement}/").status_code == 403
    assert client.get("/").status_code == 403
    assert feed_status(site, feed) == 404
    assert site.location.name not in overview(client)
    home = client.get("/", HTTP_HOST=MAIN)
    assert home.status_code == 200
    assert not any(name in home.content.decode() for name in child_names)


def test_removing_the_last_tie_ends_access_at_the_next_request(world, client_for, notified):
    family = Family(world.a, "eva@removed.test", ["Lotte"])
    client = family.client(client_for)
    token = Token.objects.create(user=family.parent)
    script = Client(HTTP_HOST=world.a.host, HTTP_AUTHORIZATION=f"Token {token.key}")
    announcement = announce(world.a, "Zomerfeest", notified)
    assert family.parent.pk in notified[-1]
    feed = feed_path(client, world.a)
    assert_parent_here(family, client, announcement, feed, ["Lotte de Vries"])
    assert script.get("/api/v1/me/").status_code == 200

    page = remove(world, world.a, family.children["Lotte"], family.parent)

    assert_no_longer_parent_here(family, client, announcement, feed, ["Lotte de Vries"])
    assert script.get("/api/v1/me/").status_code == 403, "an API token loses the location too"
    assert page.status_code == 200
    assert "Eva de Vries heeft geen toegang meer tot deze locatie" in page.content.decode()
    assert not Membership.objects.get(user=family.parent, location=world.a.location, role="parent").is_active
    later = announce(world.a, "Herfstfeest", notified)
    assert family.parent.pk not in notified[-1]
    assert client.get(f"/api/v1/announcements/{later}/").status_code == 403


def test_the_removal_is_in_the_child_change_log(world, client_for):
    from tenants.children.models import ChildChange

    family = Family(world.a, "eva@log.test", ["Lotte"])
    before = timezone.now()
    remove(world, world.a, family.children["Lotte"], family.parent)
    with in_schema(world.a):
        log = {c.action: c for c in ChildChange.objects.filter(child_id=family.children["Lotte"])}
    assert {"guardian_removed", "parent_access_ended"} <= set(log)
    for action in ("guardian_removed", "parent_access_ended"):
        entry = log[action]
        assert entry.actor_id == world.a.entrepreneur.pk and entry.actor_name == world.a.entrepreneur.full_name
        assert family.parent.email in entry.old_value and entry.at >= before
    page = client_for(world.a.entrepreneur, world.a).get(f"/children/{family.children['Lotte']}/changes/")
    assert "eva@log.test" in page.content.decode()


def test_removed_from_one_of_two_children_keeps_the_other(world, client_for, notified):
    family = Family(world.a, "eva@two.test", ["Lotte", "Sem"])
    client = family.client(client_for)
    announcement = announce(world.a, "Zomerfeest", notified)
    feed = feed_path(client, world.a)
    assert_parent_here(family, client, announcement, feed, ["Lotte de Vries", "Sem de Vries"])

    page = remove(world, world.a, family.children["Lotte"], family.parent)

    assert "heeft geen toegang meer" not in page.content.decode()
    assert_parent_here(family, client, announcement, feed, ["Sem de Vries"])
    assert client.get(f"/children/{family.children['Lotte']}/").status_code == 404
    assert client.get(f"/api/v1/children/{family.children['Lotte']}/").status_code == 404
    assert client.get(f"/children/{family.children['Sem']}/").status_code == 200
    announce(world.a, "Herfstfeest", notified)
    assert family.parent.pk in notified[-1]


def test_a_second_location_is_untouched(world, client_for):
    from tenants.children.models import Child

    parent = world.two_location_parent
    client = client_for(parent, world.b)
    with in_schema(world.a):
        mila = Child.objects.get(first_name="Mila").pk
    assert set(overview(client)) == {world.a.location.name, world.b.location.name}

    remove(world, world.a, mila, parent)

    assert me(client) == (200, ["parent"])
    assert me(client, world.a.host)[0] == 403
    assert overview(client) == {world.b.location.name: ["Finn Jansen"]}
    assert me(client, MAIN) == (200, ["parent"])


def test_staff_who_was_also_a_parent_keeps_working_here(world, client_for):
    from tenants.children.services import create_child

    staff = world.a.staff
    with in_schema(world.a):
        child = create_child(first_name="Noor", last_name="Staff", birth_date=date(2023, 1, 1), guardians=[staff])
    Membership.objects.get_or_create(user=staff, location=world.a.location, role="parent")
    client = client_for(staff, world.a)
    feed = feed_path(client, world.a)
    assert me(client) == (200, ["parent", "staff"])

    page = remove(world, world.a, child.pk, staff)

    assert me(client) == (200, ["staff"])
    assert client.get("/api/v1/announcements/").status_code == 200
    assert feed_status(world.a, feed) == 200, "the feed is hers as a staff member"
    assert Membership.objects.get(user=staff, location=world.a.location, role="staff").is_active
    assert "is hier geen ouder meer" in page.content.decode()


def test_inviting_again_gives_access_again(world, client_for, api, django_capture_on_commit_callbacks):
    family = Family(world.a, "eva@again.test", ["Lotte"])
    client = family.client(client_for)
    remove(world, world.a, family.children["Lotte"], family.parent)
    assert me(client)[0] == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = api(world.a.entrepreneur, world.a).post(
            f"/api/v1/children/{family.children['Lotte']}/guardians/", {"email": family.parent.email})
    assert response.status_code == 201, response.content
    assert me(client) == (200, ["parent"])
    assert overview(client)[world.a.location.name] == ["Lotte de Vries"]


# --- the child leaves --------------------------------------------------------------------------


def contract(site, child_id, start, end=None):
    from tenants.contracts.models import Contract

    with in_schema(site):
        return Contract.objects.create(child_id=child_id, care_type="kdv", start_date=start, end_date=end,
                                       status=Contract.Status.ACTIVE)


@pytest.fixture
def clock(monkeypatch, settings):
    """Move 'now' by whole days; sessions last long enough to be kept across the move."""
    settings.SESSION_COOKIE_AGE = 60 * 60 * 24 * 60
    real_now = timezone.now

    def move(days):
        monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(days=days))

    return move


def test_a_child_leaving_ends_access_after_the_last_day_of_care(world, client_for, clock, notified):
    today = timezone.localdate()
    family = Family(world.a, "eva@leaves.test", ["Lotte"])
    contract(world.a, family.children["Lotte"], today - timedelta(days=300), today + timedelta(days=3))
    client = family.client(client_for)
    announcement = announce(world.a, "Zomerfeest", notified)
    feed = feed_path(client, world.a)

    clock(3)  # the last day of care
    assert_parent_here(family, client, announcement, feed, ["Lotte de Vries"])

    clock(4)  # the day after: the same session, nothing run in between
    assert_no_longer_parent_here(family, client, announcement, feed, ["Lotte de Vries"])
    announce(world.a, "Herfstfeest", notified)
    assert family.parent.pk not in notified[-1]
    assert me(client, MAIN) == (200, ["parent"]), "the own-data pages on the main domain stay hers"


def test_a_contract_ended_by_the_entrepreneur_ends_access_at_once(world, client_for):
    from tenants.contracts import services

    today = timezone.localdate()
    family = Family(world.a, "eva@ended.test", ["Lotte", "Sem"])
    lotte = contract(world.a, family.children["Lotte"], today - timedelta(days=300))
    contract(world.a, family.children["Sem"], today - timedelta(days=300), today - timedelta(days=30))
    client = family.client(client_for)
    assert overview(client)[world.a.location.name] == ["Lotte de Vries"], "Sem has left already"
    with in_schema(world.a):
        services.end_contract(lotte, end_date=today - timedelta(days=1), reason="test")
    assert me(client)[0] == 403
    assert world.a.location.name not in overview(client)


def test_a_new_contract_brings_the_parent_back(world, client_for):
    today = timezone.localdate()
    family = Family(world.a, "eva@back.test", ["Lotte"])
    contract(world.a, family.children["Lotte"], today - timedelta(days=300), today - timedelta(days=1))
    client = family.client(client_for)
    assert me(client)[0] == 403
    contract(world.a, family.children["Lotte"], today + timedelta(days=20))
    assert me(client) == (200, ["parent"]), "she must be able to read and sign the new contract"


def test_the_day_ends_in_the_locations_time_zone(world, client_for, monkeypatch):
    family = Family(world.a, "eva@midnight.test", ["Lotte"])
    contract(world.a, family.children["Lotte"], date(2025, 9, 1), date(2026, 3, 1))
    client = family.client(client_for)
    # 22:30 UTC is 23:30 in Amsterdam: still the last day; 23:30 UTC is already 2 March there.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 3, 1, 22, 30, tzinfo=UTC))
    assert me(client) == (200, ["parent"])
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    assert me(client)[0] == 403


# --- a granted deletion request ---------------------------------------------------------------


def test_a_granted_deletion_request_ends_the_membership_and_the_feed(world, client_for):
    from portal import services
    from tenants.children.models import Child

    family = Family(world.a, "eva@erase.test", ["Lotte"])
    client = family.client(client_for)
    feed = feed_path(client, world.a)
    request = services.request_deletion(family.parent, world.a.location, reason="We zijn verhuisd")
    services.handle_deletion(request, by=world.a.entrepreneur)
    assert not Membership.objects.get(user=family.parent, location=world.a.location, role="parent").is_active
    with in_schema(world.a):
        assert not Child.objects.filter(guardians=family.parent).exists()
    assert me(client)[0] == 403
    assert feed_status(world.a, feed) == 404
