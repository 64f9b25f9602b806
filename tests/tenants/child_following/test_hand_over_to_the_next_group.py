"""Observations go to the next group (or another location) only with the parent's consent (issue 19 point 8;
seed 003 §5.1.2 the move to the next group): the new group's staff see the earlier group's observations once a
parent consented, and no longer after she withdraws it; an export for another location needs its own consent."""
import json

from tests.tenants.child_following.conftest import move_to, observe


def _seen_by(api, user, world):
    return [row["text"] for row in api(user, world.a).get("/api/v1/observations/").json()["results"]]


def test_the_next_group_sees_the_observations_only_with_consent(world, groups, api, client_for):
    observe(world, text="Eerste stapjes")
    move_to(world, groups.next)
    assert _seen_by(api, groups.other_staff, world) == []
    page = client_for(groups.other_staff, world.a).get(f"/following/children/{world.a.child_id}/").content.decode()
    assert "Eerste stapjes" not in page
    parent = client_for(world.a.parent, world.a)
    assert parent.post(f"/following/children/{world.a.child_id}/consent/",
                       {"scope": "next_group", "give": "on"}).status_code == 302
    assert _seen_by(api, groups.other_staff, world) == ["Eerste stapjes"]
    assert _seen_by(api, world.a.staff, world) == ["Eerste stapjes"]  # the group it was written in
    assert parent.post(f"/following/children/{world.a.child_id}/consent/",
                       {"scope": "next_group"}).status_code == 302
    assert _seen_by(api, groups.other_staff, world) == []


def test_only_a_parent_of_the_child_consents(world, groups, client_for):
    from tenants.child_following.models import Consent
    from tests.tenants.conftest import in_schema

    for user in (world.a.staff, world.two_location_parent):
        response = client_for(user, world.a).post(f"/following/children/{world.a.child_id}/consent/",
                                                  {"scope": "next_group", "give": "on"})
        assert response.status_code in (403, 404)
    with in_schema(world.a):
        assert not Consent.objects.exists()


def test_an_export_for_another_location_needs_the_parents_consent(world, groups, client_for):
    observe(world, text="Eet zelfstandig met een lepel", area="self_care")
    owner = client_for(world.a.entrepreneur, world.a)
    refused = owner.get(f"/following/children/{world.a.child_id}/export/")
    assert refused.status_code == 302
    client_for(world.a.parent, world.a).post(f"/following/children/{world.a.child_id}/consent/",
                                             {"scope": "other_location", "give": "on"})
    export = owner.get(f"/following/children/{world.a.child_id}/export/")
    assert export.status_code == 200 and export["Content-Disposition"].startswith("attachment")
    data = json.loads(export.content)
    assert [o["text"] for o in data["observations"]] == ["Eet zelfstandig met een lepel"]
    assert data["consent"]["given_by"] == world.a.parent.full_name
    assert client_for(world.a.staff, world.a).get(f"/following/children/{world.a.child_id}/export/").status_code == 403
