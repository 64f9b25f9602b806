"""The public calculator page at /tools/ratio/: a form with labels, the answer on POST, field errors."""
import pytest


@pytest.mark.parametrize("at_location", [False, True])
def test_form_is_public_with_labelled_inputs(client_for, world, at_location):
    response = client_for(site=world.a if at_location else None).get("/tools/ratio/")
    assert response.status_code == 200
    body = response.content.decode()
    for name in ("care_type", "ages", "staff", "own_children_ages", "play_space_m2", "has_backup"):
        assert f'for="id_{name}"' in body
        assert f'id="id_{name}"' in body
    assert 'name="viewport"' in body
    assert "Rekenhulp beroepskracht-kindratio" in body  # Dutch by default


def test_post_shows_the_answer(client_for):
    response = client_for().post("/tools/ratio/", {"care_type": "kdv", "ages": "0, 1, 1, 2, 3", "staff": "1"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Toegestaan" in body
    assert "0-3" in body


def test_post_shows_violations_in_english_on_request(client_for, world):
    client = client_for(site=world.b)
    client.cookies["django_language"] = "en"
    response = client.post("/tools/ratio/", {
        "care_type": "gastouder", "ages": "0 0 1", "staff": "1", "own_children_ages": "0", "has_backup": "no",
        "play_space_m2": "20",
    })
    assert response.status_code == 200
    body = response.content.decode()
    assert "Not allowed" in body
    assert 'data-code="childminder_too_many_age_0"' in body
    assert "At most 2 children of age 0 may be present; 3 are counted." in body
    assert 'data-code="backup_required"' in body
    assert 'data-code="play_space_too_small"' not in body


@pytest.mark.parametrize(("data", "field"), [
    ({"care_type": "kdv", "ages": "1, -1", "staff": "1"}, "ages"),
    ({"care_type": "kdv", "ages": "1, een", "staff": "1"}, "ages"),
    ({"care_type": "bso", "ages": "5, 13", "staff": "1"}, "ages"),
    ({"care_type": "kdv", "ages": ", ".join(["1"] * 41), "staff": "3"}, "ages"),
    ({"care_type": "kdv", "ages": "1", "staff": "-1"}, "staff"),
    ({"care_type": "kdv", "ages": "1", "staff": ""}, "staff"),
    ({"care_type": "creche", "ages": "1", "staff": "1"}, "care_type"),
    ({"care_type": "kdv", "ages": "1", "staff": "1", "own_children_ages": "4"}, "own_children_ages"),
    ({"care_type": "kdv", "ages": "1", "staff": "1", "play_space_m2": "-3"}, "play_space_m2"),
])
def test_bad_input_is_a_form_error_on_the_field(client_for, data, field):
    response = client_for().post("/tools/ratio/", data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    body = response.content.decode()
    assert f'id="id_{field}_error"' in body
    assert 'aria-invalid="true"' in body
    assert "ratio-answer" not in body
