"""Oversight on the main domain: dashboards, location pages, visits, actions, inspections, parents' plans."""
from django.urls import include, path

from advisory import api, views

urlpatterns = [
    path("advisory/", views.DashboardView.as_view(), name="advisory-dashboard"),
    path("advisory/filings/", views.FilingStatesView.as_view(), name="advisory-filings"),
    path("advisory/list/<slug:tile>/", views.TileListView.as_view(), name="advisory-tile"),
    path("advisory/export.csv", views.ExportView.as_view(), name="advisory-export"),
    path("advisory/locations/<slug:slug>/", views.LocationOversightView.as_view(), name="advisory-location"),
    path("advisory/locations/<slug:slug>/visits/new/", views.PlanVisitView.as_view(), name="advisory-visit-new"),
    path("advisory/locations/<slug:slug>/actions/new/", views.ActionCreateView.as_view(), name="advisory-action-new"),
    path("advisory/locations/<slug:slug>/inspections/new/", views.InspectionCreateView.as_view(),
         name="advisory-inspection-new"),
    path("advisory/visits/<int:pk>/", views.VisitDetailView.as_view(), name="advisory-visit"),
    path("advisory/visits/<int:pk>/schedule/", views.VisitScheduleView.as_view(), name="advisory-visit-schedule"),
    path("advisory/visits/<int:pk>/propose/", views.VisitProposeView.as_view(), name="advisory-visit-propose"),
    path("advisory/visits/<int:pk>/checklist/", views.ChecklistView.as_view(), name="advisory-checklist"),
    path("advisory/visits/<int:pk>/report-mail/send-again/", views.VisitReportMailAgainView.as_view(),
         name="advisory-visit-mail-again"),
    path("advisory/visits/<int:pk>/invite.ics", views.InviteView.as_view(), name="advisory-visit-ics"),
    path("advisory/actions/<int:pk>/done/", views.ActionDoneView.as_view(), name="advisory-action-done"),
    path("advisory/files/<slug:kind>/<int:pk>/", views.CooperativeFileView.as_view(), name="advisory-file"),
    path("advisory/plans/", views.ParentPlansView.as_view(), name="advisory-parent-plans"),
    path("advisory/plans/<slug:slug>/", views.ParentPlanFileView.as_view(), name="advisory-parent-plan"),
    path("api/v1/advisory/", include(api.public_urls)),
]
