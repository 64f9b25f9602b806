from django.urls import include, path
from rest_framework.routers import SimpleRouter

from intake import api, views

router = SimpleRouter()
router.register("care-requests", api.CareRequestViewSet, basename="care-request")

urlpatterns = [
    path("care-request/", views.RequestFormView.as_view(), name="intake-form"),
    path("care-request/confirm/<str:token>/", views.ConfirmView.as_view(), name="intake-confirm"),
    path("care-requests/", views.MineView.as_view(), name="intake-mine"),
    path("care-requests/<int:pk>/<str:action>/", views.ParentActionView.as_view(), name="intake-request-action"),
    path("care-requests/entries/<int:pk>/<str:action>/", views.ParentActionView.as_view(target="entry"),
         name="intake-parent-action"),
    path("care-requests/proofs/<int:pk>/", views.ParentProofView.as_view(), name="intake-parent-proof"),
    path("intake/", views.CooperativeView.as_view(), name="intake-cooperative"),
    path("intake/figures/", views.FiguresView.as_view(), name="intake-figures"),
    path("intake/figures.csv", views.FiguresCsvView.as_view(), name="intake-figures-csv"),
    path("intake/figures.pdf", views.FiguresPdfView.as_view(), name="intake-figures-pdf"),
    path("api/v1/", include(router.urls)),
]
