"""The entrepreneur invites staff by e-mail: a staff membership and a staff profile with role and qualification."""
from django.core import mail

from accounts.models import Membership, User
from tenants.groups.models import Group, StaffProfile
from tests.outbox.helpers import delivered
from tests.tenants.conftest import in_schema


def test_invite_a_new_staff_member(world, api):
    with in_schema(world.a):
        group = Group.objects.create(name="Vlinders", kind="stamgroep")
    with delivered():
        response = api(world.a.entrepreneur, world.a).post("/api/v1/staff/", {
            "email": "Anouk@Example.test", "full_name": "Anouk de Boer", "job_role": "pm",
            "qualification": "MBO-3 Pedagogisch werk", "groups": [group.pk]})
    assert response.status_code == 201, response.content
    user = User.objects.get(email="anouk@example.test")
    assert Membership.objects.filter(user=user, location=world.a.location, role="staff", is_active=True).exists()
    with in_schema(world.a):
        profile = StaffProfile.objects.get(user=user)
        assert (profile.job_role, profile.qualification) == ("pm", "MBO-3 Pedagogisch werk")
        assert list(profile.groups.all()) == [group]
    assert [m.to for m in mail.outbox] == [["anouk@example.test"]]


def test_existing_account_of_another_location_is_reused(world, api):
    before = User.objects.count()
    response = api(world.a.entrepreneur, world.a).post("/api/v1/staff/", {"email": world.b.staff.email,
                                                                          "job_role": "substitute"})
    assert response.status_code == 201, response.content
    assert User.objects.count() == before
    assert Membership.objects.filter(user=world.b.staff, location=world.a.location, role="staff").exists()
    again = api(world.a.entrepreneur, world.a).post("/api/v1/staff/", {"email": world.b.staff.email})
    assert again.status_code == 400 and "email" in again.json()


def test_bad_input_stores_nothing(world, api):
    client = api(world.a.entrepreneur, world.a)
    assert "email" in client.post("/api/v1/staff/", {"email": "nope"}).json()
    assert "job_role" in client.post("/api/v1/staff/", {"email": "n@example.test", "full_name": "N",
                                                        "job_role": "boss"}).json()
    assert "full_name" in client.post("/api/v1/staff/", {"email": "n@example.test"}).json()
    assert not User.objects.filter(email="n@example.test").exists()


def test_edit_and_remove(world, api):
    client = api(world.a.entrepreneur, world.a)
    pk = client.post("/api/v1/staff/", {"email": "tim@example.test", "full_name": "Tim"}).json()["id"]
    assert client.patch(f"/api/v1/staff/{pk}/", {"qualification": "HBO Pedagogiek"}).json()["qualification"] == (
        "HBO Pedagogiek")
    assert "job_role" in client.patch(f"/api/v1/staff/{pk}/", {"job_role": "boss"}).json()
    assert client.delete(f"/api/v1/staff/{pk}/").status_code == 204
    tim = User.objects.get(email="tim@example.test")
    assert not Membership.objects.get(user=tim, location=world.a.location, role="staff").is_active
    assert client.get(f"/api/v1/staff/{pk}/").status_code == 404


def test_roles_and_locations(world, api, client_for):
    with in_schema(world.a):
        profile = StaffProfile.objects.create(user=world.a.staff)
    assert api(world.a.staff, world.a).get("/api/v1/staff/").status_code == 200
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        client = api(user, world.a)
        assert client.post("/api/v1/staff/", {"email": "q@example.test", "full_name": "Q"}).status_code == 403
        assert client.patch(f"/api/v1/staff/{profile.pk}/", {"qualification": "x"}).status_code == 403
        assert client.delete(f"/api/v1/staff/{profile.pk}/").status_code == 403
        assert client_for(user, world.a).post("/staff/invite/", {"email": "q@example.test"}).status_code == 403
        assert client_for(user, world.a).post(f"/staff/{profile.pk}/remove/").status_code == 403
    for user in (world.a.parent, world.b.staff):
        assert api(user, world.a).get("/api/v1/staff/").status_code == 403
        assert client_for(user, world.a).get("/staff/").status_code == 403
    assert not User.objects.filter(email="q@example.test").exists()


def test_pages(world, client_for):
    client = client_for(world.a.entrepreneur, world.a)
    assert "No staff members yet" in client.get("/staff/").content.decode()
    bad = client.post("/staff/invite/", {"email": "x", "job_role": "pm"})
    assert bad.status_code == 400 and 'aria-invalid="true"' in bad.content.decode()
    with delivered():
        ok = client.post("/staff/invite/", {"email": "eva@example.test", "full_name": "Eva Staff", "job_role": "pm",
                                            "qualification": "MBO-4"})
    assert ok.status_code == 302 and len(mail.outbox) == 1
    assert "Eva Staff" in client_for(world.a.staff, world.a).get("/staff/").content.decode()
    with in_schema(world.a):
        pk = StaffProfile.objects.get(user__email="eva@example.test").pk
    assert client.post(f"/staff/{pk}/edit/", {"job_role": "coach", "qualification": "HBO"}).status_code == 302
    assert client.post(f"/staff/{pk}/remove/").status_code == 302
    assert "Eva Staff no longer works here." in client.get("/staff/").content.decode()  # the message, once
    assert "Eva Staff" not in client.get("/staff/").content.decode()
