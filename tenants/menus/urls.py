from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.menus import api, views

router = SimpleRouter()
router.register("dishes", api.DishViewSet, basename="dish")

urlpatterns = [
    path("meals/", views.WeekView.as_view(), name="menu"),
    path("meals/<str:day>/", views.DayView.as_view(), name="menu-day"),
    path("api/v1/", include(router.urls)),
]
