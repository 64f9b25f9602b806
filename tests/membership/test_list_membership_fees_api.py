"""The coop admin lists every location's membership fee and the prices through the API: lists, as the
schema says, with no subscription yet shown as null."""
from tests.platform.openapi_conformance import assert_conforms


def test_fees_and_prices_are_lists_as_documented(world, client_for):
    admin = client_for(world.coop_admin)
    fees = admin.get("/api/v1/membership-fees/")
    assert fees.status_code == 200 and isinstance(fees.json(), list)
    assert {row["location"] for row in fees.json()} >= {"alpha", "beta"}
    assert_conforms(admin, "/api/v1/membership-fees/", "get", fees)
    prices = admin.get("/api/v1/membership-fees/prices/")
    assert prices.status_code == 200 and isinstance(prices.json(), list)
    assert_conforms(admin, "/api/v1/membership-fees/prices/", "get", prices)
