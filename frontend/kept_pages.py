"""A person's start page on the main domain kept in the shared cache (bewaarde startpagina).

Parents open the start page many times a day and it changes only when something at one of their locations
does. Building it reads every location's schema and renders some sixty template nodes; serving it kept costs
two reads of the cache. A kept page is served only while
- the versions of the public schema and of each of her locations' schemas are those read before the page's data
  was (changes.versions: any committed write there replaces them; so do a new membership, a removed guardian, a
  changed name, a closed location, a new cooperative survey);
- her day has not ended at any of her locations (the page shows today's plan and handover);
- at most KEEP_SECONDS have passed (a bound for what no version can see, such as a cache that was unreachable
  when a write committed);
- and for the same person, language and roles (the key).
Nothing is kept where messages wait to be shown, for another address than `/`, at a location's host, or without a
cache that every process shares (settings.KEPT_PAGES). The page's CSRF token is not kept: each answer gets the
request's own.
"""
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django_tenants.utils import get_public_schema_name

from changes import versions

KEEP_SECONDS = 300
#: Whether a page was served kept or made (and kept), for the browser's developer tools and the benchmark
#: (the W3C Server-Timing header; it says nothing about the person or the page's contents).
SERVED, MADE = 'page;desc="kept"', 'page;desc="made"'
_TOKEN_MARK = "\x00csrf-token\x00"


def _key(request) -> str:
    return f"kept:start:{request.user.pk}:{get_language()}:{','.join(sorted(request.roles))}"


def may_keep(request) -> bool:
    return (settings.KEPT_PAGES and request.method == "GET" and not request.GET
            and getattr(request, "location", None) is None and request.user.is_authenticated
            and not len(messages.get_messages(request)))


def _served(request, key: str) -> HttpResponse | None:
    kept = cache.get(key)
    if kept is None or kept["until"] <= time.time() or not versions.unchanged(kept["versions"]):
        return None
    response = HttpResponse(kept["html"].replace(_TOKEN_MARK, get_token(request)))
    response["Server-Timing"] = SERVED
    return response


def _next_midnight(zone) -> float:
    today = timezone.localdate(timezone=zone)
    return datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=zone).timestamp()


def start_page(request, template: str, build) -> HttpResponse:
    """The page `template` with the context `build(before_reading)` makes, served kept where it may be.
    `build` calls `before_reading(locations)` once it knows the person's locations and before reading their
    data; everything it reads in the public schema is read after this function noted that schema's version."""
    if not may_keep(request):
        return render(request, template, build(None))
    key = _key(request)
    served = _served(request, key)
    if served is not None:
        return served
    noted = versions.versions([get_public_schema_name()])
    until = [time.time() + KEEP_SECONDS, _next_midnight(timezone.get_current_timezone())]

    def before_reading(locations):
        from portal.selectors import location_zone

        noted.update(versions.versions([location.schema_name for location in locations]))
        until.extend(_next_midnight(location_zone(location)) for location in locations)

    context = build(before_reading)
    token = context["csrf_token"] = get_token(request)
    response = render(request, template, context)
    ends = min(until)
    cache.set(key, {"versions": noted, "until": ends,
                    "html": response.content.decode().replace(token, _TOKEN_MARK)},
              timeout=max(1, int(ends - time.time())))
    response["Server-Timing"] = MADE
    return response
