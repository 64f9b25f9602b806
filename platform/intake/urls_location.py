from django.urls import include, path
from rest_framework.routers import SimpleRouter

from intake import api, views

router = SimpleRouter()
router.register("waiting-list", api.WaitingListViewSet, basename="waiting-list")

urlpatterns = [
    path("care-request/", views.RequestFormView.as_view(), name="intake-form-location"),
    path("waiting-list/", views.WaitingListView.as_view(), name="intake-waiting-list"),
    path("waiting-list/<int:pk>/", views.EntryView.as_view(), name="intake-entry"),
    path("waiting-list/proofs/<int:pk>/", views.LocationProofView.as_view(), name="intake-proof"),
    path("waiting-list/window-sign/", views.WindowSignView.as_view(), name="intake-window-sign"),
    path("api/v1/waiting-list-rules/", api.RuleOrderView.as_view(), name="waiting-list-rules-api"),
    path("api/v1/", include(router.urls)),
]
