"""The contagious-disease API: staff and the entrepreneur record a case (the group's parents are notified) and the
agency's report; parents read the anonymous notices of their children's groups; another location's people and
the wrong role are refused; bad input is a 400 naming the field."""
from datetime import date

import pytest

from tests.tenants.outbreaks.test_contagious_disease_notice import record


def test_record_a_case_and_the_agency_report(world, groups, api):
    staff = api(world.a.staff, world.a)
    assert [d["key"] for d in staff.get("/api/v1/outbreaks/diseases/").json()][:2] == ["chickenpox", "impetigo"]
    answer = staff.post("/api/v1/outbreaks/", {"group": groups.rupsen.pk, "disease": "whooping_cough",
                                               "noticed_on": date.today().isoformat()})
    assert answer.status_code == 201, answer.content
    case = answer.json()
    assert case["agency_must_tell"] and case["recipients"] == 3 and case["agency_told_at"] is None
    told = staff.post(f"/api/v1/outbreaks/{case['id']}/agency-told/", {"reference": "GGD, dhr. Bakker"})
    assert told.status_code == 200 and told.json()["agency_told_by"] == world.a.staff.full_name
    again = staff.post(f"/api/v1/outbreaks/{case['id']}/agency-told/", {})
    assert again.status_code == 400 and "told_at" in again.json()


@pytest.mark.parametrize(("data", "field"), [
    ({"disease": "plague"}, "disease"), ({"group": 999999}, "group"), ({"noticed_on": "gisteren"}, "noticed_on"),
    ({"noticed_on": "2031-01-01"}, "noticed_on"), ({"advice": "Mees heeft het ook"}, "advice"),
])
def test_bad_input_is_a_400_naming_the_field(world, groups, api, data, field):
    payload = {"group": groups.rupsen.pk, "disease": "chickenpox", "noticed_on": date.today().isoformat(), **data}
    answer = api(world.a.staff, world.a).post("/api/v1/outbreaks/", payload)
    assert answer.status_code == 400 and field in answer.json(), answer.content


def test_other_locations_and_the_wrong_role_are_refused(world, groups, api, client_for):
    case = record(world.a, groups.rupsen)
    parent = api(groups.rupsen_parents[0], world.a)
    assert parent.post("/api/v1/outbreaks/", {"group": groups.rupsen.pk, "disease": "chickenpox",
                                              "noticed_on": date.today().isoformat()}).status_code == 403
    assert parent.post(f"/api/v1/outbreaks/{case.pk}/agency-told/", {}).status_code == 403
    assert api(groups.vlinders_parent, world.a).get(f"/api/v1/outbreaks/{case.pk}/").status_code == 404
    assert api(world.b.staff, world.a).get(f"/api/v1/outbreaks/{case.pk}/").status_code == 403
    assert api(world.b.staff, world.b).get(f"/api/v1/outbreaks/{case.pk}/").status_code == 404
    assert api(world.adviser, world.a).get("/api/v1/outbreaks/").status_code == 403
    for path in ("/outbreaks/", "/outbreaks/new/", f"/outbreaks/{case.pk}/", f"/outbreaks/notices/{case.pk}/"):
        assert client_for(world.b.entrepreneur, world.a).get(path).status_code == 403
    assert client_for(groups.rupsen_parents[0], world.a).get("/outbreaks/new/").status_code == 403
    assert client_for(groups.rupsen_parents[0], world.a).get("/outbreaks/").status_code == 302


def test_staff_record_a_case_on_the_phone_page(world, groups, client_for):
    staff = client_for(world.a.staff, world.a)
    page = staff.get("/outbreaks/new/")
    assert page.status_code == 200 and "Chickenpox" in page.content.decode()
    answer = staff.post("/outbreaks/new/", {"group": groups.vlinders.pk, "disease": "head_lice",
                                            "noticed_on": date.today().isoformat(), "advice": "", "note": ""})
    assert answer.status_code == 302
    assert "No report needed." in staff.get(answer["Location"]).content.decode()
    bad = staff.post("/outbreaks/new/", {"group": groups.vlinders.pk, "disease": "head_lice",
                                         "noticed_on": date.today().isoformat(), "advice": "Mees Ziek heeft luis"})
    assert bad.status_code == 400 and "anonymous" in bad.content.decode()
