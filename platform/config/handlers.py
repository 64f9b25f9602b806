"""Error pages that know the API: a path under /api/ that matches no URL answers in the API's own format
(`{"detail": ...}`, JSON), not with the HTML page meant for people.

A host that belongs to no location (never had one, or offboarded) is answered before any URL conf is
chosen; its page is drawn with the main domain's URLs so that the page's links resolve, in the visitor's language
cookie or the default (the language middleware never ran: no language of an earlier request may show)."""
from django.conf import settings
from django.http import JsonResponse
from django.urls import set_urlconf
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults


def not_found(request, exception):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    if getattr(request, "tenant", None) is None:
        set_urlconf(settings.PUBLIC_SCHEMA_URLCONF)
        supported = {code for code, _name in settings.LANGUAGES}
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        with translation.override(language if language in supported else settings.LANGUAGE_CODE):
            return defaults.page_not_found(request, exception)
    return defaults.page_not_found(request, exception)
