"""Complaints API. The parent files and reads her own complaints; the entrepreneur records, handles and reads
all of the location's; nobody else reads a complaint. The regulation is public."""
from django.http import Http404, HttpResponse
from drf_spectacular.utils import extend_schema
from jurisdictions import DEFAULT
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, request_roles
from tenants.calendar.selectors import location_today
from tenants.children.models import Child
from tenants.complaints import pdf, rules, selectors, services
from tenants.complaints.models import Complaint, Letter, Regulation, Subject

ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
ENTREPRENEUR_OR_PARENT = location_only(has_role(ENTREPRENEUR, PARENT))


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(bytes(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ComplaintBodySerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    role = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True, default="")


class ComplaintRegulationSerializer(serializers.ModelSerializer):
    subjects = serializers.ListField(child=serializers.ChoiceField(choices=Subject.choices), allow_empty=True)
    external_bodies = ComplaintBodySerializer(many=True)
    direct_route = serializers.SerializerMethodField()

    class Meta:
        model = Regulation
        fields = ["subjects", "judgement_days", "acknowledge", "acknowledgement_days", "second_instance",
                  "external_bodies", "introduction", "acknowledgement_letter", "judgement_letter", "direct_route",
                  "updated_at"]
        read_only_fields = ["updated_at", "direct_route"]

    def get_direct_route(self, obj) -> str:
        return rules.direct_route(self.context.get("jurisdiction") or DEFAULT)


class RegulationView(APIView):
    """The location's complaint regulation: anyone may read it; the entrepreneur changes it."""

    serializer_class = ComplaintRegulationSerializer

    def get_permissions(self):
        if self.request.method in ("GET", "HEAD", "OPTIONS"):
            return [location_only(AllowAny)()]
        return [ENTREPRENEUR_ONLY()]

    def _context(self, request):
        return {"jurisdiction": request._request.location.jurisdiction}

    def get(self, request):
        return Response(ComplaintRegulationSerializer(selectors.regulation(), context=self._context(request)).data)

    @extend_schema(request=ComplaintRegulationSerializer, responses=ComplaintRegulationSerializer)
    def put(self, request):
        serializer = ComplaintRegulationSerializer(selectors.regulation(), data=request.data, partial=False)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["external_bodies"] = [dict(b) for b in data.get("external_bodies", [])]
        regulation = services.update_regulation(**data)
        return Response(ComplaintRegulationSerializer(regulation, context=self._context(request)).data)

    @extend_schema(request=ComplaintRegulationSerializer, responses=ComplaintRegulationSerializer)
    def patch(self, request):
        serializer = ComplaintRegulationSerializer(selectors.regulation(), data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "external_bodies" in data:
            data["external_bodies"] = [dict(b) for b in data["external_bodies"]]
        regulation = services.update_regulation(**data)
        return Response(ComplaintRegulationSerializer(regulation, context=self._context(request)).data)


class ComplaintStepSerializer(serializers.Serializer):
    status = serializers.CharField()
    at = serializers.DateTimeField()
    by = serializers.CharField(source="by.full_name", default=None)
    note = serializers.CharField()


class ComplaintMeasureSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    description = serializers.CharField(max_length=300)
    planned_on = serializers.DateField()
    done_on = serializers.DateField(required=False, allow_null=True, default=None)


class ComplaintLetterSerializer(serializers.ModelSerializer):
    class Meta:
        model = Letter
        fields = ["id", "kind", "body", "sent_to", "created_at"]


class ComplaintAttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    size = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()


class ComplaintSerializer(serializers.ModelSerializer):
    child_name = serializers.CharField(source="child.full_name", default=None, read_only=True, allow_null=True)
    parent_name = serializers.CharField(read_only=True)
    outcome = serializers.ChoiceField(choices=Complaint.Outcome.choices, allow_blank=True, read_only=True,
                                      help_text="Empty until the complaint is judged.")
    steps = ComplaintStepSerializer(many=True, read_only=True)
    measures = ComplaintMeasureSerializer(many=True, read_only=True)
    letters = ComplaintLetterSerializer(many=True, read_only=True)
    attachments = ComplaintAttachmentSerializer(many=True, read_only=True)
    may_go_straight_to = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = ["id", "reference", "subject", "child", "child_name", "parent_name", "channel", "description",
                  "received_on", "deadline", "acknowledgement_due", "status", "judgement", "outcome", "judged_on",
                  "escalated_to", "steps", "measures", "letters", "attachments", "may_go_straight_to"]
        read_only_fields = fields

    def get_may_go_straight_to(self, obj) -> str | None:
        """After the deadline without a judgement, the body the parent may go to directly."""
        if obj.judged_on is None and obj.status in rules.OPEN_STATES and location_today() > obj.deadline:
            return rules.direct_route(self.context.get("jurisdiction") or DEFAULT)
        return None


class ComplaintFileSerializer(serializers.Serializer):
    subject = serializers.ChoiceField(choices=[*Subject.choices, (rules.MELDCODE, "meldcode")])
    description = serializers.CharField(max_length=5000, allow_blank=True)
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all(), required=False, allow_null=True,
                                               default=None)
    attachments = serializers.ListField(child=serializers.FileField(), required=False, default=list)


class ComplaintRecordSerializer(ComplaintFileSerializer):
    channel = serializers.ChoiceField(choices=Complaint.Channel.choices)
    received_on = serializers.DateField()
    complainant = serializers.IntegerField(required=False, allow_null=True, default=None,
                                           help_text="A parent of this location (user id).")
    complainant_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    complainant_email = serializers.EmailField(required=False, allow_blank=True)


class ComplaintJudgeSerializer(serializers.Serializer):
    judgement = serializers.CharField(max_length=10000, allow_blank=True)
    outcome = serializers.ChoiceField(choices=Complaint.Outcome.choices)
    judged_on = serializers.DateField(required=False, allow_null=True, default=None)
    measures = ComplaintMeasureSerializer(many=True, required=False, default=list)


class ComplaintNoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ComplaintEscalateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=200)


class ComplaintMeasureDoneSerializer(serializers.Serializer):
    done_on = serializers.DateField(allow_null=True)


class ComplaintViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Complaints: a parent files (POST) and reads her own; the entrepreneur records (POST with a channel),
    handles (acknowledge, investigate, judge, close, escalate) and reads all of them."""

    serializer_class = ComplaintSerializer
    lookup_value_converter = "int"
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_permissions(self):
        if self.action in ("acknowledge", "investigate", "judge", "close", "escalate", "measure_done", None):
            return [ENTREPRENEUR_ONLY()]
        return [ENTREPRENEUR_OR_PARENT()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Complaint.objects.none()
        return selectors.complaints_visible_to(self.request.user, request_roles(self.request)).prefetch_related(
            "steps__by", "measures", "letters", "attachments")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        location = getattr(self.request._request, "location", None)
        context["jurisdiction"] = location.jurisdiction if location else DEFAULT
        return context

    def _out(self, complaint, status=200):
        complaint = self.get_queryset().get(pk=complaint.pk)
        return Response(ComplaintSerializer(complaint, context=self.get_serializer_context()).data, status=status)

    @extend_schema(request=ComplaintRecordSerializer, responses={201: ComplaintSerializer})
    def create(self, request):
        if not isinstance(request.data, dict):
            raise ValidationError({"non_field_errors": ["Send a JSON object or a form."]})
        roles = request_roles(request)
        data = {key: request.data.get(key) for key in request.data.keys() if key != "attachments"}
        data["attachments"] = request.FILES.getlist("attachments")
        if ENTREPRENEUR in roles and data.get("channel") not in (None, "", Complaint.Channel.PORTAL):
            serializer = ComplaintRecordSerializer(data=data)
            serializer.is_valid(raise_exception=True)
            values = dict(serializer.validated_data)
            complainant = values.pop("complainant")
            if complainant is not None:
                from accounts.models import User

                values["complainant"] = User.objects.filter(pk=complainant).first()
                if values["complainant"] is None:
                    raise ValidationError({"complainant": ["Unknown parent."]})
            complaint = services.record_complaint(user=request.user, **values)
            return self._out(complaint, 201)
        if PARENT not in roles:
            raise ValidationError({"channel": ["Give how the complaint was received (paper, phone, email, "
                                               "in_person)."]})
        serializer = ComplaintFileSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        if serializer.validated_data["subject"] == rules.MELDCODE:
            return Response({"subject": [services.meldcode_message()], "meldcode_url": services.meldcode_url()},
                            status=400)
        complaint = services.file_complaint(user=request.user, **serializer.validated_data)
        return self._out(complaint, 201)

    @extend_schema(request=None, responses=ComplaintLetterSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        letter = services.acknowledge(self.get_object(), user=request.user)
        return Response(ComplaintLetterSerializer(letter).data)

    @extend_schema(request=ComplaintNoteSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def investigate(self, request, pk=None):
        serializer = ComplaintNoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._out(services.start_investigation(self.get_object(), user=request.user,
                                                      **serializer.validated_data))

    @extend_schema(request=ComplaintJudgeSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def judge(self, request, pk=None):
        complaint = self.get_object()
        serializer = ComplaintJudgeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.judge(complaint, user=request.user, **serializer.validated_data)
        return self._out(complaint)

    @extend_schema(request=ComplaintNoteSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        serializer = ComplaintNoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._out(services.close(self.get_object(), user=request.user, **serializer.validated_data))

    @extend_schema(request=ComplaintEscalateSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"])
    def escalate(self, request, pk=None):
        serializer = ComplaintEscalateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._out(services.escalate(self.get_object(), user=request.user, **serializer.validated_data))

    @extend_schema(request=ComplaintMeasureDoneSerializer, responses=ComplaintSerializer)
    @action(detail=True, methods=["post"], url_path=r"measures/(?P<measure_id>\d+)/done", url_name="measure-done")
    def measure_done(self, request, pk=None, measure_id=None):
        """Record the date a measure was carried out (or clear it with null)."""
        complaint = self.get_object()
        measure = complaint.measures.filter(pk=measure_id).first()
        if measure is None:
            raise Http404
        serializer = ComplaintMeasureDoneSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.update_measure(measure, **serializer.validated_data)
        return self._out(complaint)

    @extend_schema(responses={(200, "application/pdf"): bytes})
    @action(detail=True, url_path=r"letters/(?P<letter_id>\d+)/pdf", url_name="letter-file")
    def letter_pdf(self, request, pk=None, letter_id=None):
        letter = self.get_object().letters.filter(pk=letter_id).first()
        if letter is None:
            raise Http404
        return pdf_response(letter.pdf, f"{letter.kind}-{letter.complaint.reference}.pdf")


class ComplaintAnnualReportSerializer(serializers.Serializer):
    reflection = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    discussed_on = serializers.DateField(required=False, allow_null=True)
    sent_to_ggd_on = serializers.DateField(required=False, allow_null=True)


class AnnualReportView(APIView):
    """The anonymous annual complaint report of a year (entrepreneur): GET the figures, PATCH the reflection
    and the dates it was discussed with the parent committee and sent to the GGD inspector."""

    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = ComplaintAnnualReportSerializer

    def get(self, request, year: int):
        today = location_today()
        return Response(selectors.annual_report(services.report_year(year, today), today))

    @extend_schema(request=ComplaintAnnualReportSerializer)
    def patch(self, request, year: int):
        today = location_today()
        year = services.report_year(year, today)
        serializer = ComplaintAnnualReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.save_annual_report(year, **data, fields=set(data))
        return Response(selectors.annual_report(year, today))


class AnnualReportPdfView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(responses={(200, "application/pdf"): bytes})
    def get(self, request, year: int):
        today = location_today()
        report = selectors.annual_report(services.report_year(year, today), today)
        return pdf_response(pdf.annual_report(request._request.location, report), f"klachtenjaarverslag-{year}.pdf")

