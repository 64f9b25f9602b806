"""The entrepreneur removes a guardian from a child's file: the page says beforehand when it is the person's
last child here, and afterwards what the removal meant (still a parent through another child, still working
here, or no access here at all); the change log records who removed whom and when."""
from html import unescape

from accounts.models import Membership
from tenants.children.models import ChildChange
from tests.tenants.conftest import in_schema, make_child


def remove(client, child, user):
    """The page after the removal, as text (the flash message escapes its apostrophe)."""
    return unescape(client.post(f"/children/{child.pk}/guardians/remove/", {"user": user.pk}, follow=True)
                    .content.decode())


def test_the_page_warns_when_it_is_the_last_child_here(world, client_for):
    child = make_child(world.a, guardians=[world.a.parent, world.b.parent])
    page = unescape(client_for(world.a.entrepreneur, world.a).get(f"/children/{child.pk}/").content.decode())
    warning = "Last child here: once removed, {} no longer has access to this location as a parent."
    assert warning.format(world.b.parent.full_name) in page
    assert warning.format(world.a.parent.full_name) not in page, "she has Saartje here too"
    staff_page = client_for(world.a.staff, world.a).get(f"/children/{child.pk}/").content.decode()
    assert "Last child here" not in staff_page


def test_after_the_removal_the_page_says_what_it_meant(world, client_for):
    child = make_child(world.a, guardians=[world.a.parent, world.b.parent, world.a.staff])
    client = client_for(world.a.entrepreneur, world.a)
    assert "The guardian was removed from this child's file." in remove(client, child, world.a.parent)
    assert (f"Removed from this child's file: {world.b.parent.full_name} no longer has access to this location."
            in remove(client, child, world.b.parent))
    assert (f"Removed from this child's file: {world.a.staff.full_name} is no longer a parent here; the other roles "
            "at this location stay." in remove(client, child, world.a.staff))
    assert not Membership.objects.get(user=world.b.parent, location=world.a.location, role="parent").is_active
    assert Membership.objects.get(user=world.a.parent, location=world.a.location, role="parent").is_active


def test_the_change_log_records_who_removed_whom(world, api):
    child = make_child(world.a, guardians=[world.b.parent])
    response = api(world.a.entrepreneur, world.a).post(f"/api/v1/children/{child.pk}/remove-guardian/",
                                                       {"user": world.b.parent.pk})
    assert response.status_code == 204
    log = api(world.a.entrepreneur, world.a).get(f"/api/v1/children/{child.pk}/changes/").json()["results"]
    person = f"{world.b.parent.full_name} <{world.b.parent.email}>"
    assert {(e["action"], e["old_value"]) for e in log} >= {("guardian_removed", person),
                                                           ("parent_access_ended", person)}
    with in_schema(world.a):
        entries = ChildChange.objects.filter(child=child, action__in=["guardian_removed", "parent_access_ended"])
        assert {(e.actor_id, e.actor_name) for e in entries} == {(world.a.entrepreneur.pk,
                                                                  world.a.entrepreneur.full_name)}
        assert all(e.at is not None for e in entries)
