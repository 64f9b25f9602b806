from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.messages import api, views

router = SimpleRouter()
router.register("conversations", api.ConversationViewSet, basename="conversation")
router.register("announcements", api.AnnouncementViewSet, basename="announcement")

urlpatterns = [
    path("messages/", views.InboxView.as_view(), name="messages"),
    path("messages/new/", views.NewConversationView.as_view(), name="conversation-new"),
    path("messages/<int:pk>/", views.ConversationView.as_view(), name="message-thread"),
    path("announcements/new/", views.NewAnnouncementView.as_view(), name="announcement-new"),
    path("announcements/<int:pk>/", views.AnnouncementView.as_view(), name="announcement-page"),
    path("announcements/<int:pk>/send-again/", views.SendNoticesAgainView.as_view(), name="announcement-notices-again"),
    path("api/v1/", include(router.urls)),
]
