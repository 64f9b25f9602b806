from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.sickness import api, views

router = SimpleRouter()
router.register("sickness/records", api.RecordViewSet, basename="sickness-record")

urlpatterns = [
    path("sickness/", views.ListView.as_view(), name="sickness-list"),
    path("sickness/new/", views.RecordView.as_view(), name="sickness-record"),
    path("sickness/mine/", views.MineView.as_view(), name="sickness-mine"),
    path("sickness/checklist/", views.ChecklistView.as_view(), name="sickness-checklist"),
    path("sickness/<int:pk>/", views.DetailView.as_view(), name="sickness-detail"),
    path("api/v1/sickness/checklist/", api.ChecklistView.as_view(), name="sickness-checklist-api"),
    path("api/v1/", include(router.urls)),
]
