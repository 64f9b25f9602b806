"""Deployment checks (`manage.py check --deploy`): settings without which production must not start.

Errors, not warnings, so that `check --deploy` fails however it is called: a production without meldcode keys
can neither write nor read a case, one on `localhost` sends invitations and notices with links that lead
nowhere and accepts no request on its real host name, and one with a cache per process counts failed logins and
used one-time codes per web process (a code could be used once in each).
"""
from django.conf import settings
from django.core.checks import Error, Tags, register

NOT_A_DOMAIN = {"", "localhost", "127.0.0.1", "::1", "testserver", "example.com"}


def _fernet_key_errors(keys) -> list[str]:
    from cryptography.fernet import Fernet

    problems = []
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key.strip().encode())
        except (ValueError, TypeError):
            problems.append(str(position))
    return problems


@register(Tags.security, deploy=True)
def meldcode_keys(app_configs, **kwargs):
    keys = [key for key in (getattr(settings, "MELDCODE_KEYS", None) or []) if key and key.strip()]
    if not keys:
        return [Error("MELDCODE_KEYS is not set: meldcode cases can be neither stored nor read.",
                      hint="Generate a key with `manage.py rotate_meldcode_key --generate` and set MELDCODE_KEYS.",
                      id="opvangkring.E001")]
    bad = _fernet_key_errors(keys)
    if bad:
        return [Error(f"MELDCODE_KEYS holds values that are not Fernet keys (position {', '.join(bad)}).",
                      hint="Each key is 32 url-safe base64-encoded bytes, as `rotate_meldcode_key --generate` "
                           "prints.", id="opvangkring.E002")]
    return []


@register(Tags.security, deploy=True)
def main_domain(app_configs, **kwargs):
    domain = (getattr(settings, "MAIN_DOMAIN", "") or "").strip().lower().rstrip(".")
    if domain in NOT_A_DOMAIN or domain.endswith(".localhost") or "." not in domain:
        return [Error(f"MAIN_DOMAIN is {domain or 'empty'!r}, not the cooperative's real domain.",
                      hint="Set MAIN_DOMAIN to the host name the cooperative answers on (locations answer on "
                           "<slug>.<MAIN_DOMAIN>).", id="opvangkring.E003")]
    return []


PER_PROCESS_CACHES = {"django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"}


@register(Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [Error("The cache is kept per process: login rate limits and used one-time codes would not be "
                      "shared between web processes.",
                      hint="Set REDIS_URL (or CACHE_URL) to a Redis server all web processes use.",
                      id="opvangkring.E004")]
    return []
