from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.house_rules import api, views

router = SimpleRouter()
router.register("house-rules", api.HouseRulesViewSet, basename="house-rules-version")

urlpatterns = [
    path("house-rules/", views.HouseRulesView.as_view(), name="house-rules"),
    path("house-rules/new/", views.AnnounceView.as_view(), name="house-rules-announce"),
    path("house-rules/<int:pk>/", views.VersionView.as_view(), name="house-rules-version"),
    path("house-rules/<int:pk>/correct/", views.CorrectView.as_view(), name="house-rules-correct"),
    path("house-rules/<int:pk>/acknowledge/", views.AcknowledgeView.as_view(), name="house-rules-acknowledge"),
    path("house-rules/<int:pk>/document/", views.DocumentView.as_view(), name="house-rules-document"),
    path("api/v1/", include(router.urls)),
]
