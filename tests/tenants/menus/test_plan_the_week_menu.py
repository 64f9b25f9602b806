"""Staff put the week's dishes on the menu with their allergens; bad input names the field; only the location's
staff and entrepreneur change it (issue 19 point 7)."""
from datetime import date

from tests.tenants.conftest import in_schema

DAY = "2026-12-07"


def dishes(site):
    from tenants.menus.models import Dish

    with in_schema(site):
        return [(d.meal, d.name, d.allergens) for d in Dish.objects.all()]


def test_staff_add_and_remove_a_dish(world, client_for):
    staff = client_for(world.a.staff, world.a)
    page = staff.post(f"/meals/{DAY}/", {"meal": "lunch", "name": "Vissticks met puree",
                                        "allergens": ["milk", "fish", "gluten"]})
    assert page.status_code == 302
    assert dishes(world.a) == [("lunch", "Vissticks met puree", ["gluten", "fish", "milk"])]  # Annex II order
    week = staff.get(f"/meals/?week={DAY}").content.decode()
    assert "Vissticks met puree" in week and "contains" in week
    with in_schema(world.a):
        from tenants.menus.models import Dish

        pk = Dish.objects.get().pk
    assert staff.post(f"/meals/{DAY}/", {"remove": pk}).status_code == 302
    assert dishes(world.a) == []


def test_bad_input_names_the_field(world, client_for, api):
    staff = client_for(world.a.staff, world.a)
    page = staff.post(f"/meals/{DAY}/", {"meal": "lunch", "name": "", "allergens": ["kiwi"]})
    assert page.status_code == 400 and 'id="id_name_error"' in page.content.decode()
    assert staff.get("/meals/morgen/").status_code == 404
    client = api(world.a.staff, world.a)
    answer = client.post("/api/v1/dishes/", {"date": DAY, "meal": "dinner", "name": "Soep", "allergens": ["kiwi"]})
    assert answer.status_code == 400 and {"meal", "allergens"} <= set(answer.json())
    assert client.get("/api/v1/dishes/check/?date=morgen").status_code == 400
    assert client.get("/api/v1/dishes/?start=gisteren").status_code == 400
    assert dishes(world.a) == []


def test_the_api_lists_adds_and_deletes(world, api):
    client = api(world.a.entrepreneur, world.a)
    made = client.post("/api/v1/dishes/", {"date": DAY, "meal": "soup", "name": "Tomatensoep",
                                           "allergens": ["celery"]})
    assert made.status_code == 201
    listed = client.get(f"/api/v1/dishes/?start={DAY}&end={DAY}").json()
    rows = listed.get("results", listed) if isinstance(listed, dict) else listed
    assert [row["name"] for row in rows] == ["Tomatensoep"]
    assert api(world.a.parent, world.a).get(f"/api/v1/dishes/?start={DAY}").status_code == 200
    assert client.delete(f"/api/v1/dishes/{made.json()['id']}/").status_code == 204


def test_only_the_locations_workers_change_the_menu(world, client_for, api):
    data = {"meal": "lunch", "name": "Pannenkoeken", "allergens": ["eggs"]}
    assert client_for(world.a.parent, world.a).post(f"/meals/{DAY}/", data).status_code == 403
    assert client_for(world.b.staff, world.a).post(f"/meals/{DAY}/", data).status_code == 403
    assert client_for(world.b.staff, world.a).get("/meals/").status_code == 403
    assert api(world.a.parent, world.a).post("/api/v1/dishes/", {"date": DAY, **data}).status_code == 403
    assert api(world.b.staff, world.a).get("/api/v1/dishes/").status_code == 403
    assert api(world.a.parent, world.a).get(f"/api/v1/dishes/check/?date={DAY}").status_code == 403
    assert client_for(world.adviser, world.a).get("/meals/").status_code in (302, 403)
    assert dishes(world.a) == [] and date.fromisoformat(DAY).weekday() == 0
