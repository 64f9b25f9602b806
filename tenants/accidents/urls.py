from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.accidents import api, views

router = SimpleRouter()
router.register("accidents", api.AccidentViewSet, basename="accident")

urlpatterns = [
    path("accidents/", views.ListView.as_view(), name="accidents"),
    path("accidents/new/", views.NewView.as_view(), name="accident-new"),
    path("accidents/<int:pk>/", views.DetailView.as_view(), name="accident-page"),
    path("api/v1/", include(router.urls)),
]
