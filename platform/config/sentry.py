"""Error reports to Sentry, without personal data.

Children's names, birth dates, BSNs, addresses and the free text of complaints or meldcode cases must
never leave the platform in an error report. Besides the SDK's own collection switched off
(`DATA_COLLECTION`), the scrubber below keeps only what is needed to find a bug: the exception type, the
stack (without local variables), the URL route, the location slug and the user's role. Exception messages
and log messages are dropped because they often quote the data that caused them.
"""
import sentry_sdk

REDACTED = "[scrubbed]"
SAFE_HEADERS = {"Host", "User-Agent", "Accept", "Accept-Language", "Content-Type", "Content-Length"}


def scrub_event(event, hint=None):
    """Remove anything that may identify a person from a Sentry event."""
    for exception in (event.get("exception") or {}).get("values", []):
        if exception.get("value"):
            exception["value"] = REDACTED
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    for thread in (event.get("threads") or {}).get("values", []):
        for frame in (thread.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    if "logentry" in event:
        event["logentry"] = {"message": REDACTED}
    event.pop("message", None)
    request = event.get("request")
    if request:
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        headers = request.get("headers") or {}
        request["headers"] = {k: v for k, v in headers.items() if k in SAFE_HEADERS}
    user = event.get("user")
    if user:
        event["user"] = {"id": user.get("id")} if user.get("id") else {}
    event.pop("extra", None)
    breadcrumbs = event.get("breadcrumbs") or {}
    for crumb in breadcrumbs.get("values", []):
        if crumb.get("message"):
            crumb["message"] = REDACTED
        crumb.pop("data", None)
    return event


def scrub_breadcrumb(crumb, hint=None):
    """SQL and log breadcrumbs can carry names: keep only their category and level."""
    crumb.pop("data", None)
    if crumb.get("message"):
        crumb["message"] = REDACTED
    return crumb


#: What the SDK may collect by itself: nothing about the user, no cookies, bodies, query strings, SQL
#: parameters, task arguments or local variables; of the request headers only two harmless ones.
DATA_COLLECTION = {
    "user_info": False,
    "cookies": {"mode": "off"},
    "http_headers": {"request": {"mode": "allowlist", "terms": ["content-type", "accept-language"]}},
    "http_bodies": [],
    "url_query_params": {"mode": "off"},
    "graphql": {"document": False, "variables": False},
    "gen_ai": {"inputs": False, "outputs": False},
    "database_query_data": False,
    "queues": False,
    "stack_frame_variables": False,
}


def init_sentry(dsn: str, environment: str) -> None:
    if not dsn:
        return
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        data_collection=DATA_COLLECTION,
        max_request_body_size="never",
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        traces_sample_rate=0.0,
    )
