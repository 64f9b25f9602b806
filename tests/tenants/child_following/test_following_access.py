"""Isolation (issue 19 acceptance): staff of another location, an adviser, a guardian removed from the child and
the parent of another child cannot read an observation or summary; an adviser sees counts at most."""
from tests.conftest import make_user
from tests.tenants.child_following.conftest import observe, summarise
from tests.tenants.conftest import in_schema


def test_nobody_else_reads_an_observation_or_summary(world, groups, client_for, api):
    from accounts.models import Membership
    from tenants.children.models import Child
    from tenants.children.services import remove_guardian

    observation = observe(world, text="Kanarieobservatie")
    summary = summarise(world, text="Kanariesamenvatting")
    removed = make_user("oud@alpha.test", "Oude Voogd")
    Membership.objects.get_or_create(user=removed, location=world.a.location, role="parent")
    with in_schema(world.a):
        saartje = Child.objects.get(pk=world.a.child_id)
        saartje.guardians.add(removed)
        remove_guardian(saartje, removed, actor=world.a.entrepreneur)
    for user in (world.b.staff, world.b.entrepreneur, world.adviser, world.lead_adviser, removed,
                 world.two_location_parent):
        for path in (f"/following/children/{world.a.child_id}/", f"/following/summaries/{summary.pk}/",
                     f"/api/v1/observations/{observation.pk}/", f"/api/v1/following-summaries/{summary.pk}/",
                     "/api/v1/observations/", "/following/"):
            response = client_for(user, world.a).get(path)
            assert response.status_code in (200, 403, 404), (user, path)
            body = response.content.decode()
            assert "Kanarieobservatie" not in body and "Kanariesamenvatting" not in body, (user, path)
        assert api(user, world.a).get(f"/api/v1/observations/{observation.pk}/").status_code in (403, 404)


def test_the_parent_of_another_child_gets_404(world, groups, client_for, api):
    observation = observe(world)
    summary = summarise(world)
    client = client_for(world.two_location_parent, world.a)
    assert client.get(f"/following/children/{world.a.child_id}/").status_code == 404
    assert client.get(f"/following/summaries/{summary.pk}/").status_code == 404
    assert api(world.two_location_parent, world.a).get(f"/api/v1/observations/{observation.pk}/").status_code == 404


def test_an_adviser_sees_counts_only(world, groups, api):
    from tenants.child_following.selectors import counts

    observe(world)
    assert api(world.adviser, world.a).get("/api/v1/observations/").status_code == 403
    with in_schema(world.a):
        assert counts() == {"observations": 1, "summaries": 0, "children_followed": 1}
