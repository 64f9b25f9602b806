"""Reporting a concern at a location: the form, the API, bad input, who may report, the reporter's status."""
from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from safeguarding.models import Case
from tenants.children.models import Child
from tenants.children.services import create_child

from .conftest import DESCRIPTION, PLACE, yesterday


def form_data(site, **overrides):
    data = {"route": "1", "children": [str(site.child_id)], "observed_on": yesterday().isoformat(),
            "observed_place": PLACE, "description": DESCRIPTION}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def api_data(site, **overrides):
    data = {"route": 1, "children": [site.child_id], "observed_on": yesterday().isoformat(),
            "observed_place": PLACE, "description": DESCRIPTION}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_form_lists_the_children_of_this_location_only(world, client_for):
    page = client_for(world.a.staff, world.a).get("/meldcode/report/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Saartje Verbeek" in html and "Mila Jansen" in html
    assert "Bram Verbeek" not in html and "Finn Jansen" not in html
    # Route 2: the people of the location and a housemate
    assert "Staff alpha" in html and "Owner alpha" in html and 'value="housemate"' in html
    assert "Staff beta" not in html


def test_a_parent_chooses_only_her_own_children(world, client_for):
    html = client_for(world.two_location_parent, world.a).get("/meldcode/report/").content.decode()
    assert "Mila Jansen" in html
    assert "Saartje Verbeek" not in html


@pytest.mark.parametrize("who", ["staff", "entrepreneur", "parent"])
def test_staff_entrepreneur_and_parent_can_report_on_the_page(world, client_for, who,
                                                              django_capture_on_commit_callbacks):
    site = world.a
    user = getattr(site, who)
    child = site.child_id
    if who == "parent":
        with schema_context(site.location.schema_name):
            child = Child.objects.get(first_name="Saartje").pk  # the parent of A is Saartje's guardian
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user, site).post("/meldcode/report/", form_data(site, children=[str(child)]))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == "/meldcode/my-reports/"
    case = Case.objects.get(reporter=user)
    assert case.location == site.location and case.route == 1 and case.child_ids == [child]
    assert case.description == DESCRIPTION and case.observed_place == PLACE
    assert case.child_names == "Saartje Verbeek"
    assert case.reporter_role == who and case.status == "received"
    assert case.location_kind == "kdv"


def test_report_through_the_api(world, client_for):
    response = client_for(world.a.staff, world.a).post("/api/v1/meldcode/reports/", api_data(world.a),
                                                       content_type="application/json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == {"id", "reference", "route", "status", "status_label", "reported_on"}
    assert body["status"] == "received"
    assert Case.objects.get(pk=body["id"]).description == DESCRIPTION


def test_route_2_about_a_housemate_keeps_name_and_relation(world, client_for):
    data = form_data(world.a, route="2", subject="housemate", housemate_name="Gerrit Huisgenootsma",
                     housemate_relation="partner")
    response = client_for(world.a.staff, world.a).post("/meldcode/report/", data)
    assert response.status_code == 302
    case = Case.objects.get(reporter=world.a.staff)
    assert (case.subject_kind, case.subject_name, case.subject_relation) == (
        "housemate", "Gerrit Huisgenootsma", "partner")
    assert case.subject_user is None and not case.routed_to_entrepreneur


def other_location_child_id(world) -> int:
    """An id of a child at B that does not exist at A (ids are per schema, so make one if they collide)."""
    with schema_context(world.a.location.schema_name):
        ids_a = set(Child.objects.values_list("pk", flat=True))
    with schema_context(world.b.location.schema_name):
        while True:
            child = create_child(first_name="Ander", last_name="Kind", birth_date=date(2023, 1, 1))
            if child.pk not in ids_a:
                return child.pk


BAD = {
    "no route": ({"route": None}, "route"),
    "route 2 without the person concerned": ({"route": "2"}, "subject"),
    "route 2 housemate without a name": ({"route": "2", "subject": "housemate", "housemate_relation": "zoon"},
                                         "housemate_name"),
    "an empty description": ({"description": "   "}, "description"),
    "no child": ({"children": None}, "children"),
    "a date in the future": ({"observed_on": (timezone.localdate() + timedelta(days=2)).isoformat()}, "observed_on"),
    "no place": ({"observed_place": ""}, "observed_place"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_input_on_the_page_gets_a_field_error_and_stores_nothing(world, client_for, case):
    overrides, field = BAD[case]
    response = client_for(world.a.staff, world.a).post("/meldcode/report/", form_data(world.a, **overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors, response.context["form"].errors
    assert not Case.objects.exists()


def test_a_child_of_another_location_is_refused_on_the_page_and_the_api(world, client_for):
    other = other_location_child_id(world)
    client = client_for(world.a.staff, world.a)
    page = client.post("/meldcode/report/", form_data(world.a, children=[str(other)]))
    assert page.status_code == 400 and "children" in page.context["form"].errors
    api = client.post("/api/v1/meldcode/reports/", api_data(world.a, children=[other]),
                      content_type="application/json")
    assert api.status_code == 400 and "children" in api.json()
    assert not Case.objects.exists()


API_BAD = {
    "no route": ({"route": None}, "route"),
    "route 2 without the person concerned": ({"route": 2}, "subject"),
    "an empty description": ({"description": ""}, "description"),
    "a person of another location": ({"route": 2, "subject": "B"}, "subject"),
}


@pytest.mark.parametrize("case", list(API_BAD), ids=list(API_BAD))
def test_bad_input_on_the_api_is_a_400_with_the_field_and_stores_nothing(world, client_for, case):
    overrides, field = API_BAD[case]
    if overrides.get("subject") == "B":
        overrides = {**overrides, "subject": world.b.staff.pk}
    response = client_for(world.a.staff, world.a).post("/api/v1/meldcode/reports/", api_data(world.a, **overrides),
                                                       content_type="application/json")
    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert not Case.objects.exists()


def test_a_parent_cannot_report_about_a_child_that_is_not_hers_through_the_api(world, client_for):
    with schema_context(world.a.location.schema_name):
        not_hers = Child.objects.get(first_name="Saartje").pk
    response = client_for(world.two_location_parent, world.a).post(
        "/api/v1/meldcode/reports/", api_data(world.a, children=[not_hers]), content_type="application/json")
    assert response.status_code == 400 and "children" in response.json()
    assert not Case.objects.exists()


@pytest.mark.parametrize("who", ["coop_admin", "adviser", "pedagogue", "b_staff", "anonymous"])
def test_only_members_of_the_location_can_report(world, client_for, who):
    user = None if who == "anonymous" else world.b.staff if who == "b_staff" else getattr(world, who)
    client = client_for(user, world.a)
    page = client.get("/meldcode/report/")
    assert page.status_code in (302, 403)
    api = client.post("/api/v1/meldcode/reports/", api_data(world.a), content_type="application/json")
    assert api.status_code in (401, 403)
    assert not Case.objects.exists()


def test_report_pages_do_not_exist_on_the_main_domain(world, client_for):
    client = client_for(world.a.staff)
    assert client.get("/meldcode/report/").status_code == 404
    assert client.post("/api/v1/meldcode/reports/", api_data(world.a),
                       content_type="application/json").status_code == 404


def test_the_reporter_sees_the_status_of_her_own_reports_but_not_the_case_file(world, client_for, report):
    mine = report(reporter=world.a.staff)
    report(reporter=world.a.entrepreneur, description="Iets anders: Zonnewijzer-signaal.")
    client = client_for(world.a.staff, world.a)
    html = client.get("/meldcode/my-reports/").content.decode()
    assert mine.reference in html and ("received" in html.lower() or "ontvangen" in html.lower())
    assert DESCRIPTION[:20] not in html and PLACE not in html and "Zonnewijzer" not in html
    api = client.get("/api/v1/meldcode/reports/").json()
    assert [r["reference"] for r in api] == [mine.reference]
    assert set(api[0]) == {"id", "reference", "route", "status", "status_label", "reported_on"}
    # the case file itself is not hers to read
    assert client.get(f"/meldcode/cases/{mine.pk}/").status_code == 403
    assert client.get(f"/api/v1/meldcode/cases/{mine.pk}/").status_code == 403
