"""Meldcode at a location: report a concern, one's own reports, and the entrepreneur's cases."""
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from safeguarding import api, views

router = SimpleRouter()
router.register("meldcode/reports", api.ReportViewSet, basename="meldcode-report")
router.register("meldcode/cases", api.LocationCaseViewSet, basename="meldcode-location-case")
router.register("meldcode/housemates", api.HousemateViewSet, basename="meldcode-housemate")

urlpatterns = [
    path("meldcode/report/", views.ReportConcernView.as_view(), name="meldcode-report"),
    path("meldcode/my-reports/", views.MyReportsView.as_view(), name="meldcode-my-reports"),
    path("meldcode/cases/", views.LocationCaseListView.as_view(), name="meldcode-location-cases"),
    path("meldcode/cases/<int:pk>/", views.LocationCaseView.as_view(), name="meldcode-location-case"),
    path("meldcode/housemates/", views.HousematesView.as_view(), name="meldcode-housemates"),
    path("look/<int:pk>/", views.LookView.as_view(), name="meldcode-look"),
    path("api/v1/", include(router.urls)),
]
