"""Surveys per endpoint: parents of another location, staff and advisers have no access to answering or
results; a parent of location B cannot answer location A's survey."""


def test_a_parent_of_another_location_cannot_answer(world, api, client_for, survey):
    assert api(world.b.parent, world.a).post(f"/api/v1/surveys/{survey.pk}/answer/",
                                             {"answers": {"0": "1"}}).status_code == 403
    assert client_for(world.b.parent, world.a).get(f"/surveys/{survey.pk}/").status_code == 403
    # At B, the id of A's survey does not exist.
    assert api(world.b.parent, world.b).post(f"/api/v1/surveys/{survey.pk}/answer/",
                                             {"answers": {"0": "1"}}).status_code == 404


def test_staff_cannot_answer_or_create(world, api, survey):
    assert api(world.a.staff, world.a).post(f"/api/v1/surveys/{survey.pk}/answer/",
                                            {"answers": {"0": "1"}}).status_code == 403
    assert api(world.a.parent, world.a).post("/api/v1/surveys/", {"title": "x"}).status_code == 403


def test_only_the_coop_admin_creates_a_cooperative_survey(world, client_for):
    form = {"title": "Alle ouders", "scale_questions": "Tevreden?", "opens_on": "2026-01-01", "anonymous": "on"}
    assert client_for(world.adviser).post("/cooperative/surveys/new/", form).status_code == 403
    assert client_for(world.two_location_parent).get("/cooperative/surveys/").status_code == 403
    assert client_for(world.coop_admin).post("/cooperative/surveys/new/", form).status_code == 302
