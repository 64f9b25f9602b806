from django.urls import path

from push import api, views

urlpatterns = [
    path("notifications/", views.SettingsView.as_view(), name="push-settings"),
    path("notifications/<int:pk>/", views.KindsView.as_view(), name="push-kinds"),
    path("notifications/<int:pk>/remove/", views.RemoveView.as_view(), name="push-remove"),
    path("api/v1/push/key/", api.KeyView.as_view(), name="push-key-api"),
    path("api/v1/push/subscriptions/", api.SubscriptionsView.as_view(), name="push-subscriptions-api"),
    path("api/v1/push/subscriptions/find/", api.FindView.as_view(), name="push-find-api"),
    path("api/v1/push/subscriptions/unsubscribe/", api.UnsubscribeView.as_view(), name="push-unsubscribe-api"),
    path("api/v1/push/subscriptions/<int:pk>/", api.SubscriptionView.as_view(), name="push-subscription-api"),
]
