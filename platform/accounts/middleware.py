"""Who may enter: login required everywhere unless a view says otherwise; members only at a location; a second
factor first for those who must have one."""
import sentry_sdk
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from jurisdictions import policy

from accounts import handoff, hosts
from accounts.roles import primary_role, request_roles
from accounts.second_factor import SET_UP_URL_NAMES, owes_second_factor
from config.languages import language_at


class UserLanguageMiddleware:
    """Dutch unless the user (or, before login, the language cookie) asks for another language; at a location in
    the location's own variant of it (Flemish at a Flemish location, config.languages.language_at)."""

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
        location = getattr(request, "location", None)
        if location is not None:
            at_location = language_at(policy(location.jurisdiction).language, language)
            language = at_location if at_location in supported else language
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
        if request.user.is_authenticated and owes_second_factor(request.user):
            url_name = getattr(request.resolver_match, "url_name", None)
            if url_name not in SET_UP_URL_NAMES:
                return self.set_up_second_factor_first(request)
        if public or request.path.startswith("/api/"):
            return None
        if not request.user.is_authenticated:
            return self.handle_no_permission(request, view_func)
        if location is not None and not request.roles:
            return no_access(request)
        return None

    def handle_no_permission(self, request, view_func):
        """At a location, straight to the main domain's login, which hands the login back to this host."""
        if getattr(request, "location", None) is None:
            return super().handle_no_permission(request, view_func)
        return handoff.send_to_central_login(request, request.get_full_path())

    @staticmethod
    def set_up_second_factor_first(request):
        """Nothing but setting up the second factor (and logging out) until it is there, on every host."""
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("Two-factor authentication is required for your role: set it up "
                                             "on the website first.")}, status=403)
        if getattr(request, "location", None) is not None:
            return HttpResponseRedirect(hosts.main_url_for("mfa_index"))
        return HttpResponseRedirect(reverse("mfa_index"))


def no_access(request):
    """A logged-in person without a role at this location: say so, with the way back to the main domain."""
    return render(request, "accounts/no_access.html", {"main_url": hosts.main_url()}, status=403)


class LoginRegistryMiddleware:
    """Keeps `HostSession` up to date when a session of a central login gets a new key (e.g. after a password
    change), so that logging out elsewhere still finds it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None:
            return response
        login_id = session.get(handoff.LOGIN_ID)
        key = session.session_key
        if login_id and key and session.get(handoff.RECORDED_KEY) != key:
            handoff.record_session(login_id=login_id, session_key=key, host=request.get_host())
            session[handoff.RECORDED_KEY] = key
        return response
