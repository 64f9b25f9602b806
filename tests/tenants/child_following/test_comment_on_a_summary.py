"""A short periodic summary is discussed with the parents (the yearly evaluation of seed 001 §1.3, the
care-needs conversation of seed 003 §3.3); the parent adds her comments on her phone and confirms it was
discussed; the staff see her answer."""
from tests.tenants.child_following.conftest import summarise


def test_staff_write_a_summary_on_the_page(world, groups, client_for):
    client = client_for(world.a.staff, world.a)
    response = client.post(f"/following/children/{world.a.child_id}/summaries/new/", {
        "kind": "care_needs", "period_start": "2026-09-01", "period_end": "2026-11-30",
        "text": "Extra aandacht voor taal; logopedie via het CAR.", "discussed_on": ""})
    assert response.status_code == 302
    bad = client.post(f"/following/children/{world.a.child_id}/summaries/new/", {
        "kind": "care_needs", "period_start": "2026-09-01", "period_end": "2026-08-01", "text": "x"})
    assert bad.status_code == 400 and set(bad.context["form"].errors) == {"period_end"}


def test_the_parent_comments_and_confirms(world, groups, client_for, api):
    summary = summarise(world)
    client = client_for(world.a.parent, world.a)
    page = client.get(f"/following/summaries/{summary.pk}/").content.decode()
    assert "Saartje groeit goed" in page and "Send my answer" in page
    assert client.post(f"/following/summaries/{summary.pk}/", {"comment": ""}).status_code == 400
    response = client.post(f"/following/summaries/{summary.pk}/",
                           {"comment": "Thuis praat ze ook veel.", "confirmed_discussed": "on"})
    assert response.status_code == 302
    answers = api(world.a.staff, world.a).get(f"/api/v1/following-summaries/{summary.pk}/").json()["responses"]
    assert [(a["comment"], a["confirmed_discussed"]) for a in answers] == [("Thuis praat ze ook veel.", True)]
    # A second answer replaces the comment; the confirmation stays.
    api(world.a.parent, world.a).post(f"/api/v1/following-summaries/{summary.pk}/respond/", {"comment": "Aanvulling"})
    answers = api(world.a.staff, world.a).get(f"/api/v1/following-summaries/{summary.pk}/").json()["responses"]
    assert [(a["comment"], a["confirmed_discussed"]) for a in answers] == [("Aanvulling", True)]


def test_staff_cannot_answer_for_the_parent(world, groups, api):
    summary = summarise(world)
    response = api(world.a.staff, world.a).post(f"/api/v1/following-summaries/{summary.pk}/respond/",
                                                {"comment": "Namens de ouder"})
    assert response.status_code == 400 and "comment" in response.json()


def test_the_list_shows_which_summaries_wait_for_the_parents(world, groups, client_for):
    summarise(world)
    staff = client_for(world.a.staff, world.a).get("/following/").content.decode()
    assert "summary awaits the parents" in staff
    assert client_for(world.a.staff, world.a).get(
        f"/following/children/{world.a.child_id}/summaries/new/").status_code == 200
    parent = client_for(world.a.parent, world.a).get("/following/").content.decode()
    assert "a summary awaits your answer" in parent
