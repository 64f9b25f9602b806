"""The orchestrator's probes and Prometheus' scrape, answered before anything else (no host check, no
location, no login, no HTTPS redirect: a probe comes from inside the cluster), and every other request timed
and given an id that its log lines and its answer (X-Request-ID) carry."""
import hmac
import json
import logging
import time

from django.conf import settings
from django.http import HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from monitoring import checks, context
from monitoring.metrics import REGISTRY, REQUEST_SECONDS, status_class
from monitoring.queues import refresh

LIVE, READY, METRICS = "/healthz", "/readyz", "/metrics"
log = logging.getLogger("opvangkring.request")


def _metrics_allowed(request) -> bool:
    token = getattr(settings, "METRICS_TOKEN", "")
    if not token:
        return True
    given = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ").strip()
    return hmac.compare_digest(given.encode(), token.encode())


class ObservabilityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path == LIVE:
            return HttpResponse("ok\n", content_type="text/plain")
        if path == READY:
            outcome = checks.run()
            ready = all(value == "ok" for value in outcome.values())
            return HttpResponse(json.dumps({"ready": ready, "checks": outcome}), status=200 if ready else 503,
                                content_type="application/json")
        if path == METRICS:
            if not _metrics_allowed(request):
                return HttpResponse("unauthorized\n", status=401, content_type="text/plain")
            refresh()
            return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)
        request.id = context.new_request_id(request.META.get("HTTP_X_REQUEST_ID"))
        id_token = context.request_id.set(request.id)
        location_token = context.location.set("-")
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            match = getattr(request, "resolver_match", None)
            route = (match.view_name if match else None) or "unmatched"
            method = request.method if request.method in _METHODS else "other"
            seconds = time.perf_counter() - started
            REQUEST_SECONDS.labels(route, method, status_class(response.status_code)).observe(seconds)
            # The route's name, not the path: a path can hold a token (an invitation, a feed).
            log.info("%s %s %s %.0f ms", method, route, response.status_code, seconds * 1000,
                     extra={"route": route, "status": response.status_code, "ms": round(seconds * 1000)})
        finally:
            context.request_id.reset(id_token)
            context.location.reset(location_token)
        response["X-Request-ID"] = request.id
        return response


_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}


class LocationLogMiddleware:
    """After the location is known (cooperative.middleware.LocationMiddleware): its slug on the log lines."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        location = getattr(request, "location", None)
        context.location.set(location.slug if location is not None else "cooperative")
        return self.get_response(request)
