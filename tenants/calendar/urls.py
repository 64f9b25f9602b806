from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.calendar import api, views
from tenants.calendar.feed import calendar_feed

router = SimpleRouter()
router.register("calendar/opening-hours", api.OpeningHoursViewSet, basename="calendar-opening-hours")
router.register("calendar/closing-periods", api.ClosingPeriodViewSet, basename="calendar-closing-period")
router.register("calendar/holidays", api.HolidayViewSet, basename="calendar-holiday")
router.register("calendar/closures", api.ClosureViewSet, basename="calendar-closure")

urlpatterns = [
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("calendar/manage/", views.ManageView.as_view(), name="calendar-manage"),
    path("calendar/manage/hours/", views.OpeningHoursView.as_view(), name="calendar-hours"),
    path("calendar/manage/closing-periods/", views.ClosingPeriodCreateView.as_view(), name="calendar-period-add"),
    path("calendar/manage/closing-periods/<int:pk>/delete/", views.ClosingPeriodDeleteView.as_view(),
         name="calendar-period-delete"),
    path("calendar/manage/holidays/", views.HolidayChoiceView.as_view(), name="calendar-holiday-choice"),
    path("calendar/manage/closures/", views.ClosureCreateView.as_view(), name="calendar-closure-add"),
    path("calendar/manage/closures/<int:pk>/delete/", views.ClosureDeleteView.as_view(),
         name="calendar-closure-delete"),
    path("calendar/feed-link/", views.FeedTokenPageView.as_view(), name="calendar-feed-link"),
    path("calendar/feed/<str:token>.ics", calendar_feed, name="calendar-feed"),
    path("api/v1/calendar/overview/", api.OverviewView.as_view(), name="calendar-overview-api"),
    path("api/v1/calendar/closing-check/", api.ClosingCheckView.as_view(), name="calendar-closing-check-api"),
    path("api/v1/calendar/feed-token/", api.FeedTokenView.as_view(), name="calendar-feed-token-api"),
    path("api/v1/", include(router.urls)),
]
