"""The cooperative admin's view of the jobs over the locations, on the main domain only."""
from django.urls import path

from cooperative import api, views

urlpatterns = [
    path("jobs/<slug:job>/rerun/", views.JobRerunView.as_view(), name="job-rerun"),
    path("api/v1/jobs/", api.JobRunListView.as_view(), name="api-jobs"),
]
