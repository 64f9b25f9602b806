"""A parent gives and withdraws consents for her child on her phone; each decision is kept with its date and the
version of the text; a new text asks again; nobody else decides (issue 19 point 6)."""
from tests.tenants.conftest import in_schema
from tests.tenants.consents.helpers import give_consent


def decisions(site):
    from tenants.consents.models import ConsentDecision

    with in_schema(site):
        return [(d.kind, d.given, d.text.version) for d in ConsentDecision.objects.order_by("pk")]


def may(site, kind, child_id=None):
    from tenants.consents import selectors

    with in_schema(site):
        return selectors.may(child_id or site.child_id, kind)


def test_a_parent_gives_and_withdraws_with_the_history_kept(world, client_for):
    client = client_for(world.a.parent, world.a)
    page = client.get(f"/consents/children/{world.a.child_id}/")
    assert page.status_code == 200 and "Text version 1" in page.content.decode()
    assert not may(world.a, "handover_photos")
    assert client.post(f"/consents/children/{world.a.child_id}/",
                       {"kind": "handover_photos", "version": 1, "given": "1"}).status_code == 302
    assert may(world.a, "handover_photos")
    assert client.post(f"/consents/children/{world.a.child_id}/",
                       {"kind": "handover_photos", "version": 1, "given": "0"}).status_code == 302
    assert not may(world.a, "handover_photos")
    assert decisions(world.a) == [("handover_photos", True, 1), ("handover_photos", False, 1)]
    history = client.get(f"/consents/children/{world.a.child_id}/").content.decode()
    assert history.count("text version 1") == 2 and "withdrawn" in history


def test_a_new_text_asks_again(world, client_for):
    give_consent(world.a, "website_photos")
    assert may(world.a, "website_photos")
    page = client_for(world.a.entrepreneur, world.a).post("/consents/texts/", {
        "kind": "website_photos", "text": "Foto's op de website en op Instagram."})
    assert page.status_code == 302
    assert not may(world.a, "website_photos")
    stale = client_for(world.a.parent, world.a).post(f"/consents/children/{world.a.child_id}/",
                                                     {"kind": "website_photos", "version": 1, "given": "1"})
    assert stale.status_code == 400 and "The text has changed" in stale.content.decode()
    give_consent(world.a, "website_photos")
    assert may(world.a, "website_photos")
    assert decisions(world.a) == [("website_photos", True, 1), ("website_photos", True, 2)]


def test_nobody_but_the_childs_parents_decides(world, client_for, api):
    url = f"/consents/children/{world.a.child_id}/"
    data = {"kind": "webcam", "version": 1, "given": "1"}
    assert client_for(world.two_location_parent, world.a).post(url, data).status_code == 404
    assert client_for(world.a.staff, world.a).post(url, data).status_code == 400
    assert client_for(world.b.staff, world.a).get(url).status_code == 403
    assert client_for(world.adviser, world.a).get(url).status_code in (302, 403)
    assert api(world.two_location_parent, world.a).post(
        "/api/v1/consents/", {"child": world.a.child_id, "kind": "webcam", "given": True}).status_code == 400
    assert client_for(world.a.staff, world.a).get("/consents/texts/").status_code == 403
    assert decisions(world.a) == []


def test_the_api_gives_decides_and_answers_only_for_own_children(world, api):
    parent = api(world.a.parent, world.a)
    made = parent.post("/api/v1/consents/", {"child": world.a.child_id, "kind": "sunscreen", "given": True})
    assert made.status_code == 201 and made.json()["text_version"] == 1
    bad = parent.post("/api/v1/consents/", {"child": world.a.child_id, "kind": "tattoos", "given": True})
    assert bad.status_code == 400 and "kind" in bad.json()
    allowed = parent.get("/api/v1/consents/allowed/").json()
    assert allowed[str(world.a.child_id)]["sunscreen"] is True
    other = api(world.two_location_parent, world.a)
    assert str(world.a.child_id) not in other.get("/api/v1/consents/allowed/").json()
    listed = other.get("/api/v1/consents/").json()
    assert (listed.get("results") if isinstance(listed, dict) else listed) == []
    assert api(world.b.staff, world.a).get("/api/v1/consents/").status_code == 403
