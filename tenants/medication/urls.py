from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.medication import api, views

router = SimpleRouter()
router.register("medication/requests", api.RequestViewSet, basename="medication-request-api")

urlpatterns = [
    path("medication/", views.TodayView.as_view(), name="medication-today"),
    path("medication/children/<int:pk>/request/", views.RequestView.as_view(), name="medication-request-new"),
    path("medication/children/<int:pk>/fever-reducer/", views.FeverView.as_view(), name="medication-fever"),
    path("medication/<int:pk>/", views.DetailView.as_view(), name="medication-request"),
    path("medication/<int:pk>/doses/<str:at>/", views.DoseView.as_view(), name="medication-dose"),
    path("medication/policy/", views.PolicyView.as_view(), name="medication-policy"),
    path("api/v1/medication/today/", api.TodayView.as_view(), name="medication-today-api"),
    path("api/v1/", include(router.urls)),
]
