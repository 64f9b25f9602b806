"""A member issues (201) and revokes (200) her calendar feed link through the API, as documented."""
from tests.platform.openapi_conformance import assert_conforms

PATH = "/api/v1/calendar/feed-token/"


def test_issue_and_revoke_answer_as_documented(world, client_for):
    parent = client_for(world.a.parent, world.a)
    issued = parent.post(PATH)
    assert issued.status_code == 201 and issued.json()["url"]
    assert_conforms(parent, PATH, "post", issued)
    revoked = parent.delete(PATH)
    assert revoked.status_code == 200 and revoked.json() == {"url": None}
    assert_conforms(parent, PATH, "delete", revoked)
