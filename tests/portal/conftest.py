"""The portal tests use the location helpers of tests/tenants (schema switching, JSON client, English)."""
from tests.tenants.conftest import api, english, in_schema, make_child  # noqa: F401 (fixtures re-exported)
