"""Calendar API: every member of the location reads it; the entrepreneur manages it."""
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR
from tenants.calendar import rules, selectors, services
from tenants.calendar.feed import feed_url
from tenants.calendar.models import ClosingWeek, Closure, OpeningHours

MEMBER = location_only(AtLocation)
MANAGER = location_only(has_role(ENTREPRENEUR))


def year_param(request) -> int:
    raw = request.query_params.get("year") if hasattr(request, "query_params") else request.GET.get("year")
    if raw in (None, ""):
        return selectors.location_today().year
    try:
        year = int(raw)
    except (TypeError, ValueError):
        raise ValidationError({"year": [_("Give the year as a number, e.g. 2026.")]}) from None
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": [_("Give a year between 2000 and 2100.")]})
    return year


class ManagedViewSet(viewsets.GenericViewSet):
    """Reads for every member, writes for the entrepreneur."""

    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [MEMBER()]
        return [MANAGER()]


class OpeningHoursSerializer(serializers.Serializer):
    weekday = serializers.ChoiceField(choices=rules.WEEKDAYS)
    opens = serializers.TimeField(allow_null=True, format="%H:%M")
    closes = serializers.TimeField(allow_null=True, format="%H:%M")


class OpeningHoursViewSet(mixins.ListModelMixin, ManagedViewSet):
    """Opening hours per weekday (0 = Monday). POST sets a weekday; both times null closes it."""

    serializer_class = OpeningHoursSerializer
    queryset = OpeningHours.objects.all()
    pagination_class = None

    @extend_schema(responses={201: OpeningHoursSerializer, 200: OpeningHoursSerializer})
    def create(self, request):
        """201 with the hours set; 200 when both times were null (the weekday is closed now)."""
        serializer = OpeningHoursSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = services.set_opening_hours(**serializer.validated_data)
        data = OpeningHoursSerializer(row).data if row else {**serializer.data, "opens": None, "closes": None}
        return Response(data, status=201 if row else 200)


class ClosingWeekSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClosingWeek
        fields = ["id", "year", "week", "note"]
        validators = []  # the service explains a duplicate week in words, on the field


class ClosingWeekViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, ManagedViewSet):
    """Closing weeks (ISO weeks) of a year: ?year=2026. Adding one that breaks the 47-week rule is a 400."""

    serializer_class = ClosingWeekSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ClosingWeek.objects.none()
        if self.action == "list":
            return ClosingWeek.objects.filter(year=year_param(self.request))
        return ClosingWeek.objects.all()

    def create(self, request):
        serializer = ClosingWeekSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = services.add_closing_week(**serializer.validated_data)
        return Response(ClosingWeekSerializer(row).data, status=201)

    def perform_destroy(self, instance):
        services.remove_closing_week(instance)


class HolidaySerializer(serializers.Serializer):
    date = serializers.DateField(read_only=True)
    name = serializers.CharField(max_length=100, help_text="The holiday's English name: the key of the choice.")
    label = serializers.CharField(read_only=True, help_text="The holiday's name in the reader's language.")
    closed = serializers.BooleanField()


class HolidayViewSet(ManagedViewSet):
    """Public holidays of the year (?year=) and whether the location closes; POST {name, closed} chooses."""

    serializer_class = HolidaySerializer
    pagination_class = None

    def list(self, request):
        return Response(HolidaySerializer(selectors.holidays(year_param(request)), many=True).data)

    def create(self, request):
        serializer = HolidaySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = services.set_holiday_closed(**serializer.validated_data)
        return Response({"name": row.name, "closed": row.closed}, status=200)


class ClosureSerializer(serializers.ModelSerializer):
    billable = serializers.SerializerMethodField()

    class Meta:
        model = Closure
        fields = ["id", "start_date", "end_date", "reason", "note", "billable"]

    def get_billable(self, obj) -> bool:
        return False


class ClosureViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, ManagedViewSet):
    """Closures of a childminder for sickness or absence (childminder locations only)."""

    serializer_class = ClosureSerializer
    queryset = Closure.objects.all()

    def create(self, request):
        serializer = ClosureSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        closure = services.close_for_childminder(**serializer.validated_data, user=request.user)
        return Response(ClosureSerializer(closure).data, status=201)

    def perform_destroy(self, instance):
        services.cancel_closure(instance)


class ClosedDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    reasons = serializers.ListField(child=serializers.CharField())
    labels = serializers.ListField(child=serializers.CharField())
    billable = serializers.BooleanField()


class OverviewSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    open_weeks = serializers.IntegerField()
    opening_hours = OpeningHoursSerializer(many=True)
    closing_weeks = ClosingWeekSerializer(many=True)
    closed_days = ClosedDaySerializer(many=True)


def overview(year: int) -> dict:
    return {
        "year": year,
        "open_weeks": selectors.open_weeks(year),
        "opening_hours": list(OpeningHours.objects.all()),
        "closing_weeks": selectors.closing_weeks(year),
        "closed_days": [
            {"date": d.date, "reasons": list(d.reasons), "labels": list(d.labels), "billable": d.billable}
            for d in selectors.closed_days(year)
        ],
    }


class OverviewView(APIView):
    """The annual overview every member (parents included) reads: hours, closing weeks, closed days."""

    permission_classes = [MEMBER]

    @extend_schema(responses=OverviewSerializer)
    def get(self, request):
        return Response(OverviewSerializer(overview(year_param(request))).data)


class FeedTokenSerializer(serializers.Serializer):
    url = serializers.CharField(allow_null=True)


class FeedTokenView(APIView):
    """The caller's own calendar feed URL: GET shows it, POST issues a new one, DELETE revokes it."""

    permission_classes = [MEMBER]

    def _answer(self, request, token, status=200):
        return Response({"url": feed_url(request, token) if token else None}, status=status)

    @extend_schema(responses=FeedTokenSerializer)
    def get(self, request):
        return self._answer(request, selectors.active_feed_token(request.user))

    @extend_schema(request=None, responses={201: FeedTokenSerializer})
    def post(self, request):
        return self._answer(request, services.issue_feed_token(request.user), status=201)

    @extend_schema(responses={200: FeedTokenSerializer})
    def delete(self, request):
        services.revoke_feed_token(request.user)
        return self._answer(request, None)
