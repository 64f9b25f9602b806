"""Each location's own regulation: defaults per jurisdiction, the legal floor, a public page."""
from tenants.complaints import selectors
from tests.tenants.complaints.conftest import at


def test_dutch_defaults_six_weeks_and_both_external_bodies(world):
    with at(world.a):
        regulation = selectors.regulation()
    assert regulation.judgement_days == 42 and regulation.acknowledge is False
    assert [b["name"] for b in regulation.external_bodies] == ["Klachtenloket Kinderopvang",
                                                               "Geschillencommissie Kinderopvang"]


def test_flemish_defaults_acknowledgement_30_days_second_instance_kind_en_gezin(flemish_a):
    with at(flemish_a):
        regulation = selectors.regulation()
    assert (regulation.judgement_days, regulation.acknowledge) == (30, True)
    assert regulation.second_instance == "de algemeen directeur"
    assert regulation.external_bodies[0]["name"] == "Klachtendienst Kind en Gezin"
    assert regulation.external_bodies[0]["phone"] == "02 533 14 14"


def test_anyone_reads_the_regulation_page_and_api(world, client_for):
    reader = client_for(None, world.a)
    reader.cookies["django_language"] = "en"  # an anonymous reader who chose English
    page = reader.get("/complaints/regulation/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Geschillencommissie Kinderopvang" in text and "42 days" in text and "meldcode" in text
    data = client_for(None, world.a).get("/api/v1/complaint-regulation/").json()
    assert data["judgement_days"] == 42 and data["direct_route"] == "Geschillencommissie Kinderopvang"


def test_entrepreneur_changes_the_regulation(world, api):
    response = api(world.a.entrepreneur, world.a).patch("/api/v1/complaint-regulation/", {
        "judgement_days": 28, "acknowledge": True, "acknowledgement_days": 3, "second_instance": "de directie"})
    assert response.status_code == 200, response.content
    assert response.json()["judgement_days"] == 28
    with at(world.a):
        assert selectors.regulation().second_instance == "de directie"
    with at(world.b):  # the other location keeps its own
        assert selectors.regulation().judgement_days == 42


def test_more_than_six_weeks_is_refused_in_the_netherlands(world, api):
    response = api(world.a.entrepreneur, world.a).patch("/api/v1/complaint-regulation/", {"judgement_days": 50})
    assert response.status_code == 400
    assert "judgement_days" in response.json()
    with at(world.a):
        assert selectors.regulation().judgement_days == 42


def test_flemish_location_may_take_longer(flemish_a, api):
    response = api(flemish_a.entrepreneur, flemish_a).patch("/api/v1/complaint-regulation/", {"judgement_days": 60})
    assert response.status_code == 200


def test_bad_input_names_the_field(world, api):
    c = api(world.a.entrepreneur, world.a)
    assert "subjects" in c.patch("/api/v1/complaint-regulation/", {"subjects": ["method"]}).json()
    assert "external_bodies" in c.patch("/api/v1/complaint-regulation/", {"external_bodies": []}).json()
    assert "judgement_days" in c.patch("/api/v1/complaint-regulation/", {"judgement_days": "six"}).json()


def test_only_the_entrepreneur_changes_it(world, api):
    for user, site in ((world.a.parent, world.a), (world.a.staff, world.a), (world.b.entrepreneur, world.a),
                       (world.coop_admin, world.a)):
        response = api(user, site).patch("/api/v1/complaint-regulation/", {"judgement_days": 10})
        assert response.status_code in (403, 401), (user, response.status_code)
    assert api(None, world.a).patch("/api/v1/complaint-regulation/", {"judgement_days": 10}).status_code in (401, 403)


def test_edit_page_saves_and_shows_errors(world, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    assert c.get("/complaints/regulation/edit/").status_code == 200
    data = {"subjects": ["conduct", "method", "agreement"], "judgement_days": "30", "acknowledgement_days": "5",
            "second_instance": "", "introduction": "Wij luisteren.", "acknowledgement_letter": "Ontvangen $reference",
            "judgement_letter": "Oordeel $judgement", "bodies-TOTAL_FORMS": "2", "bodies-INITIAL_FORMS": "0",
            "bodies-0-name": "Geschillencommissie Kinderopvang", "bodies-0-phone": "070 310 53 10",
            "bodies-1-name": ""}
    assert c.post("/complaints/regulation/edit/", data).status_code == 302
    with at(world.a):
        regulation = selectors.regulation()
    assert regulation.judgement_days == 30 and len(regulation.external_bodies) == 1
    bad = c.post("/complaints/regulation/edit/", {**data, "judgement_days": "60"})
    assert bad.status_code == 400 and "At most 42 days" in bad.content.decode()
    for user in (world.a.parent, world.a.staff):
        assert client_for(user, world.a).get("/complaints/regulation/edit/").status_code == 403
