"""Error pages that know the API: a path under /api/ that matches no URL answers in the API's own format
(`{"detail": ...}`, JSON), not with the HTML page meant for people."""
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def not_found(request, exception):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)
