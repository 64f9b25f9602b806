"""The main domain: the cooperative and the parent portal across locations."""
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from config.urls_common import api_schema_urls
from config.urls_common import urlpatterns as common
from cooperative import api as cooperative_api
from cooperative import views as cooperative_views

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("locations", cooperative_api.LocationViewSet, basename="location")

urlpatterns = common + api_schema_urls("config.urls_public") + [
    path("locations/", cooperative_views.LocationListView.as_view(), name="locations"),
    path("locations/new/", cooperative_views.LocationCreateView.as_view(), name="location-create"),
    path("api/v1/", include(router.urls)),
]
