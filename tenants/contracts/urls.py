from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.contracts import api, views

router = SimpleRouter()
router.register("contracts", api.ContractViewSet, basename="contract")
router.register("contract-schedules", api.ScheduleViewSet, basename="contract-schedule")
router.register("contract-evaluations", api.EvaluationViewSet, basename="contract-evaluation")
router.register("contract-change-requests", api.ChangeRequestViewSet, basename="contract-change-request-api")

urlpatterns = [
    path("contracts/", views.ContractListView.as_view(), name="contracts"),
    path("contracts/new/", views.ContractCreateView.as_view(), name="contract-new"),
    path("contracts/schedules/", views.ScheduleListView.as_view(), name="contract-schedules"),
    path("contracts/settings/", views.SettingsView.as_view(), name="contract-settings"),
    path("contracts/evaluations/", views.EvaluationListView.as_view(), name="contract-evaluations"),
    path("contracts/evaluations/<int:pk>/done/", views.EvaluationDoneView.as_view(),
         name="contract-evaluation-done-page"),
    path("contracts/change-requests/", views.ChangeRequestListView.as_view(), name="contract-change-requests"),
    path("contracts/change-requests/new/", views.ChangeRequestCreateView.as_view(),
         name="contract-change-request-new"),
    path("contracts/change-requests/<int:pk>/", views.ChangeRequestDetailView.as_view(),
         name="contract-change-request"),
    path("contracts/change-requests/<int:pk>/answer/", views.ChangeRequestAnswerView.as_view(),
         name="contract-change-request-answer"),
    path("contracts/change-requests/<int:pk>/cancel/", views.ChangeRequestCancelView.as_view(),
         name="contract-change-request-cancel"),
    path("contracts/<int:pk>/", views.ContractDetailView.as_view(), name="contract-page"),
    path("contracts/<int:pk>/change/", views.ContractChangeView.as_view(), name="contract-change-page"),
    path("contracts/<int:pk>/sign/", views.ContractSignView.as_view(), name="contract-sign-page"),
    path("contracts/<int:pk>/notice/", views.ContractNoticeView.as_view(), name="contract-notice-page"),
    path("api/v1/contract-settings/", api.SettingsView.as_view(), name="contract-settings-api"),
    path("api/v1/", include(router.urls)),
]
