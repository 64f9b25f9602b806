"""A parent answers a survey once; an anonymous survey keeps nothing that links the answers to them."""
from datetime import date

from tenants.surveys.models import Answer, Participation, Response
from tests.tenants.conftest import in_schema


def test_parent_answers_anonymously_once(world, client_for, survey):
    c = client_for(world.a.parent, world.a)
    page = c.get(f"/surveys/{survey.pk}/")
    assert page.status_code == 200 and "Your answers are anonymous" in page.content.decode()
    response = c.post(f"/surveys/{survey.pk}/", {"q0": "4", "q1": "Meer buiten spelen"})
    assert response.status_code == 302
    with in_schema(world.a):
        stored = Response.objects.get()
        assert stored.respondent is None
        assert {a.score for a in Answer.objects.all()} == {4, None}
        assert Participation.objects.filter(user=world.a.parent, survey=survey).exists()
        assert not hasattr(Participation, "response")
    again = c.post(f"/surveys/{survey.pk}/", {"q0": "5"})
    assert again.status_code == 400 and "You have already answered this survey." in again.content.decode()


def test_a_named_survey_keeps_the_respondent(world, api):
    from tenants.surveys import services

    with in_schema(world.a):
        named = services.create_survey(by=world.a.entrepreneur, title="Oudercommissie", anonymous=False,
                                       opens_on=date(2020, 1, 1), questions=[{"text": "Zitting?", "kind": "scale"}])
    assert api(world.a.parent, world.a).post(f"/api/v1/surveys/{named.pk}/answer/",
                                             {"answers": {"0": "5"}}).status_code == 201
    with in_schema(world.a):
        assert Response.objects.get(survey=named).respondent == world.a.parent


def test_a_missing_score_names_the_question(world, api, survey):
    response = api(world.a.parent, world.a).post(f"/api/v1/surveys/{survey.pk}/answer/", {"answers": {"1": "x"}})
    assert response.status_code == 400 and "q0" in response.json()
    with in_schema(world.a):
        assert not Participation.objects.exists() and not Response.objects.exists()


def test_a_closed_survey_cannot_be_answered(world, api, survey):
    with in_schema(world.a):
        survey.closes_on = date(2021, 1, 1)
        survey.save()
    response = api(world.a.parent, world.a).post(f"/api/v1/surveys/{survey.pk}/answer/", {"answers": {"0": "3"}})
    assert response.status_code == 404


def test_a_cooperative_survey_is_answered_at_the_location_and_tallied_in_public(world, client_for):
    from portal.models import CoopSurvey, SurveyScoreTally, SurveyTally

    coop = CoopSurvey.objects.create(title="Coöperatie 2026", opens_on=date(2020, 1, 1),
                                     questions=[{"text": "Communicatie", "kind": "scale"},
                                                {"text": "Toelichting", "kind": "text"}])
    c = client_for(world.a.parent, world.a)
    response = c.get(f"/surveys/cooperative/{coop.pk}/")
    assert response.status_code == 302
    assert c.post(response["Location"], {"q0": "5", "q1": "Heel fijn"}).status_code == 302
    tally = SurveyTally.objects.get(survey=coop, location=world.a.location)
    assert (tally.responses, tally.location_kind) == (1, "kdv")
    assert SurveyScoreTally.objects.get(survey=coop, location=world.a.location, position=0).s5 == 1
    assert not SurveyScoreTally.objects.filter(position=1).exists(), "open answers never leave the location"
