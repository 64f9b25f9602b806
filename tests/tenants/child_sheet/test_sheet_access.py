"""Who reads and changes an information sheet: staff and the entrepreneur of the location read every child's;
a parent reads and changes only her own child's; staff do not change it (the parents do); an adviser, staff of
another location and a guardian removed from the child see nothing."""
from tests.tenants.conftest import in_schema


def plant(world):
    from tenants.child_sheet import services
    from tenants.children.models import Child

    with in_schema(world.a):
        services.update_sheet(Child.objects.get(pk=world.a.child_id), actor=world.a.parent,
                              conditions="Kanarieaandoening")


def test_who_reads_the_sheet(world, client_for):
    plant(world)
    url = f"/children/{world.a.child_id}/sheet/"
    for user in (world.a.staff, world.a.entrepreneur, world.a.parent):
        page = client_for(user, world.a).get(url)
        assert page.status_code == 200 and b"Kanarieaandoening" in page.content
    for user in (world.adviser, world.b.staff, world.b.entrepreneur, world.two_location_parent, world.coop_admin):
        page = client_for(user, world.a).get(url)
        assert page.status_code in (403, 404) and b"Kanarieaandoening" not in page.content
    for user in (world.adviser, world.b.staff, world.a.parent):
        assert client_for(user, world.a).get("/sheets/").status_code == 403


def test_who_changes_the_sheet(world, client_for):
    edit = f"/children/{world.a.child_id}/sheet/edit/"
    assert client_for(world.a.staff, world.a).post(edit, {"conditions": "x"}).status_code == 403
    assert client_for(world.two_location_parent, world.a).post(edit, {"conditions": "x"}).status_code == 403
    assert client_for(world.b.staff, world.a).post(edit, {"conditions": "x"}).status_code == 403
    assert client_for(world.a.entrepreneur, world.a).post(edit, {"conditions": "Asthma"}).status_code == 302
    for path in ("contacts/", "pickup/"):
        assert client_for(world.a.staff, world.a).get(
            f"/children/{world.a.child_id}/sheet/{path}").status_code == 403


def test_a_removed_guardian_sees_nothing(world, client_for):
    from tenants.children.models import Child
    from tenants.children.services import remove_guardian

    plant(world)
    with in_schema(world.a):
        remove_guardian(Child.objects.get(pk=world.a.child_id), world.a.parent)
    page = client_for(world.a.parent, world.a).get(f"/children/{world.a.child_id}/sheet/")
    assert page.status_code in (403, 404) and b"Kanarieaandoening" not in page.content
    assert client_for(world.a.parent, world.a).post(f"/children/{world.a.child_id}/sheet/edit/", {
        "conditions": "x"}).status_code in (403, 404)
