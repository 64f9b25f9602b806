"""Staff see on the attendance tablet, the child's page and the consents overview what a child may not do; a
handover photo of a child without photo consent is refused, and the handover form warns (issue 19 point 6)."""
from tests.tenants.consents.helpers import give_consent
from tests.tenants.handover.conftest import png_upload, private_media  # noqa: F401 (fixture)


def test_the_tablet_and_the_childs_page_say_what_a_child_may_not_do(world, client_for):
    give_consent(world.a, "trips_outside", given=False)
    staff = client_for(world.a.staff, world.a)
    tablet = staff.get("/attendance/").content.decode()
    card = tablet[tablet.index(f'id="child-{world.a.child_id}"'):]
    card = card[:card.index("</li>")]
    assert "May not:" in card and "photos in the handover" in card and "trips outside" in card
    page = staff.get(f"/children/{world.a.child_id}/").content.decode()
    assert "May not:" in page and "photos in the handover" in page and "trips outside" in page
    overview = staff.get("/consents/").content.decode()
    assert "May not:" in overview and "trips outside" in overview


def test_a_handover_photo_without_consent_is_refused(world, client_for, private_media):  # noqa: F811
    staff = client_for(world.a.staff, world.a)
    form = staff.get(f"/handover/children/{world.a.child_id}/").content.decode()
    assert 'id="no-photo-consent"' in form
    page = staff.post(f"/handover/children/{world.a.child_id}/", {"eating": "Pap", "photo": png_upload()})
    assert page.status_code == 400 and "have not given consent to photos" in page.content.decode()
    give_consent(world.a)
    assert 'id="no-photo-consent"' not in staff.get(f"/handover/children/{world.a.child_id}/").content.decode()
    page = staff.post(f"/handover/children/{world.a.child_id}/", {"eating": "Pap", "photo": png_upload()})
    assert page.status_code == 302
