"""The main domain: the cooperative and the parent portal across locations."""
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from config.urls_common import api_schema_urls, main_domain_accounts
from config.urls_common import urlpatterns as common
from cooperative import api as cooperative_api
from cooperative import views as cooperative_views
from frontend import views as frontend_views

router = SimpleRouter(trailing_slash=True)
router.register("locations", cooperative_api.LocationViewSet, basename="location")

urlpatterns = common + main_domain_accounts + api_schema_urls("config.urls_public") + [
    # The installable parent portal: manifest and service worker at the root scope of the main domain.
    path("manifest.webmanifest", frontend_views.manifest, name="manifest"),
    path("sw.js", frontend_views.service_worker, name="service-worker"),
    path("offline/", frontend_views.offline, name="offline"),
    path("locations/", cooperative_views.LocationListView.as_view(), name="locations"),
    path("locations/new/", cooperative_views.LocationCreateView.as_view(), name="location-create"),
    path("api/v1/", include(router.urls)),
    path("", include("cooperative.urls_public")),
    path("", include("tenants.ratios.urls")),
    path("", include("advisory.urls_public")),
    path("", include("safeguarding.urls_public")),
    path("", include("complaint_reports.urls_public")),
    path("", include("billing.membership.urls")),
    path("", include("portal.urls_public")),
    path("", include("intake.urls_public")),
    path("", include("tenants.webcams.urls_public")),
    path("", include("tenants.sickness.urls_public")),
    path("", include("push.urls")),
    path("", include("outbox.urls")),
    # Stripe sends its events to the main domain; the payments app finds the location from the event.
    path("", include("billing.payments.urls_public")),
]

handler404 = "config.handlers.not_found"
