"""Who may enter: login required everywhere unless a view says otherwise; members only at a location."""
import sentry_sdk
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import translation

from accounts.roles import primary_role, request_roles


class UserLanguageMiddleware:
    """Dutch unless the user (or, before login, the language cookie) asks for another language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        supported = {code for code, _name in settings.LANGUAGES}
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in supported:
            language = user.language
        if language not in supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class AccessMiddleware(LoginRequiredMiddleware):
    """Pages need a login; at a location they need a membership there, and the location must be active.

    API views (under /api/) authenticate with DRF (session or token) and check the same rules in
    `accounts.permissions`, because a token is only known once DRF has looked at the request.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.roles = request_roles(request)
        request.role = primary_role(request.roles)
        sentry_sdk.get_isolation_scope().set_tag("role", request.role or "anonymous")
        public = not getattr(view_func, "login_required", True)
        location = getattr(request, "location", None)
        if location is not None and not location.is_active and not public:
            return render(request, "accounts/location_suspended.html", status=403)
        if public or request.path.startswith("/api/"):
            return None
        if not request.user.is_authenticated:
            return self.handle_no_permission(request, view_func)
        if location is not None and not request.roles:
            raise PermissionDenied("No membership at this location.")
        return None
