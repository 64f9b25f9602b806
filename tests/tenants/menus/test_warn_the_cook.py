"""A child with an allergy present on a day whose menu holds that allergen gives a warning to the cook, on the
staff's start page and the menu page; a parent sees only warnings about her own child (issue 19 point 7). The child
is checked in today, so the test holds on any weekday and at any hour."""
from tests.tenants.menus.conftest import allergic, dish, here_today


def test_the_start_page_and_the_menu_warn_the_cook(world, client_for):
    allergic(world.a, ["milk"])
    today = here_today(world.a)
    dish(world.a, today)
    staff = client_for(world.a.staff, world.a)
    start = staff.get("/").content.decode()
    assert 'id="menu-today"' in start and f"{world.a.child_name} may not have Macaroni met kaas: Milk" in start
    week = staff.get(f"/meals/?week={today.isoformat()}").content.decode()
    assert f"{world.a.child_name} may not have Macaroni met kaas: Milk" in week
    check = client_for(world.a.entrepreneur, world.a).get(f"/api/v1/dishes/check/?date={today.isoformat()}").json()
    assert [(c["child"], c["allergens"]) for c in check["conflicts"]] == [(world.a.child_id, ["milk"])]


def test_no_warning_for_a_child_who_is_not_there_or_not_allergic_to_it(world, client_for):
    from tenants.attendance.selectors import local_today
    from tests.tenants.conftest import in_schema

    with in_schema(world.a):
        today = local_today()
    allergic(world.a, ["milk"])
    dish(world.a, today)
    staff = client_for(world.a.staff, world.a)
    assert "may not have" not in staff.get(f"/meals/?week={today.isoformat()}").content.decode()
    allergic(world.a, ["eggs"])
    here_today(world.a)
    assert "may not have" not in staff.get(f"/meals/?week={today.isoformat()}").content.decode()


def test_a_parent_reads_the_menu_but_no_other_childs_allergy(world, client_for):
    allergic(world.a, ["milk"])
    today = here_today(world.a)
    dish(world.a, today)
    other = client_for(world.two_location_parent, world.a).get(f"/meals/?week={today.isoformat()}").content.decode()
    assert "Macaroni met kaas" in other and world.a.child_name not in other
    own = client_for(world.a.parent, world.a).get(f"/meals/?week={today.isoformat()}").content.decode()
    assert f"{world.a.child_name} may not have Macaroni met kaas" in own
