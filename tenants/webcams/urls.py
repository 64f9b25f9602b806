from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.webcams import api, views

router = SimpleRouter()
router.register("cameras", api.CameraViewSet, basename="camera")
router.register("camera-windows", api.LiveWindowViewSet, basename="camera-window")

urlpatterns = [
    path("webcams/", views.LiveView.as_view(), name="webcams-live"),
    path("webcams/protocol/", login_not_required(views.ProtocolView.as_view()), name="webcams-protocol"),
    path("webcams/protocol/read/", views.AcknowledgeView.as_view(), name="webcams-acknowledge"),
    path("webcams/today/", views.TodayView.as_view(), name="webcams-today"),
    path("webcams/cameras/<int:pk>/pause/", views.PauseView.as_view(), name="webcams-pause"),
    path("webcams/manage/", views.ManageView.as_view(), name="webcams-manage"),
    path("webcams/cameras/new/", views.CameraView.as_view(), name="webcams-camera-new"),
    path("webcams/cameras/<int:pk>/", views.CameraView.as_view(), name="webcams-camera"),
    path("webcams/mine/", views.MineView.as_view(), name="webcams-mine"),
    path("webcams/guest/<str:token>/", login_not_required(views.GuestView.as_view()), name="webcams-guest"),
    path("webcams/recordings/", views.RecordingsView.as_view(), name="webcams-recordings"),
    path("webcams/recordings/requests/<int:pk>/view/", views.RecordingFileView.as_view(kind="view"),
         name="webcams-recording-view"),
    path("webcams/recordings/requests/<int:pk>/police-export/",
         views.RecordingFileView.as_view(kind="police_export"), name="webcams-recording-export"),
    path("api/v1/", include(router.urls)),
]

# The live stream: the player's start, the playlist, the segments (tenants/webcams/stream).
urlpatterns += [path("", include("tenants.webcams.stream.urls"))]
