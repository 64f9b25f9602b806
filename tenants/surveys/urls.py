from django.urls import include, path
from rest_framework.routers import SimpleRouter

from tenants.surveys import api, views

router = SimpleRouter()
router.register("surveys", api.SurveyViewSet, basename="survey")

urlpatterns = [
    path("surveys/", views.SurveyListView.as_view(), name="surveys"),
    path("surveys/new/", views.SurveyCreateView.as_view(), name="survey-new"),
    path("surveys/<int:pk>/", views.AnswerView.as_view(), name="survey-answer-page"),
    path("surveys/<int:pk>/results/", views.ResultsView.as_view(), name="survey-results-page"),
    path("surveys/cooperative/<int:pk>/", views.AnswerCoopView.as_view(), name="survey-answer-coop"),
    path("api/v1/", include(router.urls)),
]
