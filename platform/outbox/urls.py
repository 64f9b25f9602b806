from django.urls import path

from outbox import views

urlpatterns = [
    path("deliveries/", views.DeliveriesView.as_view(), name="outbox-deliveries"),
    path("deliveries/send-again/", views.SendFailedAgainView.as_view(), name="outbox-send-again"),
]
