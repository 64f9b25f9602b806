"""Crawling every route of the application as one user, to show that nothing of a case reaches her anywhere."""
import html
import json
import re
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver

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


def assert_nowhere(client_for, user, site, hidden, control, secrets) -> None:
    """Request every page and API endpoint of `site`'s host and of the main domain as `user`, with the hidden
    case's id and reference in every id slot and search parameter: none of `secrets` and no link to the case
    shows anywhere, while the `control` case (one she may see) is found, so the crawl reached the meldcode."""
    values = [hidden.pk, hidden.reference, control.pk]
    # The product has no search; a list that one day filters on `search` must not find the case either.
    queries = ["", f"?search={hidden.reference}"]
    found_control = False
    checked = 0
    for host_client, urlconf in ((client_for(user, site), "config.urls_location"),
                                 (client_for(user), "config.urls_public")):
        host_client.raise_request_exception = False
        for url, status, text in crawl(host_client, urlconf, values, queries):
            checked += 1
            for secret in secrets:
                assert secret not in text, f"{secret!r} shows at {url} ({status})"
            assert f"/meldcode/cases/{hidden.pk}/" not in text and f"/look/{hidden.pk}/" not in text, url
            found_control = found_control or control.reference in text
    assert checked > 100, "the crawl did not reach the application"
    assert found_control, "the control case was not found: the crawl did not reach the meldcode pages"
