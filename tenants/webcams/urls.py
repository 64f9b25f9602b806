from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from tenants.webcams import views

urlpatterns = [
    path("webcams/", views.LiveView.as_view(), name="webcams-live"),
    path("webcams/protocol/", login_not_required(views.ProtocolView.as_view()), name="webcams-protocol"),
    path("webcams/protocol/read/", views.AcknowledgeView.as_view(), name="webcams-acknowledge"),
    path("webcams/today/", views.TodayView.as_view(), name="webcams-today"),
    path("webcams/cameras/<int:pk>/pause/", views.PauseView.as_view(), name="webcams-pause"),
]

# The live stream: the player's start, the playlist, the segments (tenants/webcams/stream).
urlpatterns += [path("", include("tenants.webcams.stream.urls"))]
