"""Meldcode on the main domain: the pedagogue's cases, steps, closing, audit trail and figures."""
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from safeguarding import api, views

router = SimpleRouter()
router.register("meldcode/cases", api.CaseViewSet, basename="meldcode-case")

urlpatterns = [
    path("meldcode/", views.CaseListView.as_view(), name="meldcode-cases"),
    path("meldcode/figures/", views.FiguresView.as_view(), name="meldcode-figures"),
    path("meldcode/<int:pk>/", views.CaseView.as_view(), name="meldcode-case"),
    path("meldcode/<int:pk>/steps/", views.RecordStepView.as_view(), name="meldcode-step"),
    path("meldcode/<int:pk>/close/", views.CloseCaseView.as_view(), name="meldcode-close"),
    path("meldcode/<int:pk>/audit/", views.AuditView.as_view(), name="meldcode-audit"),
    path("api/v1/meldcode/figures/", api.FiguresView.as_view(), name="meldcode-api-figures"),
    path("look/", views.LookView.as_view(), name="meldcode-look-list"),
    path("look/<int:pk>/", views.LookView.as_view(), name="meldcode-look"),
    path("api/v1/", include(router.urls)),
]
