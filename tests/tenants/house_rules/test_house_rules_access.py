"""Who reads the house rules: everyone at the location (entrepreneur, staff, parents); not the staff of another
location, an adviser or a guardian removed from her only child. Who acknowledged is for the entrepreneur only."""
from datetime import date

from tests.conftest import make_user
from tests.tenants.conftest import in_schema, make_child


def test_members_of_the_location_read_the_house_rules(world, client_for, first_version):
    for user in (world.a.entrepreneur, world.a.staff, world.a.parent, world.two_location_parent):
        response = client_for(user, world.a).get("/house-rules/")
        assert response.status_code == 200 and "Artikel 1" in client_for(user, world.a).get(
            f"/house-rules/{first_version.pk}/").content.decode()


def test_others_are_refused(world, client_for, api, first_version):
    from accounts.models import Membership
    from tenants.children.services import remove_guardian

    removed = make_user("weg@alpha.test", "Weg Ouder")
    Membership.objects.create(user=removed, location=world.a.location, role="parent")
    child = make_child(world.a, first_name="Weg", guardians=[removed])
    with in_schema(world.a):
        remove_guardian(child, removed, actor=world.a.entrepreneur)
    for user in (world.b.staff, world.b.entrepreneur, world.adviser, removed):
        assert client_for(user, world.a).get("/house-rules/").status_code == 403
        assert client_for(user, world.a).get(f"/house-rules/{first_version.pk}/").status_code == 403
        assert api(user, world.a).get("/api/v1/house-rules/").status_code == 403
        assert client_for(user, world.a).post(f"/house-rules/{first_version.pk}/acknowledge/").status_code == 403


def test_only_the_entrepreneur_announces_and_corrects(world, client_for, api, first_version):
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        assert client_for(user, world.a).get("/house-rules/new/").status_code == 403
        assert client_for(user, world.a).post(f"/house-rules/{first_version.pk}/correct/",
                                              {"effective_on": "2030-01-01"}).status_code == 403
        assert api(user, world.a).post(f"/api/v1/house-rules/{first_version.pk}/correct/",
                                       {"effective_on": "2030-01-01"}).status_code == 403


def test_a_parent_does_not_see_who_else_acknowledged(world, client_for, api, first_version):
    api(world.two_location_parent, world.a).post(f"/api/v1/house-rules/{first_version.pk}/acknowledge/")
    page = client_for(world.a.parent, world.a).get(f"/house-rules/{first_version.pk}/").content.decode()
    assert world.two_location_parent.full_name not in page


def test_bad_input_names_the_field(world, client_for, first_version):
    from tests.tenants.house_rules.conftest import announce

    version = announce(world.a, summary="x", effective_on=date(2030, 1, 1))
    response = client_for(world.a.entrepreneur, world.a).post(f"/house-rules/{version.pk}/correct/",
                                                              {"effective_on": "31-12-2030x"})
    assert response.status_code == 400 and "effective_on" in response.context["form"].errors
