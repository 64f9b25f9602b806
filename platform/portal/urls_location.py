from django.urls import path

from portal import views

urlpatterns = [
    path("privacy/deletion-requests/", views.DeletionRequestListView.as_view(), name="deletion-requests"),
    path("privacy/deletion-requests/<int:pk>/", views.DeletionRequestHandleView.as_view(),
         name="deletion-request-handle"),
]
