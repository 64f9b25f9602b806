"""A browser enrolled as a location's kiosk reaches the kiosk and nothing else on that host.

Placed right after the location middleware: a request with a valid kiosk cookie for this location goes to the
kiosk pages (and static files) only; any other page is sent to the kiosk, any API call is refused, even when a
person is logged in in that browser. A cookie of a revoked or unknown device is removed: the browser is an
ordinary one again."""
from django.http import HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext as _

from tenants.kiosk import selectors

ALLOWED_PREFIXES = ("/kiosk/", "/static/")
KIOSK_HOME = "/kiosk/"


class KioskMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.kiosk_device = None
        token = request.COOKIES.get(selectors.COOKIE)
        if getattr(request, "location", None) is None or not token:
            return self.get_response(request)
        device = selectors.device_for_token(token)
        if device is None:
            response = self.get_response(request)
            response.delete_cookie(selectors.COOKIE)
            return response
        request.kiosk_device = device
        if request.path.startswith(ALLOWED_PREFIXES):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("This tablet is a kiosk: it only checks children in and out.")},
                                status=403)
        return HttpResponseRedirect(KIOSK_HOME)
