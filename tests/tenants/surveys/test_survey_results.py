"""Results per location for the entrepreneur (nothing below 5 responses) and per kind of location for the
cooperative, read from the public tallies in a fixed number of queries."""
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.tenants.conftest import in_schema
from tests.tenants.surveys.conftest import parents_at


def answer_all(world, api, survey, people, score="4"):
    for person in people:
        response = api(person, world.a).post(f"/api/v1/surveys/{survey.pk}/answer/",
                                             {"answers": {"0": score, "1": f"Tip van {person.full_name}"}})
        assert response.status_code == 201, response.content


def test_nothing_is_shown_below_five_responses(world, api, client_for, survey):
    answer_all(world, api, survey, parents_at(world.a, 4))
    data = api(world.a.entrepreneur, world.a).get(f"/api/v1/surveys/{survey.pk}/results/").json()
    assert data == {"responses": 4, "shown": False, "questions": []}
    html = client_for(world.a.entrepreneur, world.a).get(f"/surveys/{survey.pk}/results/").content.decode()
    assert 'id="results-hidden"' in html and "Tip van" not in html


def test_from_five_responses_the_entrepreneur_sees_the_results(world, api, survey):
    people = parents_at(world.a, 5)
    answer_all(world, api, survey, people[:4], score="4")
    answer_all(world, api, survey, people[4:], score="5")
    data = api(world.a.entrepreneur, world.a).get(f"/api/v1/surveys/{survey.pk}/results/").json()
    assert data["responses"] == 5 and data["shown"]
    assert data["questions"][0]["average"] == "4.2"
    assert sorted(data["questions"][1]["answers"]) == sorted(f"Tip van {p.full_name}" for p in people)


def test_results_are_for_the_entrepreneur_only(world, api, survey):
    assert api(world.a.parent, world.a).get(f"/api/v1/surveys/{survey.pk}/results/").status_code == 403
    assert api(world.a.staff, world.a).get(f"/api/v1/surveys/{survey.pk}/results/").status_code == 403
    assert api(world.b.entrepreneur, world.a).get(f"/api/v1/surveys/{survey.pk}/results/").status_code == 403


def test_cooperative_results_per_kind_of_location(world, client_for):
    from cooperative.models import Location
    from portal import selectors
    from portal.models import CoopSurvey, SurveyScoreTally, SurveyTally

    coop = CoopSurvey.objects.create(title="Coöperatie", opens_on=date(2020, 1, 1),
                                     questions=[{"text": "Communicatie", "kind": "scale"}])
    # Tallies of many locations (as the surveys service leaves them): 6 KDV responses, 3 childminder ones.
    extra = Location.objects.bulk_create([
        Location(name=f"K{i}", slug=f"kdvx{i}", schema_name=f"loc_kdvx{i}", kind="kdv", jurisdiction="NL")
        for i in range(50)])
    for location in extra[:3]:
        SurveyTally.objects.create(survey=coop, location=location, location_kind="kdv", responses=2)
        SurveyScoreTally.objects.create(survey=coop, location=location, location_kind="kdv", position=0, s4=1, s5=1)
    SurveyTally.objects.create(survey=coop, location=world.b.location, location_kind="gastouder", responses=3)
    SurveyScoreTally.objects.create(survey=coop, location=world.b.location, location_kind="gastouder", position=0,
                                    s1=3)
    with CaptureQueriesContext(connection) as ctx, translation.override("en"):
        groups = selectors.coop_survey_results(coop)
    assert len([q for q in ctx.captured_queries if not q["sql"].startswith("SET")]) == 2
    by_label = {str(g.label): g for g in groups}
    kdv = next(g for label, g in by_label.items() if "KDV" in label and "BSO" not in label)
    assert kdv.responses == 6 and kdv.shown and kdv.scores[0][1] == 4.5
    childminder = next(g for label, g in by_label.items() if "childminder" in label)
    assert childminder.responses == 3 and not childminder.shown and childminder.scores == ()

    page = client_for(world.coop_admin).get(f"/cooperative/surveys/{coop.pk}/")
    assert page.status_code == 200 and "Too few responses to show results." in page.content.decode()
    assert client_for(world.a.entrepreneur).get(f"/cooperative/surveys/{coop.pk}/").status_code == 403


def test_the_entrepreneur_creates_a_survey(world, client_for):
    response = client_for(world.a.entrepreneur, world.a).post("/surveys/new/", {
        "title": "Wenperiode", "scale_questions": "Hoe ging het wennen?\nWas de informatie duidelijk?",
        "open_question": "", "anonymous": "on", "opens_on": "2026-01-01"})
    assert response.status_code == 302
    from tenants.surveys.models import Survey

    with in_schema(world.a):
        assert Survey.objects.get(title="Wenperiode").questions.count() == 2
    bad = client_for(world.a.entrepreneur, world.a).post("/surveys/new/", {
        "title": "Leeg", "scale_questions": " ", "opens_on": "2026-01-01"})
    assert bad.status_code == 400
