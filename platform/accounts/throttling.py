"""Throttling failed logins (django-axes and allauth's own limits) by the real client address.

Behind the ingress every request comes from the proxy's address; the client's is in X-Forwarded-For, which
the proxy appends to. With `TRUSTED_PROXY_COUNT` = N the client is the N-th address from the right: what a
client writes into the header itself stays to the left and is ignored. Axes (`AXES_CLIENT_IP_CALLABLE`) and
allauth (`AccountAdapter.get_client_ip`) both call `client_ip`, so they count the same address.
"""
import ipaddress

from django.conf import settings


def _clean(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1:value.index("]")]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address as the trusted proxies saw it (REMOTE_ADDR without trusted proxies)."""
    meta = getattr(request, "META", {})
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [part for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return _clean(forwarded[-count])
    remote = meta.get("REMOTE_ADDR", "")
    return _clean(remote) if remote else None


def axes_username(request, credentials) -> str | None:
    """The account a login attempt is for: allauth's form (`login`, passed on as `email`) or the token
    endpoint (`username`), in lower case so that case changes do not multiply the tries."""
    credentials = credentials or {}
    value = credentials.get("email") or credentials.get("username") or credentials.get("login")
    if not value and request is not None:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        try:
            value = data.get("login") or data.get("username")
        except AttributeError:  # a JSON body that is not an object
            value = None
    return str(value).strip().lower() if value else None


def lift_lock(*, email: str) -> None:
    """A completed password reset proves the person; their account is no longer locked from any address."""
    from axes.utils import reset

    reset(username=email.strip().lower())
