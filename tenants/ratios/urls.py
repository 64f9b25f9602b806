"""The ratio tools answer on the main domain and at every location (public, no login)."""
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from tenants.ratios import api, views

urlpatterns = [
    path("api/v1/tools/ratio-check", login_not_required(api.RatioCheckView.as_view()), name="ratio-check"),
    path("tools/ratio/", views.calculator, name="ratio-calculator"),
]
