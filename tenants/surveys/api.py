"""API of surveys at a location.

- surveys: list and read (entrepreneur: all; parent: the open ones), create (entrepreneur);
  `answer` (a parent of this location, once; anonymous when the survey says so);
  `results` (entrepreneur; empty below 5 responses).
"""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, request_roles
from tenants.attendance.selectors import local_today
from tenants.surveys import selectors, services
from tenants.surveys.models import Question, Survey

ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
PARENTS = location_only(has_role(PARENT))
MEMBERS = location_only(AtLocation)


class QuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ["position", "text", "kind"]
        read_only_fields = ["position"]


class SurveySerializer(serializers.ModelSerializer):
    questions = QuestionSerializer(many=True)

    class Meta:
        model = Survey
        fields = ["id", "title", "intro", "anonymous", "opens_on", "closes_on", "questions"]


class AnswerSerializer(serializers.Serializer):
    answers = serializers.DictField(child=serializers.CharField(allow_blank=True),
                                    help_text='{"0": "4", "1": "text"}: answers by question position')


class ResultsSerializer(serializers.Serializer):
    responses = serializers.IntegerField()
    shown = serializers.BooleanField()
    questions = serializers.ListField()


class SurveyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                    viewsets.GenericViewSet):
    serializer_class = SurveySerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "results"):
            return [ENTREPRENEUR_ONLY()]
        if self.action == "answer":
            return [PARENTS()]
        return [MEMBERS()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Survey.objects.none()
        roles = request_roles(self.request)
        if self.action == "answer":
            roles = {PARENT}
        return selectors.surveys_visible_to(self.request.user, roles, local_today()).prefetch_related("questions")

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.create_survey(
            by=self.request.user, title=data["title"], intro=data.get("intro", ""), questions=data["questions"],
            opens_on=data["opens_on"], closes_on=data.get("closes_on"), anonymous=data.get("anonymous", True))

    @extend_schema(request=AnswerSerializer, responses={201: None})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        survey = self.get_object()
        data = AnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answers = {}
        for key, value in data.validated_data["answers"].items():
            if not str(key).isdigit():
                return Response({"answers": [f"Unknown question {key}."]}, status=400)
            answers[int(key)] = value
        services.answer(survey, by=request.user, answers=answers, today=local_today())
        return Response(status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: ResultsSerializer})
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        data = selectors.results(self.get_object())
        questions = []
        for item in data["questions"]:
            entry = {"position": item["question"].position, "text": item["question"].text}
            if "average" in item:
                entry.update(average=str(item["average"]) if item["average"] is not None else None,
                             counts=dict(item["counts"]))
            else:
                entry["answers"] = item["texts"]
            questions.append(entry)
        return Response({"responses": data["responses"], "shown": data["shown"], "questions": questions})
