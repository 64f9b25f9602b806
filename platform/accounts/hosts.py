"""Which hosts a login may be carried to, and the main domain's URLs (where everybody logs in).

A next-URL after logging in is followed only to the main domain or to the host of an *active* location:
anything else (another site, a suspended or offboarded location, a scheme other than ours) is an open
redirect and is replaced by the home page.
"""
from urllib.parse import urlencode, urlsplit

from django.conf import settings

from cooperative.middleware import main_hosts


def main_url(path: str = "/", **query) -> str:
    """An absolute URL on the main domain (the central login lives there)."""
    port = f":{settings.SITE_PORT}" if settings.SITE_PORT else ""
    url = f"{settings.SITE_SCHEME}://{settings.MAIN_DOMAIN}{port}{path}"
    return f"{url}?{urlencode(query)}" if query else url


def main_url_for(url_name: str, **query) -> str:
    """The main domain's URL of a named page, from any host (a location's URL conf does not have it)."""
    from django.urls import reverse

    return main_url(reverse(url_name, urlconf=settings.PUBLIC_SCHEMA_URLCONF), **query)


def hostname(host: str) -> str:
    """`kikker.localhost:8000` -> `kikker.localhost` (a request's host or a URL's netloc)."""
    return urlsplit(f"//{host}").hostname or ""


def location_for_host(name: str):
    """The active location answering on host name `name`, or None."""
    from cooperative.models import Domain

    domain = Domain.objects.filter(domain=name.lower()).select_related("tenant").first()
    if domain is None or domain.tenant.schema_name == "public" or not domain.tenant.is_active:
        return None
    return domain.tenant


def is_main_host(name: str) -> bool:
    return name.lower() in main_hosts()


def split_next(url: str):
    """(scheme://netloc, path with query, location or None) for an acceptable absolute next-URL, else None.

    Acceptable: our scheme, no user info, and the main domain or an active location's host. Relative URLs
    are not handled here (they stay on the host they were given to)."""
    if not url or "\\" in url:
        return None
    parts = urlsplit(url)
    if parts.scheme != settings.SITE_SCHEME or not parts.netloc or "@" in parts.netloc or not parts.hostname:
        return None
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith("//"):
        return None
    path_and_query = path + (f"?{parts.query}" if parts.query else "")
    if is_main_host(parts.hostname):
        return f"{parts.scheme}://{parts.netloc}", path_and_query, None
    location = location_for_host(parts.hostname)
    if location is None:
        return None
    return f"{parts.scheme}://{parts.netloc}", path_and_query, location


def is_local_path(url: str) -> bool:
    """A path on the same host: starts with one slash, no scheme, no host, no backslash tricks."""
    return bool(url) and url.startswith("/") and not url.startswith("//") and "\\" not in url and \
        not urlsplit(url).netloc and not urlsplit(url).scheme
