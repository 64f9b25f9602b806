"""A route 2 case about the entrepreneur of location A (or about her housemate) is invisible to her everywhere.

The test logs in as her and requests every route of the application — every page and API endpoint of her
location's host and of the main domain, with the case's id in every id slot and its reference in every search
parameter — and looks for the case's identifiers and words in every answer. It also reads her location's export,
her e-mail and her home page (the dashboard). A route 1 case at her location is the control: the same crawl
finds that one, so the crawl does reach the meldcode pages.
"""
import html
import json
import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.urls import URLPattern, URLResolver, get_resolver

from tenants.exports.services import location_data

CONTROL_WORD = "Regenboogkwal"
SECRET_WORDS = ["Zeppelinvlek", "Kneuzing op de bovenarm", "Groepsruimte Vlindertuin"]
SKIP = re.compile(r"(logout|language|invitation|token|stripe|webhook)")


def all_routes(urlconf: str) -> list[str]:
    """Every route of a URL conf as a pattern string (path converters or regular expressions)."""
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            text = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + text.lstrip("^"))
            elif isinstance(pattern, URLPattern):
                found.append(prefix + text.lstrip("^"))

    walk(get_resolver(urlconf).url_patterns, "")
    return found


def concrete(route: str, value) -> str | None:
    """The route with `value` in every parameter, or None when it cannot be made concrete (e.g. a format)."""
    if "(?P<format>" in route:
        return None
    path = re.sub(r"<(?:\w+:)?\w+>", str(value), route)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", str(value), path)
    path = path.replace("$", "").replace("\\.", ".").replace("/?", "/")
    if re.search(r"[\\()\[\]*+?^]", path):
        return None
    return "/" + path


def without_echo(text: str, url: str) -> str:
    """The answer without the request's own URL (pages repeat it, e.g. in the language switch's `next`)."""
    for echo in {url, html.escape(url), quote(url), quote(url, safe=""), json.dumps(url)[1:-1]}:
        text = text.replace(echo, "")
    return text


def crawl(client, urlconf, values, queries):
    """Yield (url, text) for every route with every value in its parameters."""
    seen = set()
    for route in all_routes(urlconf):
        if SKIP.search(route):
            continue
        for value in values:
            path = concrete(route, value)
            if path is None or path in seen:
                continue
            seen.add(path)
            for query in queries:
                response = client.get(path + query)
                body = b"" if getattr(response, "streaming", False) else response.content
                yield path + query, response.status_code, without_echo(body.decode("utf-8", "replace"), path + query)


@pytest.mark.parametrize("about", ["entrepreneur", "housemate"])
def test_a_route_2_case_about_the_entrepreneur_is_invisible_to_her_everywhere(
        world, report, client_for, housemate_name, about):
    site = world.a
    owner = site.entrepreneur
    control = report(route=1, description=f"Controlegeval met het woord {CONTROL_WORD}.", place="Speelplaats")
    mail.outbox.clear()
    if about == "entrepreneur":
        hidden = report(route=2, subject_user=owner)
    else:
        hidden = report(route=2, housemate=housemate_name, relation="partner")
    secrets = [hidden.reference, *SECRET_WORDS] + ([housemate_name] if about == "housemate" else [])

    # Notifications: only the pedagogue was told.
    assert [m.to for m in mail.outbox] == [[world.pedagogue.email]]

    values = [hidden.pk, hidden.reference, control.pk]
    queries = ["", f"?search={hidden.reference}", f"?q={hidden.reference}", "?search=Zeppelinvlek"]
    found_control = False
    checked = 0
    for host_client, urlconf in ((client_for(owner, site), "config.urls_location"),
                                 (client_for(owner), "config.urls_public")):
        host_client.raise_request_exception = False
        for url, status, text in crawl(host_client, urlconf, values, queries):
            checked += 1
            for secret in secrets:
                assert secret not in text, f"{secret!r} shows at {url} ({status})"
            assert f"/meldcode/cases/{hidden.pk}/" not in text and f"/look/{hidden.pk}/" not in text, url
            found_control = found_control or control.reference in text
    assert checked > 100, "the crawl did not reach the application"
    assert found_control, "the control case (route 1) was not found: the crawl did not reach the meldcode pages"

    # Her case pages and API answer 404 for the hidden case: no hint that it exists.
    owner_client = client_for(owner, site)
    assert owner_client.get(f"/meldcode/cases/{hidden.pk}/").status_code == 404
    assert owner_client.get(f"/api/v1/meldcode/cases/{hidden.pk}/").status_code == 404
    assert [c["reference"] for c in owner_client.get("/api/v1/meldcode/cases/").json()] == [control.reference]

    # The location's export (what the entrepreneur downloads, and offboarding writes) carries no case at all.
    exported = json.dumps(location_data(site.location), ensure_ascii=False, default=str)
    for secret in [*secrets, control.reference, CONTROL_WORD]:
        assert secret not in exported

    # No e-mail at any point reached her about it.
    for message in mail.outbox:
        assert owner.email not in message.to
