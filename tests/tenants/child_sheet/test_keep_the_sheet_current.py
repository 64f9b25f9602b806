"""Parents keep the information sheet current from their phone (seed 003 §6.2); staff see a change highlighted
until they have looked (or for a week); the sheet belongs to the child and goes along to the next group."""
from datetime import timedelta

from django.utils import timezone

from tests.tenants.child_sheet.conftest import png_upload
from tests.tenants.conftest import in_schema


def test_a_parent_updates_the_sheet_and_staff_see_it_highlighted_once(world, client_for):
    parent = client_for(world.a.parent, world.a)
    url = f"/children/{world.a.child_id}/sheet/"
    assert parent.post(url + "edit/", {"allergens": ["strawberry"]}).status_code == 400
    response = parent.post(url + "edit/", {"gp_name": "Dr. Peeters", "health_insurer": "CM", "allergens": [
        "peanuts", "milk"], "allergies": "Kiwi: rash", "diets": ["halal"], "conditions": "Asthma",
        "watch_for": "Wheezing after running"})
    assert response.status_code == 302
    staff = client_for(world.a.staff, world.a)
    listed = staff.get("/sheets/").content.decode()
    assert "sheet-changed" in listed and "Peanuts, Milk" in listed
    first = staff.get(url).content.decode()
    assert 'id="sheet-changed"' in first and first.count('class="changed"') >= 4
    assert "Peanuts, Milk" in first and "Kiwi: rash" in first and "Wheezing after running" in first
    second = staff.get(url).content.decode()
    assert 'id="sheet-changed"' not in second and 'class="changed"' not in second
    assert "sheet-changed" not in staff.get("/sheets/").content.decode()
    # Another staff member has not looked yet: for her it is still new.
    assert 'id="sheet-changed"' in client_for(world.a.entrepreneur, world.a).get(url).content.decode()


def test_a_change_older_than_a_week_is_no_longer_highlighted(world, db):
    from tenants.child_sheet import selectors, services
    from tenants.children.models import Child, ChildChange

    with in_schema(world.a):
        child = Child.objects.get(pk=world.a.child_id)
        services.update_sheet(child, actor=world.a.parent, conditions="Eczema")
        assert selectors.changed_fields(world.a.staff, child) == {"conditions"}
        ChildChange.objects.filter(child=child).update(at=timezone.now() - timedelta(days=8))
        assert selectors.changed_fields(world.a.staff, child) == set()


def test_pick_up_persons_with_photo_and_code_word(world, client_for, private_media):
    parent = client_for(world.a.parent, world.a)
    refused = parent.post(f"/children/{world.a.child_id}/sheet/pickup/", {"name": "Oma Jet", "relation": "grandmother"})
    assert refused.status_code == 400 and b"phone" in refused.content.lower()
    response = parent.post(f"/children/{world.a.child_id}/sheet/pickup/", {
        "name": "Oma Jet", "relation": "grandmother", "phone": "0612345678", "code_word": "zonnebloem",
        "photo": png_upload()})
    assert response.status_code == 302
    page = client_for(world.a.staff, world.a).get(f"/children/{world.a.child_id}/sheet/").content.decode()
    assert "zonnebloem" in page and "Oma Jet" in page
    with in_schema(world.a):
        from tenants.children.models import PickupPerson

        person = PickupPerson.objects.get(name="Oma Jet")
    photo = client_for(world.a.staff, world.a).get(f"/sheet/pickup/{person.pk}/photo/")
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    assert client_for(world.two_location_parent, world.a).get(f"/sheet/pickup/{person.pk}/photo/").status_code == 403
    assert client_for(world.b.staff, world.a).get(f"/sheet/pickup/{person.pk}/photo/").status_code == 403
    bad = parent.post(f"/children/{world.a.child_id}/sheet/pickup/", {
        "name": "Buurman", "relation": "neighbour", "phone": "0612345679", "photo": png_upload("x.gif").__class__(
            "x.gif", b"GIF89a", content_type="image/gif")})
    assert bad.status_code == 400 and b"Only JPEG, PNG or WebP" in bad.content
    disguised = parent.post(f"/children/{world.a.child_id}/sheet/pickup/", {
        "name": "Buurman", "relation": "neighbour", "phone": "0612345679", "photo": png_upload("x.png").__class__(
            "x.png", b"<html>not an image</html>", content_type="image/png")})
    assert disguised.status_code == 400 and b"Only JPEG, PNG or WebP" in disguised.content


def test_emergency_contacts(world, client_for):
    parent = client_for(world.a.parent, world.a)
    url = f"/children/{world.a.child_id}/sheet/contacts/"
    assert parent.post(url, {"name": "Opa Kees"}).status_code == 400
    assert parent.post(url, {"name": "Opa Kees", "relation": "grandfather", "phone": "0611111111"}).status_code == 302
    assert "Opa Kees" in client_for(world.a.staff, world.a).get(f"/children/{world.a.child_id}/sheet/").content.decode()


def test_the_sheet_goes_along_to_the_next_group(world, db):
    from tenants.child_sheet import selectors, services
    from tenants.children.models import Child
    from tenants.children.services import update_child
    from tenants.groups.models import Group

    with in_schema(world.a):
        child = Child.objects.get(pk=world.a.child_id)
        services.update_sheet(child, actor=world.a.parent, allergens=["eggs"])
        group = Group.objects.create(name="Dolfijnen", kind=Group.Kind.choices[0][0])
        update_child(child, group=group)
        assert selectors.allergens_by_child([child.pk]) == {child.pk: {"eggs"}}


def test_the_change_log_names_the_sheets_fields(world, client_for):
    parent = client_for(world.a.parent, world.a)
    parent.post(f"/children/{world.a.child_id}/sheet/contacts/", {"name": "Opa Kees", "phone": "0611111111"})
    parent.post(f"/children/{world.a.child_id}/sheet/edit/", {"allergens": ["eggs"], "health_insurer": "VGZ"})
    page = client_for(world.a.entrepreneur, world.a).get(f"/children/{world.a.child_id}/changes/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "emergency contacts" in text and "allergens" in text and "Eggs" in text
