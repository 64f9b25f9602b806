"""URLs that every host has: login, logout, invitation, language, API auth and the API schema."""
from django.contrib.auth.decorators import login_not_required
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts import api as accounts_api
from accounts import views as accounts_views
from frontend.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/login/", accounts_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", accounts_views.LogoutView.as_view(), name="logout"),
    path("account/invitation/<uidb64>/<token>/", accounts_views.InvitationView.as_view(), name="invitation"),
    path("account/language/", accounts_views.set_language, name="set_language"),
    path("api/v1/me/", accounts_api.MeView.as_view(), name="api-me"),
    path("api/v1/auth/token/", login_not_required(accounts_api.TokenView.as_view()), name="api-token"),
]


def api_schema_urls(urlconf: str):
    """The OpenAPI schema and docs of one host kind: each describes the API that answers there."""
    return [
        path("api/schema/", login_not_required(SpectacularAPIView.as_view(urlconf=urlconf)), name="api-schema"),
        # The split view serves its start-up script as a file of its own: no inline script under the CSP.
        path("api/docs/", login_not_required(SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html")), name="api-docs"),
    ]
