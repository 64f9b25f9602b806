from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.complaints import api, views

router = SimpleRouter()
router.register("complaints", api.ComplaintViewSet, basename="complaint")

urlpatterns = [
    path("complaints/", views.ComplaintListView.as_view(), name="complaints"),
    path("complaints/new/", views.ComplaintNewView.as_view(), name="complaint-new"),
    path("complaints/record/", views.ComplaintRecordView.as_view(), name="complaint-record"),
    path("complaints/regulation/", views.RegulationView.as_view(), name="complaint-regulation"),
    path("complaints/regulation/edit/", views.RegulationEditView.as_view(), name="complaint-regulation-edit"),
    path("complaints/annual-reports/", views.AnnualReportListView.as_view(), name="complaint-annual-reports"),
    path("complaints/annual-reports/<int:year>/", views.AnnualReportView.as_view(), name="complaint-annual-report"),
    path("complaints/annual-reports/<int:year>/pdf/", views.AnnualReportPdfView.as_view(),
         name="complaint-annual-report-pdf"),
    path("complaints/<int:pk>/", views.ComplaintDetailView.as_view(), name="complaint-page"),
    path("complaints/<int:pk>/<slug:action>/", views.ComplaintActionView.as_view(), name="complaint-action"),
    path("complaints/<int:pk>/letters/<int:letter_id>/pdf/", views.LetterPdfView.as_view(),
         name="complaint-letter-pdf"),
    path("complaints/<int:pk>/attachments/<int:attachment_id>/", views.AttachmentView.as_view(),
         name="complaint-attachment"),
    path("api/v1/complaint-regulation/", api.RegulationView.as_view(), name="complaint-regulation-api"),
    path("api/v1/complaint-annual-reports/<int:year>/", api.AnnualReportView.as_view(),
         name="complaint-annual-report-api"),
    path("api/v1/complaint-annual-reports/<int:year>/pdf/", api.AnnualReportPdfView.as_view(),
         name="complaint-annual-report-pdf-api"),
    path("api/v1/", include(router.urls)),
]
