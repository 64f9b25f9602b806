from django.contrib.auth.decorators import login_not_required
from django.urls import path

from tenants.kiosk import views

urlpatterns = [
    # On the kiosk tablet: no login; the device cookie decides (views.KioskMixin).
    path("kiosk/", login_not_required(views.KioskHomeView.as_view()), name="kiosk-home"),
    path("kiosk/pin/<int:user_id>/", login_not_required(views.PinView.as_view()), name="kiosk-pin"),
    path("kiosk/lock/", login_not_required(views.LockView.as_view()), name="kiosk-lock"),
    path("kiosk/children/<int:pk>/check-in/", login_not_required(views.KioskCheckView.as_view(direction="in")),
         name="kiosk-check-in"),
    path("kiosk/children/<int:pk>/check-out/", login_not_required(views.KioskCheckView.as_view(direction="out")),
         name="kiosk-check-out"),
    # For the entrepreneur, and for setting one's own PIN.
    path("attendance/kiosk/", views.KioskAdminView.as_view(), name="kiosk-admin"),
    path("attendance/kiosk/enrol/", views.EnrolView.as_view(), name="kiosk-enrol"),
    path("attendance/kiosk/settings/", views.KioskSettingsView.as_view(), name="kiosk-settings"),
    path("attendance/kiosk/tablets/<int:pk>/revoke/", views.RevokeView.as_view(), name="kiosk-revoke"),
    path("attendance/kiosk/flags/", views.FlagListView.as_view(), name="kiosk-flags"),
    path("attendance/kiosk/flags/<int:pk>/seen/", views.FlagSeenView.as_view(), name="kiosk-flag-seen"),
    path("attendance/kiosk/pin/", views.MyPinView.as_view(), name="kiosk-my-pin"),
]
