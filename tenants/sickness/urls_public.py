"""On the main domain: the health figures of a location for the cooperative (counts only)."""
from django.urls import path

from tenants.sickness import api

urlpatterns = [
    path("api/v1/health/locations/<slug:slug>/figures/", api.FiguresView.as_view(), name="health-figures"),
]
