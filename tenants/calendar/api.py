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
from tenants.calendar.models import ClosingPeriod, Closure, OpeningHours

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


class ClosingPeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClosingPeriod
        fields = ["id", "start_date", "end_date", "note"]


class ClosingPeriodViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, ManagedViewSet):
    """Closing periods by dates with a day in the year ?year=2026 (one across the new year is in both years).
    Adding one that is wrong, overlaps another or breaks the 47-week rule is a 400 naming the field."""

    serializer_class = ClosingPeriodSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ClosingPeriod.objects.none()
        if self.action == "list":
            return ClosingPeriod.objects.filter(pk__in=[p.pk for p in selectors.closing_periods(
                year_param(self.request))])
        return ClosingPeriod.objects.all()

    def create(self, request):
        serializer = ClosingPeriodSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = services.add_closing_period(**serializer.validated_data)
        return Response(ClosingPeriodSerializer(row).data, status=201)

    def perform_destroy(self, instance):
        services.remove_closing_period(instance)


class ClosingCheckQuerySerializer(serializers.Serializer):
    start_date = serializers.DateField()
    end_date = serializers.DateField()


class YearCheckSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    weeks_in_year = serializers.IntegerField()
    closing_days = serializers.IntegerField()
    closing_weeks = serializers.DecimalField(max_digits=4, decimal_places=1)
    open_weeks = serializers.DecimalField(max_digits=4, decimal_places=1)
    min_open_weeks = serializers.IntegerField()
    max_closing_days = serializers.IntegerField()
    ok = serializers.BooleanField()
    message = serializers.CharField()


class ClosingCheckSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    years = YearCheckSerializer(many=True)
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


def closing_check(*, start_date, end_date) -> dict:
    """What adding the period from `start` to `end` would do to each ISO year it touches, with the same
    field errors the service would give (empty when it may be added); the closing form shows it while typing."""
    start, end = start_date, end_date
    errors = rules.period_errors(start, end)
    if errors:
        raise ValidationError(services.rule_errors(errors))
    existing = [(p.start_date, p.end_date) for p in ClosingPeriod.objects.all()]
    problems = services.rule_errors(rules.closing_periods_errors((start, end), existing,
                                                                selectors.weekly_opening_hours().keys()))
    years = []
    for year in rules.iso_years_of(start, end):
        check = selectors.year_check(year, extra=(start, end))
        years.append({
            "year": year, "weeks_in_year": check.weeks_in_year, "closing_days": check.closing_days,
            "closing_weeks": check.closing_weeks, "open_weeks": check.open_weeks,
            "min_open_weeks": check.min_open_weeks, "max_closing_days": check.max_closing_days, "ok": check.ok,
            "message": _("%(year)s: open %(open)s of %(weeks)s weeks with this period (%(days)s closing days); at "
                         "least %(min)s weeks open.") % {
                "year": year, "open": services.weeks_text(check.open_weeks), "weeks": check.weeks_in_year,
                "days": check.closing_days, "min": check.min_open_weeks},
        })
    return {"ok": not problems, "years": years, "errors": problems}


class ClosingCheckView(APIView):
    """The 47-open-weeks check of a closing period being typed (?start_date=&end_date=): per ISO year it
    touches, the closing days and open weeks with it, and the errors adding it would give. Adds nothing."""

    permission_classes = [MANAGER]

    @extend_schema(parameters=[ClosingCheckQuerySerializer], responses=ClosingCheckSerializer)
    def get(self, request):
        query = ClosingCheckQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return Response(ClosingCheckSerializer(closing_check(**query.validated_data)).data)


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
    open_weeks = serializers.DecimalField(max_digits=4, decimal_places=1)
    opening_hours = OpeningHoursSerializer(many=True)
    closing_weeks = serializers.DecimalField(max_digits=4, decimal_places=1)
    closing_periods = ClosingPeriodSerializer(many=True)
    closed_days = ClosedDaySerializer(many=True)


def overview(year: int) -> dict:
    return {
        "year": year,
        "open_weeks": selectors.open_weeks(year),
        "opening_hours": list(OpeningHours.objects.all()),
        "closing_weeks": selectors.closing_weeks_count(year),
        "closing_periods": selectors.closing_periods(year),
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
