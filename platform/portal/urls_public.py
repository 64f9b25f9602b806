from django.urls import path

from portal import api, views

urlpatterns = [
    path("privacy/", views.PrivacyView.as_view(), name="privacy"),
    path("privacy/download/", views.DownloadView.as_view(), name="privacy-download"),
    path("privacy/correction/", views.CorrectionView.as_view(), name="privacy-correction"),
    path("privacy/deletion/", views.DeletionView.as_view(), name="privacy-deletion"),
    path("cooperative/surveys/", views.CoopSurveyListView.as_view(), name="coop-surveys"),
    path("cooperative/surveys/new/", views.CoopSurveyCreateView.as_view(), name="coop-survey-new"),
    path("cooperative/surveys/<int:pk>/", views.CoopSurveyResultsView.as_view(), name="coop-survey-results"),
    path("api/v1/portal/overview/", api.OverviewView.as_view(), name="portal-overview-api"),
    path("api/v1/portal/export/", api.ExportView.as_view(), name="portal-export-api"),
    path("api/v1/portal/deletion-requests/", api.DeletionRequestsView.as_view(), name="portal-deletion-requests-api"),
]
