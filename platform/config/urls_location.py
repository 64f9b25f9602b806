"""A location's own host: its pages and API, always in its own schema."""
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from config.urls_common import api_schema_urls
from config.urls_common import urlpatterns as common
from tenants.children import api as children_api
from tenants.children import views as children_views
from tenants.exports import api as exports_api

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("children", children_api.ChildViewSet, basename="child")
router.register("exports", exports_api.ExportViewSet, basename="export")

urlpatterns = common + api_schema_urls("config.urls_location") + [
    path("children/", children_views.ChildListView.as_view(), name="children"),
    path("api/v1/", include(router.urls)),
]
