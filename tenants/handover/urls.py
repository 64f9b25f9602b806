from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.handover import api, views

router = SimpleRouter()
router.register("handovers", api.HandoverViewSet, basename="handover")

urlpatterns = [
    path("handover/", views.TodayView.as_view(), name="handover-today"),
    path("handover/mine/", views.MineView.as_view(), name="handover-mine"),
    path("handover/children/<int:pk>/", views.WriteView.as_view(), name="handover-write"),
    path("handover/<int:pk>/", views.DetailView.as_view(), name="handover-page"),
    path("handover/photos/<str:token>/", views.PhotoView.as_view(), name="handover-photo"),
    path("api/v1/", include(router.urls)),
]
