from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.consents import api, views

router = SimpleRouter()
router.register("consents", api.ConsentDecisionViewSet, basename="consent")

urlpatterns = [
    path("consents/", views.OverviewView.as_view(), name="consents"),
    path("consents/children/<int:pk>/", views.ChildView.as_view(), name="consents-child"),
    path("consents/texts/", views.TextsView.as_view(), name="consents-texts"),
    path("api/v1/", include(router.urls)),
]
