"""Every calendar endpoint: members of another location, cooperative roles and anonymous users are refused
(403/404); staff and parents are refused on the entrepreneur's endpoints."""
import pytest

from tests.platform.test_isolation import client, endpoints

MANAGE_ONLY_PREFIXES = ("calendar-manage", "calendar-hours", "calendar-period-", "calendar-holiday-choice",
                        "calendar-closure-")


def calendar_endpoints():
    def value(name, param):
        return {"pk": 1, "token": "not-a-token", "format": "json"}.get(param, "x")

    found = [e for e in endpoints("config.urls_location", value) if e.name.startswith("calendar")]
    assert {"calendar", "calendar-manage", "calendar-feed", "calendar-overview-api",
            "calendar-closing-period-list", "calendar-closing-check-api"} <= {e.name for e in found}
    return found


@pytest.mark.parametrize("who", ["b_entrepreneur", "b_staff", "b_parent", "adviser", "coop_admin", "anonymous"])
def test_outsiders_are_refused_on_every_calendar_endpoint(world, who):
    user = {"b_entrepreneur": world.b.entrepreneur, "b_staff": world.b.staff, "b_parent": world.b.parent,
            "adviser": world.adviser, "coop_admin": world.coop_admin, "anonymous": None}[who]
    for endpoint in calendar_endpoints():
        for method in ("get", "post", "delete"):
            response = getattr(client(user, world.a.host), method)(endpoint.path)
            expected = (302, 403, 404) if user is None else (403, 404)  # anonymous pages go to the login
            assert response.status_code in expected, (who, method, str(endpoint), response.status_code)


@pytest.mark.parametrize("role", ["staff", "parent"])
def test_staff_and_parents_are_refused_on_management_endpoints(world, role):
    user = getattr(world.a, role)
    for endpoint in calendar_endpoints():
        api_write = endpoint.path.startswith("/api/") and endpoint.name not in (
            "calendar-overview-api", "calendar-feed-token-api")
        if not (endpoint.name.startswith(MANAGE_ONLY_PREFIXES) or api_write):
            continue
        methods = ("get", "post") if not endpoint.path.startswith("/api/") else ("post", "delete")
        for method in methods:
            response = getattr(client(user, world.a.host), method)(endpoint.path)
            if endpoint.name.endswith("-list") and method == "delete":
                assert response.status_code in (403, 405), (role, method, str(endpoint), response.status_code)
            else:
                assert response.status_code == 403, (role, method, str(endpoint), response.status_code)
