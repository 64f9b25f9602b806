"""Oversight on a location's host: the entrepreneur's visits, reports, actions, documents and inspections;
the current pedagogical plan for the location's parents and staff."""
from django.urls import include, path

from advisory import api, views

urlpatterns = [
    path("advisory/", views.MyOversightView.as_view(), name="my-advisory"),
    path("advisory/visits/<int:pk>/", views.MyVisitView.as_view(), name="my-advisory-visit"),
    path("advisory/visits/<int:pk>/react/", views.MyReactView.as_view(), name="my-advisory-react"),
    path("advisory/visits/<int:pk>/invite.ics", views.InviteView.as_view(), name="my-advisory-visit-ics"),
    path("advisory/proposals/<int:pk>/accept/", views.MyAcceptView.as_view(), name="my-advisory-accept"),
    path("advisory/actions/<int:pk>/done/", views.ActionDoneView.as_view(), name="my-advisory-action-done"),
    path("advisory/documents/new/", views.MyDocumentUploadView.as_view(), name="my-advisory-document-new"),
    path("advisory/inspections/new/", views.InspectionCreateView.as_view(), name="my-advisory-inspection-new"),
    path("advisory/files/<slug:kind>/<int:pk>/", views.MyFileView.as_view(), name="my-advisory-file"),
    path("advisory/pedagogical-plan/", views.PedagogicalPlanView.as_view(), name="pedagogical-plan"),
    path("api/v1/advisory/", include(api.location_urls)),
]
