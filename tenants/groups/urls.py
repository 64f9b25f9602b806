from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.groups import api, views

router = SimpleRouter()
router.register("groups", api.GroupViewSet, basename="group")
router.register("staff", api.StaffViewSet, basename="staff-member")
router.register("roster", api.ShiftViewSet, basename="shift")

urlpatterns = [
    path("groups/", views.GroupListView.as_view(), name="groups"),
    path("groups/new/", views.GroupCreateView.as_view(), name="group-create"),
    path("groups/<int:pk>/edit/", views.GroupEditView.as_view(), name="group-edit"),
    path("groups/<int:pk>/delete/", views.GroupDeleteView.as_view(), name="group-delete"),
    path("staff/", views.StaffListView.as_view(), name="staff"),
    path("staff/invite/", views.StaffInviteView.as_view(), name="staff-invite"),
    path("staff/<int:pk>/edit/", views.StaffEditView.as_view(), name="staff-edit"),
    path("staff/<int:pk>/remove/", views.StaffRemoveView.as_view(), name="staff-remove"),
    path("staff/<int:pk>/reinvite/", views.StaffReinviteView.as_view(), name="staff-reinvite"),
    path("roster/", views.RosterView.as_view(), name="roster"),
    path("roster/<int:pk>/delete/", views.ShiftDeleteView.as_view(), name="roster-delete"),
    path("backup/", views.BackupView.as_view(), name="backup"),
    path("backup/<int:pk>/delete/", views.BackupDeleteView.as_view(), name="backup-delete"),
    path("api/v1/", include(router.urls)),
]
