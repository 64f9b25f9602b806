"""Every page and API endpoint answers its own users without a server error (crawl with GET)."""
import pytest

from tests.platform import test_isolation
from tests.platform.test_isolation import client, location_endpoints, main_endpoints

a_export = test_isolation.a_export


@pytest.mark.parametrize("role", ["entrepreneur", "staff", "parent"])
def test_location_members_get_no_server_error_anywhere_at_their_location(world, a_export, role):
    user = getattr(world.a, role)
    c = client(user, world.a.host)
    errors = [str(e) for e in location_endpoints(world.a, a_export) if c.get(e.path).status_code >= 500]
    assert errors == []


@pytest.mark.parametrize("role", ["coop_admin", "adviser", "lead_adviser", "pedagogue", "two_location_parent"])
def test_cooperative_users_get_no_server_error_anywhere_on_the_main_domain(world, role):
    c = client(getattr(world, role), "localhost")
    errors = [str(e) for e in main_endpoints(world) if c.get(e.path).status_code >= 500]
    assert errors == []
