"""The cooperative complaint report as JSON (main domain; cooperative admin and advisers)."""
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import cooperative_only, has_role
from accounts.roles import ADVISER, COOP_ADMIN
from complaint_reports.views import report_for, year_from


class CooperativeReportView(APIView):
    """Figures of all locations (an adviser: her assigned ones) for a calendar year: totals, by subject, outcome,
    kind of location and region, the share judged within the deadline, escalations, and the annual reports
    that are missing or late. No complaint and no personal data."""

    permission_classes = [cooperative_only(has_role(COOP_ADMIN, ADVISER))]

    @extend_schema(responses=dict)
    def get(self, request, year: int):
        year = year_from(str(year), timezone.localdate())
        return Response(report_for(request, year).as_dict())
