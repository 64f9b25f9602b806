from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.exports import api

router = SimpleRouter()
router.register("exports", api.ExportViewSet, basename="export")

urlpatterns = [path("api/v1/", include(router.urls))]
