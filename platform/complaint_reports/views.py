"""The cooperative complaint report page and PDF (main domain): the cooperative admin and advisers see the
aggregated figures only, never a complaint."""
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

FIRST_YEAR = 2000


def year_from(value, today) -> int:
    if value in (None, ""):
        return today.year
    if not str(value).isdigit() or not FIRST_YEAR <= int(value) <= today.year:
        raise Http404
    return int(value)


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
        year = year_from(request.GET.get("year"), today)
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
        })


class CooperativeReportPdfView(RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN, ADVISER)

    def get(self, request, year):
        year = year_from(str(year), timezone.localdate())
        return pdf_response(pdf.cooperative_report(report_for(request, year)), f"klachten-cooperatie-{year}.pdf")
