from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.child_following import api, views

router = SimpleRouter()
router.register("observations", api.ObservationViewSet, basename="observation")
router.register("following-summaries", api.SummaryViewSet, basename="following-summary-api")

urlpatterns = [
    path("following/", views.FollowingView.as_view(), name="following"),
    path("following/children/<int:pk>/", views.ChildView.as_view(), name="following-child"),
    path("following/children/<int:pk>/summaries/new/", views.SummaryNewView.as_view(), name="following-summary-new"),
    path("following/children/<int:pk>/consent/", views.ConsentView.as_view(), name="following-consent"),
    path("following/children/<int:pk>/export/", views.ExportView.as_view(), name="following-export"),
    path("following/summaries/<int:pk>/", views.SummaryView.as_view(), name="following-summary"),
    path("api/v1/", include(router.urls)),
]
