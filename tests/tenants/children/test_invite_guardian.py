"""The entrepreneur invites a guardian by e-mail; a known account (also from another location) is linked."""
from django.core import mail

from accounts.models import Membership, User
from tenants.children.models import Child, ChildChange
from tests.outbox.helpers import delivered
from tests.tenants.conftest import in_schema, make_child


def guardian_emails(site, child_id):
    with in_schema(site):
        return set(Child.objects.get(pk=child_id).guardians.values_list("email", flat=True))


def test_new_e_mail_makes_an_account_a_parent_membership_and_sends_an_invitation(
        world, api):
    child = make_child(world.a)
    with delivered():
        response = api(world.a.entrepreneur, world.a).post(
            f"/api/v1/children/{child.pk}/guardians/", {"email": "New.Mother@Example.test", "full_name": "New Mother"})
    assert response.status_code == 201, response.content
    user = User.objects.get(email="new.mother@example.test")
    assert Membership.objects.filter(user=user, location=world.a.location, role="parent", is_active=True).exists()
    assert guardian_emails(world.a, child.pk) == {"new.mother@example.test"}
    assert [m.to for m in mail.outbox] == [["new.mother@example.test"]]
    with in_schema(world.a):
        assert ChildChange.objects.filter(child_id=child.pk, action="guardian_added").exists()


def test_existing_account_from_another_location_is_linked_not_duplicated(
        world, api):
    child = make_child(world.a)
    users_before = User.objects.count()
    with delivered():
        response = api(world.a.entrepreneur, world.a).post(
            f"/api/v1/children/{child.pk}/guardians/", {"email": world.b.parent.email.upper()})
    assert response.status_code == 201, response.content
    assert response.json()["id"] == world.b.parent.pk
    assert User.objects.count() == users_before
    assert Membership.objects.filter(user=world.b.parent, location=world.a.location, role="parent").count() == 1
    assert guardian_emails(world.a, child.pk) == {world.b.parent.email}
    assert len(mail.outbox) == 1


def test_bad_input_is_a_field_error_and_stores_nothing(world, api):
    child = make_child(world.a)
    client = api(world.a.entrepreneur, world.a)
    assert "email" in client.post(f"/api/v1/children/{child.pk}/guardians/", {"email": "not-an-address"}).json()
    response = client.post(f"/api/v1/children/{child.pk}/guardians/", {"email": "nobody@example.test"})
    assert response.status_code == 400 and "full_name" in response.json()
    assert not User.objects.filter(email="nobody@example.test").exists()
    client.post(f"/api/v1/children/{child.pk}/guardians/", {"email": world.a.parent.email})
    again = client.post(f"/api/v1/children/{child.pk}/guardians/", {"email": world.a.parent.email})
    assert again.status_code == 400 and "email" in again.json()


def test_remove_guardian(world, api):
    child = make_child(world.a, guardians=[world.a.parent])
    client = api(world.a.entrepreneur, world.a)
    assert client.post(f"/api/v1/children/{child.pk}/remove-guardian/", {"user": world.a.parent.pk}).status_code == 204
    assert guardian_emails(world.a, child.pk) == set()
    assert client.post(f"/api/v1/children/{child.pk}/remove-guardian/", {"user": world.a.parent.pk}).status_code == 400


def test_only_the_entrepreneur_of_this_location_invites(world, api):
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        response = api(user, world.a).post(f"/api/v1/children/{world.a.child_id}/guardians/",
                                           {"email": "x@example.test", "full_name": "X"})
        assert response.status_code in (403, 404), user.email
        response = api(user, world.a).post(f"/api/v1/children/{world.a.child_id}/remove-guardian/",
                                           {"user": world.a.parent.pk})
        assert response.status_code in (403, 404), user.email
    assert not User.objects.filter(email="x@example.test").exists()


def test_page_invites_and_shows_errors_inline(world, client_for):
    child = make_child(world.a)
    client = client_for(world.a.entrepreneur, world.a)
    assert client.get(f"/children/{child.pk}/guardians/").status_code == 200
    bad = client.post(f"/children/{child.pk}/guardians/", {"email": "someone@example.test"})
    assert bad.status_code == 400 and 'aria-invalid="true"' in bad.content.decode()
    with delivered():
        ok = client.post(f"/children/{child.pk}/guardians/", {"email": "page.parent@example.test",
                                                              "full_name": "Page Parent"})
    assert ok.status_code == 302
    assert "Page Parent" in client.get(f"/children/{child.pk}/").content.decode()
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        assert client_for(user, world.a).post(f"/children/{child.pk}/guardians/",
                                              {"email": "z@example.test", "full_name": "Z"}).status_code == 403
