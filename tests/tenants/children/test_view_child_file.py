"""Who reads what of a child file: staff see care info but medical notes only of their groups' children;
parents only their own children (also a parent of two locations); nobody anything of another location."""
from datetime import timedelta

import pytest
from django.utils import timezone

from tenants.groups.models import StaffProfile
from tenants.groups.services import add_shift, create_group
from tests.tenants.conftest import in_schema, make_child

NOTES = "Epilepsy: rescue medication in the red bag"


@pytest.fixture
def setup(world):
    """Two groups at A; Lotte in Vlinders (with medical notes), the staff member with a profile."""
    with in_schema(world.a):
        vlinders = create_group(name="Vlinders", kind="stamgroep")
        rupsen = create_group(name="Rupsen", kind="stamgroep")
        profile = StaffProfile.objects.create(user=world.a.staff)
    child = make_child(world.a, first_name="Lotte", group=vlinders, medical_notes=NOTES, allergies="Lactose",
                       bsn="111222333", guardians=[world.a.parent])
    return {"vlinders": vlinders, "rupsen": rupsen, "profile": profile, "child": child}


def staff_sees_notes(world, api, client_for, child) -> bool:
    detail = api(world.a.staff, world.a).get(f"/api/v1/children/{child.pk}/")
    assert detail.status_code == 200
    listing = api(world.a.staff, world.a).get("/api/v1/children/").content.decode()
    page = client_for(world.a.staff, world.a).get(f"/children/{child.pk}/").content.decode()
    assert "Lactose" in detail.content.decode() and "Lactose" in page  # care info always
    assert "bsn" not in detail.json() and "111222333" not in page and "111222333" not in listing
    seen = {"medical_notes" in detail.json(), NOTES in listing, NOTES in page}
    assert len(seen) == 1, "API detail, API list and page agree"
    return seen.pop()


def test_staff_outside_the_group_do_not_see_medical_notes(world, api, client_for, setup):
    with in_schema(world.a):
        setup["profile"].groups.set([setup["rupsen"]])
    assert staff_sees_notes(world, api, client_for, setup["child"]) is False


def test_staff_assigned_to_the_group_see_medical_notes(world, api, client_for, setup):
    with in_schema(world.a):
        setup["profile"].groups.set([setup["vlinders"]])
    assert staff_sees_notes(world, api, client_for, setup["child"]) is True


def test_staff_rostered_on_the_group_today_see_medical_notes_not_on_another_day(world, api, client_for, setup):
    today = timezone.localdate()
    with in_schema(world.a):
        add_shift(staff=setup["profile"], group=setup["vlinders"], date=today - timedelta(days=1),
                  start_time="08:00", end_time="12:00")
    assert staff_sees_notes(world, api, client_for, setup["child"]) is False
    with in_schema(world.a):
        add_shift(staff=setup["profile"], group=setup["vlinders"], date=today, start_time="08:00",
                  end_time="12:00")
    assert staff_sees_notes(world, api, client_for, setup["child"]) is True


def test_entrepreneur_and_the_childs_parent_see_the_whole_file(world, api, client_for, setup):
    for user in (world.a.entrepreneur, world.a.parent):
        data = api(user, world.a).get(f"/api/v1/children/{setup['child'].pk}/").json()
        assert data["medical_notes"] == NOTES and data["bsn"] == "111222333"
        assert NOTES in client_for(user, world.a).get(f"/children/{setup['child'].pk}/").content.decode()


def test_parent_sees_only_own_children(world, api, client_for, setup):
    other = make_child(world.a, first_name="Ander", medical_notes="secret")
    client = api(world.a.parent, world.a)
    assert client.get(f"/api/v1/children/{other.pk}/").status_code == 404
    assert client_for(world.a.parent, world.a).get(f"/children/{other.pk}/").status_code == 404
    assert client.get("/api/v1/children/").status_code == 403
    mine = {c["first_name"] for c in client.get("/api/v1/children/mine/").json()}
    assert mine == {"Saartje", "Lotte"}
    page = client_for(world.a.parent, world.a).get("/my-children/").content.decode()
    assert "Lotte" in page and "Ander" not in page


def test_parent_linked_at_two_locations_sees_only_own_children_at_each(world, api):
    for site, own in ((world.a, "Mila"), (world.b, "Finn")):
        client = api(world.two_location_parent, site)
        children = client.get("/api/v1/children/mine/").json()
        assert [c["first_name"] for c in children] == [own]
        assert client.get(f"/api/v1/children/{children[0]['id']}/").status_code == 200
        assert client.get(f"/api/v1/children/{site.child_id}/").status_code == 404  # Saartje / Bram


def test_staff_of_one_location_see_nothing_of_another(world, api, client_for, setup):
    for user in (world.b.staff, world.b.entrepreneur, world.b.parent):
        client = api(user, world.a)
        for path in ("/api/v1/children/", f"/api/v1/children/{setup['child'].pk}/", "/api/v1/children/mine/"):
            response = client.get(path)
            assert response.status_code == 403, (user.email, path)
            assert "Lotte" not in response.content.decode()
        page = client_for(user, world.a).get(f"/children/{setup['child'].pk}/")
        assert page.status_code == 403 and "Lotte" not in page.content.decode()
