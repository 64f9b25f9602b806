from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.outbreaks import api, views

router = SimpleRouter()
router.register("outbreaks", api.CaseViewSet, basename="outbreak")

urlpatterns = [
    path("outbreaks/", views.ListView.as_view(), name="outbreaks-list"),
    path("outbreaks/new/", views.NewView.as_view(), name="outbreaks-new"),
    path("outbreaks/<int:pk>/", views.CaseView.as_view(), name="outbreaks-case"),
    path("outbreaks/notices/", views.MineView.as_view(), name="outbreaks-mine"),
    path("outbreaks/notices/<int:pk>/", views.NoticeView.as_view(), name="outbreaks-notice"),
    path("api/v1/outbreaks/diseases/", api.DiseasesView.as_view(), name="outbreaks-diseases-api"),
    path("api/v1/", include(router.urls)),
]
