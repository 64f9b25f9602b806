from django.urls import path

from complaint_reports import api, views

urlpatterns = [
    path("complaint-reports/", views.CooperativeReportView.as_view(), name="complaint-report"),
    path("complaint-reports/<int:year>/pdf/", views.CooperativeReportPdfView.as_view(), name="complaint-report-pdf"),
    path("api/v1/complaint-reports/<int:year>/", api.CooperativeReportView.as_view(), name="complaint-report-api"),
]
