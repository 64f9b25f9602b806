"""Stripe's webhook endpoint on the main domain (platform and connected-account events alike)."""
from django.urls import path

from billing.payments import views

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
]
