from django.urls import path, re_path

from tenants.webcams.stream import views

urlpatterns = [
    path("webcams/stream/<int:camera_id>/", views.start, name="webcams-stream-start"),
    path("webcams/stream/<int:camera_id>/live.m3u8", views.playlist, name="webcams-stream-playlist"),
    path("webcams/stream/<int:camera_id>/end/", views.end, name="webcams-stream-end"),
    re_path(r"^webcams/stream/(?P<camera_id>[0-9]+)/(?P<name>seg[0-9]{1,9}\.ts)$", views.segment,
            name="webcams-stream-segment"),
]
