"""The one place that talks to Stripe: a StripeClient with the platform's secret key.

`use_http_client` swaps the HTTP transport (the tests answer the SDK from recorded responses, so the SDK
still builds every request and parses every response); STRIPE_API_BASE (not in production) sends the calls to
another server, which the browser tests' server uses for the same recordings. Calls for a location run on its
connected account (`options={"stripe_account": ...}`).
"""
from __future__ import annotations

import stripe
from django.conf import settings

_http_client = None


def use_http_client(http_client) -> None:
    """Use `http_client` (a stripe.HTTPClient) for every following call; None restores the default."""
    global _http_client
    _http_client = http_client


def client() -> stripe.StripeClient:
    if not settings.STRIPE_SECRET_KEY:
        raise stripe.AuthenticationError("Set STRIPE_SECRET_KEY to use Stripe.")
    kwargs = {"max_network_retries": 2}
    if _http_client is not None:
        kwargs["http_client"] = _http_client
    if settings.STRIPE_API_BASE:  # never in production (config.settings)
        kwargs["base_addresses"] = {"api": settings.STRIPE_API_BASE}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, **kwargs)


def on_account(account_id: str, idempotency_key: str | None = None) -> dict:
    options = {"stripe_account": account_id}
    if idempotency_key:
        options["idempotency_key"] = idempotency_key
    return options


def construct_event(payload: bytes, signature: str | None):
    """Verify the signature with Stripe's scheme (stripe.Webhook.construct_event) against each configured
    endpoint secret (the platform's and the Connect endpoint's); raise SignatureVerificationError."""
    secrets = [s for s in (settings.STRIPE_WEBHOOK_SECRET, settings.STRIPE_CONNECT_WEBHOOK_SECRET) if s]
    if not secrets:
        raise stripe.SignatureVerificationError("No webhook secret configured.", signature)
    error = None
    for secret in secrets:
        try:
            return stripe.Webhook.construct_event(payload, signature, secret)
        except stripe.SignatureVerificationError as exc:
            error = exc
    raise error
