"""Marking a follow-up action done with an id that is no number (or too big for the database) answers 404 in
JSON, for the adviser on the main domain and the entrepreneur at the location, never a server error."""
import pytest

BAD_IDS = ["abc", "null,null", "0.5", "²", "99999999999999999999"]


@pytest.mark.parametrize("pk", BAD_IDS)
def test_adviser_api_answers_not_found(world, api, pk):
    response = api(world.adviser, None).post(f"/api/v1/advisory/actions/{pk}/done/", {"note": "Gedaan."})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("pk", BAD_IDS)
def test_entrepreneur_api_answers_not_found(world, api, pk):
    response = api(world.a.entrepreneur, world.a).post(f"/api/v1/advisory/actions/{pk}/done/", {"note": "Gedaan."})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("pk", ["abc", "0.5"])
def test_pages_answer_not_found(world, client_for, pk):
    assert client_for(world.adviser).post(f"/advisory/actions/{pk}/done/", {"note": "x"}).status_code == 404
    entrepreneur = client_for(world.a.entrepreneur, world.a)
    assert entrepreneur.post(f"/advisory/actions/{pk}/done/", {"note": "x"}).status_code == 404
