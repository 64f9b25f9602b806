"""Deployment checks of push notifications (`manage.py check --deploy`)."""
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from push import keys


@register(Tags.security, deploy=True)
def vapid_key(app_configs, **kwargs):
    text = (getattr(settings, "WEB_PUSH_VAPID_PRIVATE_KEY", "") or "").strip()
    if not text:
        return [Warning("WEB_PUSH_VAPID_PRIVATE_KEY is not set: push notifications are off.",
                        hint="Generate a key pair with `manage.py generate_vapid_keys` and set the private key.",
                        id="opvangkring.W101")]
    problem = keys.key_error(text)
    if problem:
        return [Error(f"WEB_PUSH_VAPID_PRIVATE_KEY is not a usable P-256 key ({problem}).",
                      hint="Generate a key pair with `manage.py generate_vapid_keys`.", id="opvangkring.E101")]
    return []
