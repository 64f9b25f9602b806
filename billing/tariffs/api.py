"""Tariffs API (location hosts): the entrepreneur manages rates, contract tariffs, income certificates,
extras, settings and registered hours; a parent reads and approves the registered hours of her children."""
from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, request_roles
from billing.tariffs import selectors, services
from billing.tariffs.models import Extra, IncomeCertificate, RegisteredHours, TariffModel, TariffSettings, TariffYear
from tenants.children.models import Child
from tenants.contracts.models import CareType, Contract

ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
ENTREPRENEUR_OR_PARENT = location_only(has_role(ENTREPRENEUR, PARENT))


class RateSerializer(serializers.Serializer):
    care_type = serializers.ChoiceField(choices=CareType.choices)
    hourly_rate = serializers.DecimalField(max_digits=9, decimal_places=4)
    flexible_hourly_rate = serializers.DecimalField(max_digits=9, decimal_places=4, required=False, allow_null=True)


class TariffYearSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField()
    rates = RateSerializer(many=True)

    class Meta:
        model = TariffYear
        fields = ["id", "year", "note", "rates"]


class TariffYearViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                        viewsets.GenericViewSet):
    """POST creates or replaces the rates of a year."""

    serializer_class = TariffYearSerializer
    permission_classes = [ENTREPRENEUR_ONLY]
    queryset = TariffYear.objects.prefetch_related("rates")

    def create(self, request, *args, **kwargs):
        data = TariffYearSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        year = services.set_tariff_year(year=data.validated_data["year"], rates=data.validated_data["rates"],
                                        note=data.validated_data.get("note", ""))
        return Response(TariffYearSerializer(year).data, status=status.HTTP_201_CREATED)


class ContractTariffSerializer(serializers.Serializer):
    contract = serializers.PrimaryKeyRelatedField(queryset=Contract.objects.all())
    model = serializers.ChoiceField(choices=TariffModel.choices)
    paying_parent = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())
    payment_method = serializers.CharField(default="direct_debit")
    location_diapers = serializers.BooleanField(default=True)


class ContractTariffView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = ContractTariffSerializer

    def post(self, request):
        data = ContractTariffSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        tariff = services.set_contract_tariff(v["contract"], model=v["model"], paying_parent=v["paying_parent"],
                                              payment_method=v["payment_method"],
                                              location_diapers=v["location_diapers"],
                                              jurisdiction=request._request.location.jurisdiction)
        return Response({"contract": tariff.contract_id, "model": tariff.model,
                         "paying_parent": tariff.paying_parent_id, "payment_method": tariff.payment_method},
                        status=status.HTTP_201_CREATED)


class CertificateSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())
    day_price = serializers.CharField()

    class Meta:
        model = IncomeCertificate
        fields = ["id", "child", "day_price", "valid_from", "valid_until", "kind_code"]


class CertificateViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = CertificateSerializer
    permission_classes = [ENTREPRENEUR_ONLY]
    queryset = IncomeCertificate.objects.all()

    def create(self, request, *args, **kwargs):
        data = CertificateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.add_income_certificate(**data.validated_data)
        return Response(CertificateSerializer(row).data, status=status.HTTP_201_CREATED)


class ExtraSerializer(serializers.ModelSerializer):
    contract = serializers.PrimaryKeyRelatedField(queryset=Contract.objects.all())
    unit_price = serializers.CharField()
    quantity = serializers.CharField(default="1")

    class Meta:
        model = Extra
        fields = ["id", "contract", "kind", "description", "quantity", "unit_price", "frequency", "on_date", "until"]


class ExtraViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = ExtraSerializer
    permission_classes = [ENTREPRENEUR_ONLY]
    queryset = Extra.objects.all()

    def create(self, request, *args, **kwargs):
        data = ExtraSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = dict(data.validated_data)
        row = services.add_extra(v.pop("contract"), **v)
        return Response(ExtraSerializer(row).data, status=status.HTTP_201_CREATED)


class TariffSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = TariffSettings
        exclude = ["id"]


class SettingsView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = TariffSettingsSerializer

    def get(self, request):
        return Response(TariffSettingsSerializer(TariffSettings.load()).data)

    def patch(self, request):
        """Only the fields sent change; JSON or a form (multipart), checked here for type, by the service for
        the rules."""
        serializer = TariffSettingsSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        return Response(TariffSettingsSerializer(services.update_settings(**serializer.validated_data)).data)


class HoursSerializer(serializers.ModelSerializer):
    contract = serializers.PrimaryKeyRelatedField(queryset=Contract.objects.all())
    hours = serializers.CharField()

    class Meta:
        model = RegisteredHours
        fields = ["id", "contract", "date", "hours", "registered_at", "approved_at", "auto_approved", "disputed_at",
                  "dispute_note"]
        read_only_fields = ["registered_at", "approved_at", "auto_approved", "disputed_at", "dispute_note"]


class WrongHoursSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=500, allow_blank=True)


class HoursViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """The childminder registers hours per day; the parent approves them."""

    serializer_class = HoursSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action == "create":
            return [ENTREPRENEUR_ONLY()]
        return [ENTREPRENEUR_OR_PARENT()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator, without a request
            return RegisteredHours.objects.none()
        roles = request_roles(self.request)
        if ENTREPRENEUR in roles:
            return RegisteredHours.objects.all()
        return selectors.hours_of_parent(self.request.user)

    def create(self, request, *args, **kwargs):
        data = HoursSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        row = services.register_hours(v["contract"], day=v["date"], hours=v["hours"], user=request.user)
        return Response(HoursSerializer(row).data, status=status.HTTP_201_CREATED)

    def _parents_row(self, request):
        """Only the parent approves or objects (a guardian of the child or the paying parent)."""
        if PARENT not in request_roles(request):
            raise PermissionDenied
        return get_object_or_404(selectors.hours_of_parent(request.user), pk=self.kwargs["pk"])

    @extend_schema(request=None, responses={200: HoursSerializer})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """The parent approves the day; an approved day is final."""
        return Response(HoursSerializer(services.approve_day(self._parents_row(request), user=request.user)).data)

    @action(detail=True, methods=["post"], serializer_class=WrongHoursSerializer)
    def wrong(self, request, pk=None):
        """The parent says the day is wrong (`note`); the childminder corrects it by registering it again."""
        row = self._parents_row(request)
        data = WrongHoursSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.mark_hours_wrong(row, user=request.user, note=data.validated_data["note"])
        return Response(HoursSerializer(row).data)
