from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.attendance import api, correction_api, correction_views, views

router = SimpleRouter()
router.register("records", api.RecordViewSet, basename="attendance-record")
router.register("absences", api.AbsenceViewSet, basename="attendance-absence")
router.register("disputes", api.DisputeViewSet, basename="attendance-dispute")
router.register("extra-days", api.ExtraDayViewSet, basename="attendance-extra-day")
router.register("swaps", api.SwapViewSet, basename="attendance-swap")

urlpatterns = [
    path("attendance/", views.TabletView.as_view(), name="attendance-tablet"),
    path("attendance/children/<int:pk>/check-in/", views.CheckView.as_view(direction="in"),
         name="attendance-check-in"),
    path("attendance/children/<int:pk>/check-out/", views.CheckView.as_view(direction="out"),
         name="attendance-check-out"),
    path("attendance/register/", views.RegisterView.as_view(), name="attendance-register"),
    path("attendance/planning/", views.PlanningView.as_view(), name="attendance-planning"),
    path("attendance/mine/", views.MyAttendanceView.as_view(), name="attendance-my"),
    path("attendance/absences/new/", views.ReportAbsenceView.as_view(), name="attendance-absence-new"),
    path("attendance/extra-days/new/", views.RequestExtraDayView.as_view(), name="attendance-extra-day-new"),
    path("attendance/extra-days/<int:pk>/", views.ExtraDayView.as_view(), name="attendance-extra-day"),
    path("attendance/swaps/", views.SwapListView.as_view(), name="attendance-swaps"),
    path("attendance/swaps/new/", views.RequestSwapView.as_view(), name="attendance-swap-new"),
    path("attendance/swaps/<int:pk>/", views.SwapView.as_view(), name="attendance-swap"),
    path("attendance/swaps/<int:pk>/cancel/", views.CancelSwapView.as_view(), name="attendance-swap-cancel"),
    path("attendance/settings/", views.SettingsView.as_view(), name="attendance-settings"),
    path("attendance/absences/<int:pk>/certificate/", views.CertificateView.as_view(),
         name="attendance-absence-certificate"),
    path("attendance/stays/<int:pk>/late-pickup/", views.LatePickupView.as_view(), name="attendance-late-pickup"),
    path("attendance/stays/<int:pk>/dispute/", views.DisputeView.as_view(), name="attendance-dispute-new"),
    path("attendance/disputes/", views.DisputeListView.as_view(), name="attendance-disputes"),
    path("attendance/disputes/<int:pk>/resolve/", views.ResolveDisputeView.as_view(),
         name="attendance-dispute-decide"),
    path("api/v1/attendance/check-in/", api.CheckInView.as_view(), name="attendance-check-in-api"),
    path("api/v1/attendance/check-out/", api.CheckOutView.as_view(), name="attendance-check-out-api"),
    path("api/v1/attendance/register/", api.RegisterView.as_view(), name="attendance-register-api"),
    path("api/v1/attendance/planning/", api.PlanningView.as_view(), name="attendance-planning-api"),
    path("api/v1/attendance/settings/", api.SettingsView.as_view(), name="attendance-settings-api"),
    path("api/v1/attendance/", include(router.urls)),
    # Putting the past right (tenants.attendance.corrections).
    path("attendance/corrections/", correction_views.CorrectionsView.as_view(), name="attendance-corrections"),
    path("attendance/corrections/absence/", correction_views.PastAbsenceView.as_view(),
         name="attendance-past-absence"),
    path("attendance/corrections/stays/<int:pk>/", correction_views.CorrectTimesView.as_view(),
         name="attendance-correct-times"),
    path("attendance/corrections/absences/<int:pk>/withdraw/", correction_views.WithdrawAbsenceView.as_view(),
         name="attendance-withdraw-absence"),
    path("attendance/corrections/extra-days/<int:pk>/withdraw/", correction_views.WithdrawExtraDayView.as_view(),
         name="attendance-withdraw-extra-day"),
    path("attendance/history/", correction_views.HistoryView.as_view(), name="attendance-history"),
    path("api/v1/attendance/corrections/", correction_api.HistoryView.as_view(), name="attendance-corrections-api"),
    path("api/v1/attendance/corrections/absences/", correction_api.PastAbsenceView.as_view(),
         name="attendance-past-absence-api"),
    path("api/v1/attendance/corrections/stays/<int:pk>/", correction_api.CorrectTimesView.as_view(),
         name="attendance-correct-times-api"),
    path("api/v1/attendance/corrections/absences/<int:pk>/withdraw/", correction_api.WithdrawAbsenceView.as_view(),
         name="attendance-withdraw-absence-api"),
    path("api/v1/attendance/corrections/extra-days/<int:pk>/withdraw/",
         correction_api.WithdrawExtraDayView.as_view(), name="attendance-withdraw-extra-day-api"),
]
