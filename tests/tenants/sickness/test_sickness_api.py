"""The sickness API: the checklist for everybody here; records written by staff and the entrepreneur, read by them
and by the child's own parents; another location's people, the wrong role and the cooperative get nothing; the
cooperative's adviser of the location sees counts only on the main domain."""
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.tenants.conftest import in_schema


def test_the_checklist_for_every_member(world, api):
    data = api(world.a.parent, world.a).get("/api/v1/sickness/checklist/").json()
    assert data["key"] == "nl_ggd" and float(data["fever_from"]) == 38.0 and data["fever_free_hours"] is None
    assert {row["key"]: row["decision"] for row in data["rows"]}["bloody_stools"] == "not_admitted"
    assert api(world.b.entrepreneur, world.a).get("/api/v1/sickness/checklist/").status_code == 403
    assert api(world.adviser, world.a).get("/api/v1/sickness/checklist/").status_code == 403


def test_staff_record_and_the_parent_reads_her_own(world, api):
    answer = api(world.a.staff, world.a).post("/api/v1/sickness/records/", {
        "child": world.a.child_id, "temperature": "38.2", "symptoms": ["vomiting"], "moment": "day"})
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["decision"] == "conditions" and body["temperature"] == "38.2" and body["parents_told_at"]
    parent = api(world.a.parent, world.a)
    assert parent.get(f"/api/v1/sickness/records/{body['id']}/").json()["decision"] == "conditions"
    other_parent = api(world.two_location_parent, world.a)
    assert other_parent.get(f"/api/v1/sickness/records/{body['id']}/").status_code == 404
    assert other_parent.get("/api/v1/sickness/records/").json()["results"] == []
    assert parent.post("/api/v1/sickness/records/", {"child": world.a.child_id, "temperature": "38.2"}) \
        .status_code == 403
    assert api(world.b.staff, world.a).get(f"/api/v1/sickness/records/{body['id']}/").status_code == 403
    assert api(world.b.staff, world.b).get(f"/api/v1/sickness/records/{body['id']}/").status_code == 404
    assert api(world.adviser, None).get(f"/api/v1/sickness/records/{body['id']}/").status_code == 404


@pytest.mark.parametrize(("data", "field"), [
    ({"temperature": "38.25"}, "temperature"), ({"temperature": "abc"}, "temperature"),
    ({"symptoms": ["nope"]}, "symptoms"), ({"symptoms": "rash"}, "symptoms"), ({}, "temperature"),
    ({"child": 999999, "temperature": "38.0"}, "child"), ({"moment": "x", "temperature": "38.0"}, "moment"),
    ({"observed_at": "2020-01-01T10:00:00Z", "temperature": "38.0"}, "observed_at"),
    ({"observed_at": "yesterday", "temperature": "38.0"}, "observed_at"),
])
def test_bad_input_is_a_400_naming_the_field(world, api, data, field):
    payload = {"child": world.a.child_id, **data}
    answer = api(world.a.staff, world.a).post("/api/v1/sickness/records/", payload)
    assert answer.status_code == 400 and field in answer.json(), answer.content


def test_tell_the_parents_afterwards_once(world, api):
    staff = api(world.a.staff, world.a)
    created = staff.post("/api/v1/sickness/records/", {"child": world.a.child_id, "symptoms": ["runny_nose"],
                                                       "tell_parents": False}).json()
    assert created["parents_told_at"] is None
    answer = staff.post(f"/api/v1/sickness/records/{created['id']}/tell-parents/")
    assert answer.status_code == 200 and answer.json()["parents_told_at"]
    again = staff.post(f"/api/v1/sickness/records/{created['id']}/tell-parents/")
    assert again.status_code == 400 and "tell_parents" in again.json()
    assert api(world.a.parent, world.a).post(f"/api/v1/sickness/records/{created['id']}/tell-parents/") \
        .status_code == 403


def test_pages_refuse_other_locations_and_the_wrong_role(world, client_for):
    from tenants.children.models import Child
    from tenants.sickness import services

    with in_schema(world.a):
        result = services.record_sickness(Child.objects.get(pk=world.a.child_id), by=world.a.staff,
                                          observed_at=timezone.now() - timedelta(minutes=5), temperature="38.3")
    for path in ("/sickness/", "/sickness/new/", f"/sickness/{result.pk}/", "/sickness/checklist/"):
        assert client_for(world.b.staff, world.a).get(path).status_code == 403
        assert client_for(world.adviser, world.a).get(path).status_code in (302, 403)
    assert client_for(world.a.parent, world.a).get("/sickness/new/").status_code == 403
    assert client_for(world.a.parent, world.a).get("/sickness/").status_code == 302
    assert client_for(world.b.staff, world.b).get(f"/sickness/{result.pk}/").status_code == 404


def test_the_adviser_sees_counts_only(world, api):
    from tenants.children.models import Child
    from tenants.groups.models import Group
    from tenants.outbreaks import services as outbreaks
    from tenants.sickness import services

    with in_schema(world.a):
        saartje = Child.objects.get(pk=world.a.child_id)
        services.record_sickness(saartje, by=world.a.staff, observed_at=timezone.now(), temperature="39.0",
                                 note="Saartje Verbeek huilde")
        group = Group.objects.create(name="Egels", kind="stamgroep")
        outbreaks.record_case(by=world.a.staff, group=group, disease="measles", noticed_on=timezone.localdate())
    answer = api(world.adviser, None).get(f"/api/v1/health/locations/{world.a.location.slug}/figures/")
    assert answer.status_code == 200
    data = answer.json()
    assert data["sickness"]["records"] == 1 and data["sickness"]["by_decision"]["conditions"] == 1
    assert data["contagious_diseases"] == {"year": timezone.localdate().year, "cases": 1,
                                           "by_disease": {"measles": 1}, "agency_to_tell": 1, "agency_told": 0}
    assert "Saartje" not in answer.content.decode() and "Egels" not in answer.content.decode()
    assert api(world.adviser, None).get(f"/api/v1/health/locations/{world.b.location.slug}/figures/") \
        .status_code == 404  # not her location
    assert api(world.lead_adviser, None).get(f"/api/v1/health/locations/{world.b.location.slug}/figures/") \
        .status_code == 200
    assert api(world.a.entrepreneur, None).get(f"/api/v1/health/locations/{world.a.location.slug}/figures/") \
        .status_code == 403
    assert api(world.adviser, world.a).get(f"/api/v1/health/locations/{world.a.location.slug}/figures/") \
        .status_code in (403, 404)
