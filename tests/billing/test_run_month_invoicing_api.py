"""The entrepreneur runs a month's invoicing through the API: the answer (made, existing, waiting, and the
problems per contract) is what the schema documents."""
from tests.billing.conftest import at, make_contract
from tests.platform.openapi_conformance import assert_conforms

PATH = "/api/v1/billing/invoices/run/"


def test_the_run_answers_as_documented(billing, api, client_for):
    from billing.tariffs.models import Rate

    make_contract(billing)
    owner, schema_client = api(billing.a.entrepreneur, billing.a), client_for(billing.a.entrepreneur, billing.a)
    with at(billing.a):
        Rate.objects.filter(tariff_year__year=2026).delete()
    with_problem = owner.post(PATH, {"year": 2026, "month": 10})
    assert with_problem.status_code == 200 and with_problem.json()["created"] == 0
    assert with_problem.json()["problems"][0]["errors"]
    assert_conforms(schema_client, PATH, "post", with_problem)
