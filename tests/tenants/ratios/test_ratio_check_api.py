"""POST /api/v1/tools/ratio-check: public, on the main domain and at every location; bad input is a 400."""
import pytest
from django.test import Client

URL = "/api/v1/tools/ratio-check"


def post(client, payload):
    return client.post(URL, payload, content_type="application/json")


def test_answer_has_the_documented_shape(client_for):
    response = post(client_for(), {"care_type": "kdv", "ages": [0, 1, 3], "staff": 1, "play_space_m2": 40})
    assert response.status_code == 200
    body = response.json()
    assert set(body) >= {"allowed", "required_staff", "max_children", "rule", "violations"}
    assert body["allowed"] is True
    assert body["required_staff"] == 1
    assert body["max_children"] == 5
    assert body["violations"] == []
    assert "0-3" in body["rule"]


def test_violations_have_code_and_message(client_for):
    response = post(client_for(), {"care_type": "kdv", "ages": [1] * 6, "staff": 1, "play_space_m2": 10})
    assert response.status_code == 200
    body = response.json()
    assert body["allowed"] is False
    assert body["required_staff"] == 2
    assert [item["code"] for item in body["violations"]] == ["not_enough_staff", "play_space_too_small"]
    assert all(item["message"] for item in body["violations"])


def test_group_too_large_has_no_required_staff(client_for):
    body = post(client_for(), {"care_type": "bso", "ages": [9] * 31, "staff": 3}).json()
    assert body["required_staff"] is None
    assert body["allowed"] is False


def test_childminder_counts_own_children(client_for):
    payload = {"care_type": "gastouder", "ages": [4, 5, 6, 7, 8], "staff": 1, "own_children_ages": [3, 12]}
    body = post(client_for(), payload).json()
    assert body["allowed"] is True
    assert body["backup_required"] is True
    payload["own_children_ages"] = [3, 9]
    body = post(client_for(), payload).json()
    assert [item["code"] for item in body["violations"]] == ["childminder_too_many_children"]


def test_childminder_without_backup(client_for):
    payload = {"care_type": "gastouder", "ages": [4, 5, 6, 7], "staff": 1, "has_backup": False}
    body = post(client_for(), payload).json()
    assert [item["code"] for item in body["violations"]] == ["backup_required"]


@pytest.mark.parametrize(("payload", "field"), [
    ({"care_type": "kdv", "ages": [-1], "staff": 1}, "ages"),
    ({"care_type": "bso", "ages": [13], "staff": 1}, "ages"),
    ({"care_type": "bso", "ages": [3], "staff": 1}, "ages"),
    ({"care_type": "kdv", "ages": [4], "staff": 1}, "ages"),
    ({"care_type": "gastouder", "ages": [13], "staff": 1}, "ages"),
    ({"care_type": "kdv", "ages": [1] * 41, "staff": 3}, "ages"),
    ({"care_type": "kdv", "ages": ["one"], "staff": 1}, "ages"),
    ({"care_type": "kdv", "staff": 1}, "ages"),
    ({"care_type": "kdv", "ages": [1], "staff": -1}, "staff"),
    ({"care_type": "kdv", "ages": [1]}, "staff"),
    ({"care_type": "creche", "ages": [1], "staff": 1}, "care_type"),
    ({"care_type": "kdv", "ages": [1], "staff": 1, "own_children_ages": [3]}, "own_children_ages"),
    ({"care_type": "bso", "ages": [5], "staff": 1, "own_children_ages": [3]}, "own_children_ages"),
    ({"care_type": "gastouder", "ages": [1], "staff": 1, "own_children_ages": [-2]}, "own_children_ages"),
    ({"care_type": "kdv", "ages": [1], "staff": 1, "play_space_m2": -5}, "play_space_m2"),
], ids=lambda value: value if isinstance(value, str) else None)
def test_bad_input_is_a_400_naming_the_field(client_for, payload, field):
    response = post(client_for(), payload)
    assert response.status_code == 400
    assert field in response.json()


def test_works_anonymously_at_a_location_host(client_for, world):
    response = post(client_for(site=world.a), {"care_type": "kdv", "ages": [2, 2], "staff": 1})
    assert response.status_code == 200
    assert response.json()["allowed"] is True


def test_needs_no_csrf_token_even_for_a_logged_in_user(world):
    client = Client(HTTP_HOST=world.b.host, enforce_csrf_checks=True)
    client.force_login(world.b.parent)
    response = post(client, {"care_type": "gastouder", "ages": [1, 2], "staff": 1})
    assert response.status_code == 200


def test_answer_is_dutch_by_default_and_english_on_request(client_for):
    payload = {"care_type": "kdv", "ages": [1] * 6, "staff": 1}
    dutch = post(client_for(), payload).json()
    assert dutch["violations"][0]["message"] == "6 kinderen hebben ten minste 2 medewerkers nodig; 1 aanwezig."
    assert "Dagopvang" in dutch["rule"]
    client = client_for()
    client.cookies["django_language"] = "en"
    english = post(client, payload).json()
    assert english["violations"][0]["message"] == "6 children need at least 2 staff; 1 present."


def test_get_is_not_allowed(client_for):
    assert client_for().get(URL).status_code == 405


@pytest.mark.parametrize("at_location", [False, True])
def test_documented_in_the_openapi_schema(client_for, world, at_location):
    client = client_for(site=world.a if at_location else None)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"][URL]["post"]
    assert operation["operationId"] == "ratio_check"
    assert operation["security"] == [{}] or not operation.get("security")
    assert "200" in operation["responses"] and "400" in operation["responses"]
    components = schema["components"]["schemas"]
    assert {"care_type", "ages", "staff"} <= set(components["RatioCheckRequest"]["properties"])
    assert {"allowed", "required_staff", "max_children", "rule", "violations"} <= set(
        components["RatioCheckResponse"]["properties"])


def test_decimal_numbers_in_messages_follow_the_language(client_for):
    payload = {"care_type": "bso", "ages": [5] * 15, "staff": 2, "play_space_m2": 50}
    dutch = post(client_for(), payload).json()
    assert dutch["violations"] == [{
        "code": "play_space_too_small",
        "message": "15 kinderen hebben ten minste 52,5 m² speelruimte nodig; er is 50 m² beschikbaar.",
    }]
