"""API of care requests and waiting lists.

At a location (entrepreneur): `waiting-list` (the list in order, with the reasons; one entry; `offer`),
`waiting-list-rules` (GET/PUT the location's priority rules). On the main domain (a logged-in parent):
`care-requests` (her own, with her place on each list; `withdraw`; `answer` an offer). The public request form
is a page only (flood-protected), not an API operation.
"""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import cooperative_only, has_role, location_only
from accounts.roles import ENTREPRENEUR
from intake import rules, selectors, services
from intake.models import CareRequest, ListEntry

ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
PARENT_ON_MAIN = cooperative_only(IsAuthenticated)


class EntryRequestSerializer(serializers.ModelSerializer):
    expected = serializers.BooleanField(read_only=True)

    class Meta:
        model = CareRequest
        fields = ["id", "child_first_name", "birth_date", "due_date", "expected", "care_kind", "days", "start_date",
                  "postal_code", "city", "special_care", "works", "foster", "urgent_reason", "created_at"]


class EntrySerializer(serializers.ModelSerializer):
    request = EntryRequestSerializer(read_only=True)
    position = serializers.SerializerMethodField()
    reasons = serializers.SerializerMethodField()

    class Meta:
        model = ListEntry
        fields = ["id", "request", "status", "position", "reasons", "siblings", "staff", "offer_start", "offer_days",
                  "offer_deadline", "intake_on", "settling_in", "contract_id"]

    def _row(self, entry):
        return self.context.get("rows", {}).get(entry.pk)

    def get_position(self, entry) -> int | None:
        row = self._row(entry)
        return row.position if row else None

    def get_reasons(self, entry) -> list[str]:
        row = self._row(entry)
        return row.reasons if row else []


class OfferSerializer(serializers.Serializer):
    group = serializers.IntegerField(min_value=1)
    start_date = serializers.DateField()
    days = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6), max_length=7)
    deadline = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


class WaitingListViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = EntrySerializer
    permission_classes = [ENTREPRENEUR_ONLY]
    lookup_value_converter = "int"
    pagination_class = None

    def rows(self):
        return {row.entry.pk: row for row in selectors.waiting_list(self.request._request.location)}

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False) and getattr(self.request._request, "location", None):
            context["rows"] = self.rows()
        return context

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ListEntry.objects.none()
        return ListEntry.objects.none()

    def list(self, request, *args, **kwargs):
        rows = selectors.waiting_list(request._request.location)
        context = self.get_serializer_context()
        return Response(EntrySerializer([row.entry for row in rows], many=True, context=context).data)

    def get_object(self):
        return selectors.entry_for_location(self.request._request.location, self.kwargs["pk"])

    @extend_schema(request=OfferSerializer, responses={200: EntrySerializer})
    @action(detail=True, methods=["post"])
    def offer(self, request, pk=None):
        entry = self.get_object()
        data = OfferSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        entry = services.offer_place(entry, group_id=values["group"], start_date=values["start_date"],
                                     days=values["days"], deadline=values.get("deadline"),
                                     note=values.get("note", ""))
        return Response(EntrySerializer(entry, context=self.get_serializer_context()).data)


class RuleOrderSerializer(serializers.Serializer):
    order = serializers.ListField(child=serializers.ChoiceField(choices=rules.CATALOGUE), max_length=20,
                                  help_text="The location's priority rules, first to last; the request date is "
                                            "always the last criterion and is not listed.")


class RuleOrderView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(responses={200: RuleOrderSerializer})
    def get(self, request):
        return Response({"order": selectors.rule_order(request._request.location)})

    @extend_schema(request=RuleOrderSerializer, responses={200: RuleOrderSerializer})
    def put(self, request):
        data = RuleOrderSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        settings = services.set_rule_order(location=request._request.location, order=data.validated_data["order"])
        return Response({"order": settings.order})


class ParentEntrySerializer(serializers.ModelSerializer):
    location = serializers.CharField(source="location.name", read_only=True)
    position = serializers.SerializerMethodField()

    class Meta:
        model = ListEntry
        fields = ["id", "location", "status", "position", "offer_start", "offer_days", "offer_deadline", "intake_on",
                  "settling_in", "kept_after_placement"]

    def get_position(self, entry) -> int | None:
        return self.context.get("positions", {}).get(entry.pk)


class CareRequestSerializer(serializers.ModelSerializer):
    entries = serializers.SerializerMethodField()

    class Meta:
        model = CareRequest
        fields = ["id", "status", "child_first_name", "birth_date", "due_date", "care_kind", "days", "start_date",
                  "created_at", "entries"]

    @extend_schema(responses=ParentEntrySerializer(many=True))
    def get_entries(self, care_request) -> list[dict]:
        positions = selectors.positions_of(care_request)
        return ParentEntrySerializer(care_request.entries.all(), many=True, context={"positions": positions}).data


class WithdrawSerializer(serializers.Serializer):
    location = serializers.IntegerField(required=False, allow_null=True, min_value=1,
                                        help_text="Withdraw at this location only (its id); empty: everywhere.")


class AnswerSerializer(serializers.Serializer):
    entry = serializers.IntegerField(min_value=1)
    accept = serializers.BooleanField()


class CareRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = CareRequestSerializer
    permission_classes = [PARENT_ON_MAIN]
    lookup_value_converter = "int"
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CareRequest.objects.none()
        return selectors.requests_of(self.request.user)

    @extend_schema(request=WithdrawSerializer, responses={200: CareRequestSerializer})
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        care_request = self.get_object()
        data = WithdrawSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        location = None
        if data.validated_data.get("location"):
            entry = care_request.entries.filter(location_id=data.validated_data["location"]).first()
            if entry is None:
                return Response({"location": ["This request did not go to that location."]},
                                status=status.HTTP_400_BAD_REQUEST)
            location = entry.location
        services.withdraw(care_request, user=request.user, location=location)
        return Response(CareRequestSerializer(self.get_queryset().get(pk=care_request.pk)).data)

    @extend_schema(request=AnswerSerializer, responses={200: CareRequestSerializer})
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        care_request = self.get_object()
        data = AnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = care_request.entries.filter(pk=data.validated_data["entry"]).first()
        if entry is None:
            return Response({"entry": ["Not an entry of this request."]}, status=status.HTTP_400_BAD_REQUEST)
        services.answer_offer(entry, user=request.user, accept=data.validated_data["accept"])
        return Response(CareRequestSerializer(self.get_queryset().get(pk=care_request.pk)).data)
