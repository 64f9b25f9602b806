"""Every page comes with a strict content security policy, a referrer policy and a permissions policy, and no page
needs the policy loosened: no inline script, no inline style, no event-handler attributes, no eval.

Issue 14, point 5. The pages are every GET endpoint of both URL confs (enumerated from the resolver, as the
isolation test does), fetched by each kind of user who reaches them; the browser journeys in tests/e2e check the
same policy from the other side (the e2e fixture fails a test on any violation Chromium reports).
"""
import re

import pytest
from django.conf import settings

from tests.platform import test_isolation
from tests.platform.test_isolation import client, location_endpoints, main_endpoints

a_export = test_isolation.a_export

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def test_the_policy_is_strict():
    """The policy itself: our own files only, nothing inline, no eval, no framing, no plug-ins, no <base>."""
    policy = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for directive in ("script-src", "style-src", "default-src"):
        sources = " ".join(str(s) for s in policy[directive])
        assert "unsafe-inline" not in sources and "unsafe-eval" not in sources and "*" not in sources, directive
    assert [str(s) for s in policy["frame-ancestors"]] == ["'none'"]
    assert [str(s) for s in policy["object-src"]] == ["'none'"]
    assert [str(s) for s in policy["base-uri"]] == ["'none'"]


def test_a_page_has_the_three_headers(world, client_for):
    response = client_for(world.a.parent, world.a).get("/")
    assert response.status_code == 200
    csp = directives(response.headers["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]  # no nonce in the header unless a template asked for one
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    # Forms post to our own hosts only (the login hands over to a location's host) and Stripe's hosted pages.
    assert set(csp["form-action"]) == {"'self'", "http://localhost:8000", "http://*.localhost:8000",
                                       "https://checkout.stripe.com", "https://connect.stripe.com"}
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    assert "publickey-credentials-get=(self)" in permissions


def test_the_api_has_the_headers_too(world, api):
    response = api(world.a.entrepreneur, world.a).get("/api/v1/me/")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "same-origin"


def inline_problems(body: str) -> list[str]:
    problems = []
    for name, pattern in (("inline script", INLINE_SCRIPT), ("event handler attribute", EVENT_HANDLER),
                          ("style attribute", STYLE_ATTRIBUTE), ("style element", STYLE_ELEMENT)):
        problems += [f"{name}: {match.group(0)[:80]}" for match in pattern.finditer(body)]
    return problems


def test_the_checker_finds_what_the_policy_would_block():
    assert inline_problems('<script src="/static/a.js"></script><script type="application/json">{}</script>') == []
    assert len(inline_problems('<script>alert(1)</script><a href="#" onclick="x()">')) == 2
    assert len(inline_problems('<p style="color:red">x</p><style>p{}</style>')) == 2
    assert inline_problems("<p>Describe the style = of care; onboarding is done</p>") == []


def html_pages(user, host, endpoints):
    c = client(user, host)
    for endpoint in endpoints:
        response = c.get(endpoint.path)
        content_type = response.headers.get("Content-Type", "")
        if response.status_code == 200 and content_type.startswith("text/html") and not response.streaming:
            yield endpoint, response


@pytest.mark.parametrize("role", ["entrepreneur", "staff", "parent"])
def test_no_page_at_a_location_needs_inline_script_or_style(world, a_export, role):
    seen, problems = 0, {}
    for endpoint, response in html_pages(getattr(world.a, role), world.a.host, location_endpoints(world.a, a_export)):
        seen += 1
        assert "Content-Security-Policy" in response.headers, str(endpoint)
        found = inline_problems(response.content.decode(errors="replace"))
        if found:
            problems[str(endpoint)] = found
    assert problems == {}
    assert seen > 10


@pytest.mark.parametrize("role", ["coop_admin", "adviser", "pedagogue", "two_location_parent"])
def test_no_page_on_the_main_domain_needs_inline_script_or_style(world, role):
    seen, problems = 0, {}
    for endpoint, response in html_pages(getattr(world, role), "localhost", main_endpoints(world)):
        seen += 1
        found = inline_problems(response.content.decode(errors="replace"))
        if found:
            problems[str(endpoint)] = found
    assert problems == {}
    assert seen >= 3


def test_the_api_docs_load_their_script_from_a_file(world):
    page = client(None, "localhost").get("/api/docs/")
    assert page.status_code == 200
    body = page.content.decode()
    assert inline_problems(body) == []
    script = re.search(r'<script src="([^"]*\bscript=[^"]*)"', body).group(1).replace("&amp;", "&")
    response = client(None, "localhost").get(script)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in response.content.decode()
