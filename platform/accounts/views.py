"""Pages for logging in and out, accepting an invitation and choosing a language."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.forms import LanguageForm, LoginForm


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


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
