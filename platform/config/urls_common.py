"""URLs that every host has: login, logout, invitation, language, API auth and the API schema; and the
accounts pages only the main domain has (the central login, password reset, two-factor set-up)."""
from allauth.account import views as allauth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts import api as accounts_api
from accounts import views as accounts_views
from frontend.views import home, more

urlpatterns = [
    path("", home, name="home"),
    path("menu/", more, name="more"),
    path("accounts/login/", accounts_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", accounts_views.LogoutView.as_view(), name="logout"),
    path("accounts/handoff/<str:token>/", accounts_views.HandoffArriveView.as_view(), name="handoff-arrive"),
    path("account/invitation/<uidb64>/<token>/", accounts_views.InvitationView.as_view(), name="invitation"),
    path("account/language/", accounts_views.set_language, name="set_language"),
    path("api/v1/me/", accounts_api.MeView.as_view(), name="api-me"),
    path("api/v1/auth/token/", login_not_required(accounts_api.TokenView.as_view()), name="api-token"),
]

# Everybody logs in on the main domain (docs/accounts.md): django-allauth's pages that we use, under their own
# names (allauth reverses them), and the start of the handoff to a location's host.
main_domain_accounts = [
    path("accounts/login/", accounts_views.LoginView.as_view(), name="account_login"),
    path("accounts/logout/", accounts_views.LogoutView.as_view(), name="account_logout"),
    path("accounts/handoff/", accounts_views.HandoffStartView.as_view(), name="handoff-start"),
    path("accounts/inactive/", allauth_views.account_inactive, name="account_inactive"),
    path("accounts/reauthenticate/", allauth_views.reauthenticate, name="account_reauthenticate"),
    path("accounts/password/reset/", allauth_views.password_reset, name="account_reset_password"),
    path("accounts/password/reset/done/", allauth_views.password_reset_done, name="account_reset_password_done"),
    re_path(r"^accounts/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
            allauth_views.password_reset_from_key, name="account_reset_password_from_key"),
    path("accounts/password/reset/key/done/", allauth_views.password_reset_from_key_done,
         name="account_reset_password_from_key_done"),
    path("accounts/2fa/", include("allauth.mfa.urls")),
]


def api_schema_urls(urlconf: str):
    """The OpenAPI schema and docs of one host kind: each describes the API that answers there."""
    return [
        path("api/schema/", login_not_required(SpectacularAPIView.as_view(urlconf=urlconf)), name="api-schema"),
        # The split view serves its start-up script as a file of its own: no inline script under the CSP.
        path("api/docs/", login_not_required(SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html")), name="api-docs"),
    ]
