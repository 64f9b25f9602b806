"""The cooperative complaint report page and PDF (main domain): the cooperative admin and advisers see the
aggregated figures only, never a complaint."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ADVISER, COOP_ADMIN
from complaint_reports import pdf, selectors
from cooperative.models import Location
from tenants.complaints.api import pdf_response
from tenants.complaints.models import Complaint, Subject
from tenants.complaints.services import report_year


def year_from(value, today) -> int:
    """This year when none is asked; else the year asked, or a ValidationError naming `year` (400)."""
    if value in (None, ""):
        return today.year
    return report_year(value, today)


def report_for(request, year):
    scope = selectors.scope_for(request.user)
    if scope is None:
        raise Http404
    return selectors.cooperative_report(year, today=timezone.localdate(), user=request.user, scope=scope)


def labelled(buckets: dict, labels) -> list[tuple[str, object]]:
    return [(labels(key), bucket) for key, bucket in sorted(buckets.items())]


def _label(choices):
    def label(key):
        return str(choices(key).label) if key in choices.values else (key or "—")
    return label


class CooperativeReportView(RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN, ADVISER)

    def get(self, request):
        today = timezone.localdate()
        try:
            year = year_from(request.GET.get("year"), today)
        except ValidationError as error:
            return self.year_refused(request, error)
        return self.page(request, year, today)

    def page(self, request, year, today, status=200):
        report = report_for(request, year)
        subjects = labelled(report.by_subject, _label(Subject))
        kinds = labelled(report.by_kind, _label(Location.Kind))
        regions = labelled(report.by_region, lambda key: key or "—")
        outcomes = [(_label(Complaint.Outcome)(k), n) for k, n in sorted(report.by_outcome.items())]
        return render(request, "complaint_reports/report.html", {
            "report": report, "year": year, "years": list(range(today.year, today.year - 6, -1)),
            "subjects": subjects, "kinds": kinds, "regions": regions, "outcomes": outcomes,
            "subject_chart": [(label, b.complaints) for label, b in subjects],
            "kind_chart": [(label, b.complaints) for label, b in kinds],
            "region_chart": [(label, b.complaints) for label, b in regions],
            "kind_labels": {k: str(v) for k, v in Location.Kind.choices},
            "more": {state: report.more(state) for state in selectors.STATES},
        }, status=status)

    def year_refused(self, request, error: ValidationError):
        """No report for that year (0, 10000, not a number): this year's report, saying which years have one."""
        messages.error(request, " ".join(error.messages))
        today = timezone.localdate()
        return self.page(request, today.year, today, status=400)


class CooperativeReportPdfView(RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN, ADVISER)

    def get(self, request, year):
        try:
            year = year_from(str(year), timezone.localdate())
        except ValidationError as error:
            return CooperativeReportView().year_refused(request, error)
        return pdf_response(pdf.cooperative_report(report_for(request, year)), f"klachten-cooperatie-{year}.pdf")
