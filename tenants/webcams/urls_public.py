"""The cooperative admin's page of the webcams on the main domain: every location's log of recording views."""
from django.urls import path

from tenants.webcams import views

urlpatterns = [
    path("camera-recordings/", views.CooperativeRecordingsView.as_view(), name="webcams-cooperative"),
]
