"""Membership fees on the main domain (the cooperative admin)."""
from django.urls import path

from billing.membership import api, views

urlpatterns = [
    path("membership/", views.MembershipFeesView.as_view(), name="membership-fees"),
    path("membership/prices/", views.PriceView.as_view(), name="membership-prices"),
    path("membership/<slug:slug>/subscribe/", views.SubscribeView.as_view(), name="membership-subscribe"),
    path("api/v1/membership-fees/", api.MembershipFeesView.as_view(), name="membership-fees-api"),
    path("api/v1/membership-fees/prices/", api.PricesView.as_view(), name="membership-prices-api"),
    path("api/v1/membership-fees/<slug:slug>/subscribe/", api.SubscribeView.as_view(),
         name="membership-subscribe-api"),
]
