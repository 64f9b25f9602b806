"""Staff see today's children, those whose handover is not yet written first."""
from tenants.attendance.selectors import local_today
from tests.tenants.conftest import in_schema


def test_children_checked_in_today_without_a_handover_are_listed_first(world, client_for, api):
    from tenants.attendance import services as attendance
    from tenants.children.models import Child
    from tenants.handover import services

    with in_schema(world.a):
        saartje = Child.objects.get(pk=world.a.child_id)
        mila = Child.objects.get(first_name="Mila")
        attendance.check_in(saartje, by=world.a.staff)
        attendance.check_in(mila, by=world.a.staff)
        services.write_handover(mila, day=local_today(), by=world.a.staff, eating="Alles op")
    missing = api(world.a.staff, world.a).get("/api/v1/handovers/missing/").json()
    assert [row["full_name"] for row in missing] == [world.a.child_name]
    html = client_for(world.a.staff, world.a).get("/handover/").content.decode()
    assert html.index(world.a.child_name) < html.index("Mila Jansen")
    assert "1 child still needs a handover." in html


def test_a_parent_is_sent_to_their_own_handovers(world, client_for):
    response = client_for(world.a.parent, world.a).get("/handover/")
    assert response.status_code == 302 and response["Location"] == "/handover/mine/"


def test_the_missing_list_is_not_for_parents(world, api):
    assert api(world.a.parent, world.a).get("/api/v1/handovers/missing/").status_code == 403
