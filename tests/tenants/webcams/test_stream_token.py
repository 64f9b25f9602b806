"""A stream token is good for one session, one camera, one location, under a minute and never past the window's
end (issue 18 point 4: "a copied link stops working within a minute and at the end of the window")."""
import pytest

from tenants.webcams.stream import tokens

NOW = 1_800_000_000.0
END = NOW + 600


def issue(**changes):
    values = {"viewer_key": "user:7", "session_key": "session-a", "camera_id": 3, "schema": "kikker",
              "window_end": END, "now": NOW} | changes
    return tokens.issue(**values)


def check(token, **changes):
    values = {"session_key": "session-a", "camera_id": 3, "schema": "kikker", "now": NOW + 1} | changes
    return tokens.check(token, **values)


def test_a_fresh_token_grants_its_viewer_and_camera():
    grant = check(issue())
    assert (grant.viewer_key, grant.camera_id, grant.schema, grant.window_end) == ("user:7", 3, "kikker", END)


@pytest.mark.parametrize(("after", "good"), [(0, True), (tokens.TTL - 1, True), (tokens.TTL, False), (59, False)])
def test_a_token_expires_within_a_minute(after, good):
    token = issue()
    if good:
        check(token, now=NOW + after)
    else:
        with pytest.raises(tokens.BadToken, match="expired"):
            check(token, now=NOW + after)


def test_a_token_stops_at_the_end_of_the_window():
    token = issue(window_end=NOW + 10)
    check(token, now=NOW + 9.9)
    with pytest.raises(tokens.BadToken, match="window"):
        check(token, now=NOW + 10)


def test_a_token_from_the_future_is_refused():
    with pytest.raises(tokens.BadToken, match="expired"):
        check(issue(now=NOW + 30), now=NOW)


@pytest.mark.parametrize(("where", "reason"), [
    ({"session_key": "session-b"}, "session"),  # a link copied into another browser
    ({"session_key": ""}, "session"),
    ({"camera_id": 4}, "camera"),
    ({"schema": "zonnebloem"}, "camera"),  # the same camera number at another location
])
def test_a_token_is_bound_to_session_camera_and_location(where, reason):
    with pytest.raises(tokens.BadToken, match=reason):
        check(issue(), **where)


@pytest.mark.parametrize("token", ["", "nonsense", "e30:AAAA"])
def test_a_forged_or_empty_token_is_refused(token):
    with pytest.raises(tokens.BadToken):
        check(token)


def test_a_token_changed_in_one_character_is_refused():
    token = issue()
    forged = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    with pytest.raises(tokens.BadToken, match="signature"):
        check(forged)


def test_a_token_holds_no_session_key():
    from django.core import signing

    payload = signing.Signer(salt=tokens.SALT).unsign_object(issue())
    assert "session-a" not in str(payload) and payload["s"] == tokens.session_hash("session-a")


def test_no_token_without_a_session():
    with pytest.raises(tokens.BadToken):
        issue(session_key="")
