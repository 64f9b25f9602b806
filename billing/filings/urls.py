from django.urls import include, path
from rest_framework.routers import SimpleRouter

from billing.filings import api, views

router = SimpleRouter()
router.register("filings", api.FilingViewSet, basename="api-filing")

urlpatterns = [
    path("filings/", views.FilingListView.as_view(), name="filings"),
    path("filings/<int:pk>/", views.FilingDetailView.as_view(), name="filing-page"),
    path("filings/<int:pk>/ready/", views.FilingActionView.as_view(action="ready"), name="filing-ready"),
    path("filings/<int:pk>/delivered/", views.FilingActionView.as_view(action="delivered"), name="filing-delivered"),
    path("filings/<int:pk>/certificates.pdf", views.CertificatesPdfView.as_view(), name="filing-certificates"),
    path("filings/<int:pk>/file/", views.FilingFileView.as_view(), name="filing-file"),
    path("filings/numbers/child/<int:child_id>/", views.ChildNumbersView.as_view(), name="filing-child-numbers"),
    path("filings/numbers/parent/<int:parent_id>/", views.ParentNumbersView.as_view(), name="filing-parent-numbers"),
    path("api/v1/", include(router.urls)),
]
