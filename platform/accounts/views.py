"""Logging in and out on every host, the handoff between hosts, accepting an invitation, choosing a language.

Everybody logs in on the main domain (django-allauth: password, then the second factor); a location's host
sends its visitors there and gets the login back through a single-use token (accounts.handoff).
"""
from urllib.parse import quote

from allauth.account import views as allauth_views
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import handoff, hosts
from accounts.forms import LanguageForm
from accounts.middleware import no_access
from accounts.roles import roles_for

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@method_decorator(login_not_required, name="dispatch")
class LoginView(allauth_views.LoginView):
    """The login page of the main domain; a location's host sends the visitor there (and gets them back)."""

    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "location", None) is not None:
            return location_login(request)
        return super().dispatch(request, *args, **kwargs)


def location_login(request):
    """`/accounts/login/` on a location's host: already in? Then onward; else the central login."""
    next_path = request.GET.get("next", "")
    if not hosts.is_local_path(next_path):
        next_path = "/"
    if request.user.is_authenticated:
        return HttpResponseRedirect(next_path)
    return handoff.send_to_central_login(request, next_path)


class LogoutView(allauth_views.LogoutView):
    """Logging out on any host ends the central login and every host's session of it (accounts.signals), then
    shows the main domain's login page.

    Unlike allauth's, it needs a login (and at a location a role there), as Django's did: `dispatch` is
    redefined so that allauth's `login_not_required` mark is not inherited."""

    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_redirect_url(self):
        return hosts.main_url_for("login")


@method_decorator(never_cache, name="dispatch")
class HandoffStartView(View):
    """Main domain: the person is logged in here (with the second factor, the access middleware saw to that);
    make a token for the host of `next` and send them there. Only our own active hosts are accepted."""

    def get(self, request):
        target = hosts.split_next(request.GET.get("next", ""))
        if target is None:
            return HttpResponseRedirect(reverse("home"))
        origin, path, location = target
        if location is None:
            return HttpResponseRedirect(origin + path)
        state = request.GET.get("state", "")
        if not handoff.is_state(state):
            # Not sent by the location's host (a copied link): let that host give the browser its secret first.
            login = reverse("login", urlconf=settings.ROOT_URLCONF)
            return HttpResponseRedirect(f"{origin}{login}?next={quote(path, safe='/')}")
        login_id = request.session.get(handoff.LOGIN_ID)
        if not login_id:  # a session from before the central login existed
            login_id = handoff.new_login_id()
            request.session[handoff.LOGIN_ID] = login_id
            request.session.save()
            handoff.record_session(login_id=login_id, session_key=request.session.session_key,
                                   host=request.get_host())
        token = handoff.issue_token(user=request.user, host=hosts.hostname(origin.split("://", 1)[1]),
                                    login_id=login_id, state=state)
        arrive = reverse("handoff-arrive", kwargs={"token": token}, urlconf=settings.ROOT_URLCONF)
        return HttpResponseRedirect(f"{origin}{arrive}?next={quote(path, safe='/')}")


@method_decorator([login_not_required, never_cache], name="dispatch")
class HandoffArriveView(View):
    """A location's host: redeem the token once, log the person in here, and go on to the page they wanted."""

    def get(self, request, token):
        location = getattr(request, "location", None)
        if location is None:
            raise Http404
        next_path = request.GET.get("next", "")
        if not hosts.is_local_path(next_path):
            next_path = "/"
        try:
            ticket = handoff.redeem_token(token=token, host=hosts.hostname(request.get_host()),
                                          state=request.COOKIES.get(handoff.STATE_COOKIE))
        except handoff.HandoffRefused:
            again = f"{reverse('login')}?next={quote(next_path, safe='/')}"
            return render(request, "accounts/handoff_refused.html", {"again_url": again}, status=400)
        if not location.is_active:
            return render(request, "accounts/location_suspended.html", status=403)
        if not roles_for(ticket.user, location):
            return no_access(request)
        request.handoff_login_id = ticket.login_id
        login(request, ticket.user, backend=MODEL_BACKEND)
        response = HttpResponseRedirect(next_path)
        response.delete_cookie(handoff.STATE_COOKIE, path=handoff.STATE_COOKIE_PATH)
        return response


@method_decorator(login_not_required, name="dispatch")
class InvitationView(auth_views.PasswordResetConfirmView):
    """An invited person chooses a password (the link from the invitation e-mail)."""

    template_name = "accounts/invitation.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        messages.success(self.request, _("Your password is set. You can log in now."))
        return super().form_valid(form)


@require_POST
@login_not_required
def set_language(request):
    """Store the chosen language on the user (and in a cookie for the login page)."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            request.user.language = language
            request.user.save(update_fields=["language"])
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600,
                            samesite="Lax", secure=request.is_secure())
    return response
