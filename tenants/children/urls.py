from django.urls import include, path
from rest_framework.routers import DefaultRouter

from tenants.children import api, views

router = DefaultRouter()
router.include_root_view = False
router.register("children", api.ChildViewSet, basename="child")

urlpatterns = [
    path("children/", views.ChildListView.as_view(), name="children"),
    path("api/v1/", include(router.urls)),
]
