"""The meldcode API answers as its schema says: the lists of cases, reports, housemates and the figures come
whole (not in pages) and are documented so; an id that is no number is a 404, never a server error."""
import pytest

from tests.platform.openapi_conformance import assert_conforms


def test_the_pedagogues_lists_are_documented(world, client_for, report):
    report()
    pedagogue = client_for(world.pedagogue)
    for path in ("/api/v1/meldcode/cases/", "/api/v1/meldcode/figures/"):
        response = pedagogue.get(path)
        assert response.status_code == 200 and isinstance(response.json(), list) and response.json(), path
        assert_conforms(pedagogue, path, "get", response)


def test_the_entrepreneurs_lists_are_documented(world, client_for, report):
    report()
    entrepreneur = client_for(world.a.entrepreneur, world.a)
    for path in ("/api/v1/meldcode/cases/", "/api/v1/meldcode/reports/", "/api/v1/meldcode/housemates/"):
        response = entrepreneur.get(path)
        assert response.status_code == 200 and isinstance(response.json(), list), path
        assert_conforms(entrepreneur, path, "get", response)


@pytest.mark.parametrize("pk", ["null,null", "abc", "²"])
def test_an_id_that_is_no_number_is_not_found(world, client_for, pk):
    entrepreneur = client_for(world.a.entrepreneur, world.a)
    case = entrepreneur.get(f"/api/v1/meldcode/cases/{pk}/")
    housemate = entrepreneur.delete(f"/api/v1/meldcode/housemates/{pk}/")
    assert case.status_code == housemate.status_code == 404
    assert client_for(world.pedagogue).get(f"/api/v1/meldcode/cases/{pk}/").status_code == 404
