"""Flood protection of the public request form without a third-party captcha: a fixed window per client address
in the shared cache (one counter, nothing else stored; every web process counts the same), and a honeypot field
(intake.forms.RequestForm.website)."""
from django.core.cache import cache

from accounts.throttling import client_ip

#: Submissions (valid or not) one address may make in the window; a family correcting a few field errors stays
#: far below it, a script hits it within seconds.
LIMIT = 20
WINDOW_SECONDS = 3600


def _key(request) -> str:
    return f"intake:form:{client_ip(request) or 'unknown'}"


def allow(request) -> bool:
    """Count this submission; False once the address made more than LIMIT in the window."""
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
        return True
    return count <= LIMIT
