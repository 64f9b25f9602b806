from django.urls import include, path
from rest_framework.routers import DefaultRouter

from tenants.exports import api

router = DefaultRouter()
router.include_root_view = False
router.register("exports", api.ExportViewSet, basename="export")

urlpatterns = [path("api/v1/", include(router.urls))]
