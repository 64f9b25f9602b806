"""API of the menu.

- dishes: list (`?start=&end=` dates; every member of the location), create and delete (staff, entrepreneur).
- dishes/check: `?date=` the day's allergen conflicts and diet reminders for the cook (staff, entrepreneur).
"""
from datetime import date

from drf_spectacular.utils import OpenApiParameter, OpenApiTypes, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, STAFF
from tenants.child_sheet.rules import EU_ALLERGENS
from tenants.menus import rules, selectors, services
from tenants.menus.models import Dish

WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
MEMBERS = location_only(AtLocation)


class DishSerializer(serializers.ModelSerializer):
    meal = serializers.ChoiceField(choices=rules.MEALS)
    allergens = serializers.ListField(child=serializers.ChoiceField(choices=list(EU_ALLERGENS)), required=False)

    class Meta:
        model = Dish
        fields = ["id", "date", "meal", "name", "allergens"]
        read_only_fields = ["id"]


def _date(text):
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise serializers.ValidationError({"date": ["Give a date as YYYY-MM-DD."]}) from None


class DishViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin,
                  viewsets.GenericViewSet):
    serializer_class = DishSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "destroy", "check"):
            return [WORKERS()]
        return [MEMBERS()]

    def get_queryset(self):
        qs = Dish.objects.all()
        start, end = _date(self.request.query_params.get("start")), _date(self.request.query_params.get("end"))
        if start:
            qs = qs.filter(date__gte=start)
        if end:
            qs = qs.filter(date__lte=end)
        return qs

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.add_dish(day=data["date"], meal=data["meal"], name=data["name"],
                                                allergens=data.get("allergens", []))

    def perform_destroy(self, instance):
        services.remove_dish(instance)

    @extend_schema(parameters=[OpenApiParameter("date", OpenApiTypes.DATE, required=True)],
                   responses={200: OpenApiTypes.OBJECT})
    @action(detail=False, methods=["get"], pagination_class=None)
    def check(self, request):
        """The day's conflicts (a child present or expected whose allergens are in a dish) and diet reminders."""
        day = _date(request.query_params.get("date"))
        if day is None:
            raise serializers.ValidationError({"date": ["Give a date as YYYY-MM-DD."]})
        found = selectors.check_day(day)
        return Response({
            "date": day.isoformat(),
            "conflicts": [{"child": item["child"]["id"], "child_name": item["child"]["name"],
                           "dish": item["dish"]["id"], "dish_name": item["dish"]["name"],
                           "allergens": item["allergens"]} for item in found["conflicts"]],
            "diets": [{"child": c["id"], "child_name": c["name"], "diets": c["diets"]} for c in found["diets"]],
        })
