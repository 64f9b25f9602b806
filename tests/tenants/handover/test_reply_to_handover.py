"""A parent reads today's handover of their child and answers it; staff see the answer."""
from tests.tenants.conftest import in_schema


def test_parent_reads_and_answers(world, client_for, handover_with_photo):
    handover, _photo = handover_with_photo
    c = client_for(world.a.parent, world.a)
    page = c.get(f"/handover/{handover.pk}/")
    html = page.content.decode()
    assert page.status_code == 200 and "Fijne dag gehad" in html and "12:30–14:00" in html
    response = c.post(f"/handover/{handover.pk}/", {"text": "Dank je, ze sliep thuis ook goed"})
    assert response.status_code == 302
    staff_view = client_for(world.a.staff, world.a).get(f"/handover/{handover.pk}/").content.decode()
    assert "Dank je, ze sliep thuis ook goed" in staff_view
    with in_schema(world.a):
        assert handover.reads.filter(user=world.a.parent).exists(), "staff can see that the parent read it"


def test_an_empty_answer_names_the_field(world, api, handover_with_photo):
    handover, _photo = handover_with_photo
    response = api(world.a.parent, world.a).post(f"/api/v1/handovers/{handover.pk}/reply/", {"text": ""})
    assert response.status_code == 400 and "text" in response.json()


def test_another_parent_cannot_answer(world, api, handover_with_photo):
    handover, _photo = handover_with_photo
    response = api(world.two_location_parent, world.a).post(f"/api/v1/handovers/{handover.pk}/reply/",
                                                            {"text": "Hallo"})
    assert response.status_code == 404
