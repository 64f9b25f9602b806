"""Meldcode pages.

At a location: report a concern (staff, entrepreneur, parent), the status of one's own reports, and for the
entrepreneur the cases routing gives her. On the main domain: the pedagogue's cases, a case file with its steps,
recording a step, closing, the audit trail and the figures. Every case read and write is audited.
"""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, PEDAGOGUE, STAFF
from config.service_errors import add_service_errors
from safeguarding import access, forms, rules, selectors, services
from safeguarding.models import Case, CaseAuditEntry, Outcome, Route, Step

REPORTERS = (ENTREPRENEUR, STAFF, PARENT)


def reporter_role(roles) -> str:
    return next(role for role in REPORTERS if role in roles)


class AtLocationMixin(RoleRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "location", None) is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class PedagogueMixin(RoleRequiredMixin):
    allowed_roles = (PEDAGOGUE,)

    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "location", None) is not None:
            raise Http404
        if not selectors.is_pedagogue(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# At a location ---------------------------------------------------------------------------------------------------


class ReportConcernView(AtLocationMixin, View):
    allowed_roles = REPORTERS

    def form(self, request, data=None):
        return forms.ReportConcernForm(data, location=request.location, user=request.user, roles=request.roles)

    def get(self, request):
        return render(request, "safeguarding/report.html", {"form": self.form(request)})

    def post(self, request):
        form = self.form(request, request.POST)
        if form.is_valid():
            try:
                services.report_concern(location=request.location, reporter=request.user, roles=request.roles,
                                        **form.service_arguments())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your report was received. The pedagogue of the cooperative will "
                                            "look at it."))
                return redirect("meldcode-my-reports")
        return render(request, "safeguarding/report.html", {"form": form}, status=400)


class MyReportsView(AtLocationMixin, View):
    allowed_roles = REPORTERS

    def get(self, request):
        reports = list(selectors.reports_of(request.user, request.location))
        services.audit(reports, request.user, reporter_role(request.roles), CaseAuditEntry.Action.STATUS_VIEWED)
        return render(request, "safeguarding/my_reports.html", {"reports": reports})


class LocationCaseListView(AtLocationMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        cases = list(selectors.list_only(selectors.cases_for_entrepreneur(request.user, request.location)))
        services.audit(cases, request.user, ENTREPRENEUR, CaseAuditEntry.Action.LISTED)
        return render(request, "safeguarding/location_cases.html", {"cases": cases})


class LocationCaseView(AtLocationMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk):
        case = access.entrepreneur_case_or_404(request.user, request.location, pk)
        services.read_case(case, request.user, ENTREPRENEUR)
        return render(request, "safeguarding/case_detail.html", {
            "case": case, "steps": selectors.steps_overview(case, timezone.localdate()), "can_handle": False,
        })


class HousematesView(AtLocationMixin, View):
    """The entrepreneur says which staff members live with her: a concern about them then never reaches her."""

    allowed_roles = (ENTREPRENEUR,)

    def form(self, request, data=None):
        current = selectors.housemates_recorded_by(request.user, request.location)
        return forms.HousematesForm(data, location=request.location, entrepreneur=request.user,
                                    initial={"housemates": current})

    def get(self, request):
        return render(request, "safeguarding/housemates.html", {"form": self.form(request)})

    def post(self, request):
        form = self.form(request, request.POST)
        if form.is_valid():
            try:
                services.set_housemates(location=request.location, entrepreneur=request.user,
                                        user_ids=form.cleaned_data["housemates"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your housemates were saved."))
                return redirect("meldcode-housemates")
        return render(request, "safeguarding/housemates.html", {"form": form}, status=400)


# The pedagogue, on the main domain -------------------------------------------------------------------------------


class CaseListView(PedagogueMixin, View):
    def get(self, request):
        today = timezone.localdate()
        cases = list(selectors.with_step_names(selectors.list_only(selectors.cases_for_pedagogue(request.user))))
        services.audit(cases, request.user, PEDAGOGUE, CaseAuditEntry.Action.LISTED)
        rows = []
        for case in cases:
            done = {entry.step for entry in case.steps.all()}
            pending = [] if case.is_closed else rules.open_steps(case.route, case.reported_on, done, today,
                                                                 case.crime_suspected)
            rows.append({"case": case, "next": pending[0] if pending else None,
                         "next_label": Step(pending[0].step).label if pending else ""})
        return render(request, "safeguarding/case_list.html", {"rows": rows})


def pedagogue_case(request, pk) -> Case:
    return get_object_or_404(selectors.cases_for_pedagogue(request.user), pk=pk)


class CaseView(PedagogueMixin, View):
    def context(self, request, case, step_form=None, close_form=None):
        return {
            "case": case,
            "steps": selectors.steps_overview(case, timezone.localdate()),
            "can_handle": not case.is_closed,
            "step_form": step_form or forms.StepForm(route=case.route),
            "close_form": close_form or forms.CloseForm(),
            "entrepreneur_left_out": selectors.entrepreneur_left_out(case),
        }

    def get(self, request, pk):
        case = pedagogue_case(request, pk)
        services.read_case(case, request.user, PEDAGOGUE)
        return render(request, "safeguarding/case_detail.html", self.context(request, case))


class RecordStepView(CaseView):
    def get(self, request, pk):
        return redirect("meldcode-case", pk=pk)

    def post(self, request, pk):
        case = pedagogue_case(request, pk)
        form = forms.StepForm(request.POST, route=case.route)
        if form.is_valid():
            try:
                services.record_step(case, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The step was recorded."))
                return redirect("meldcode-case", pk=case.pk)
        return render(request, "safeguarding/case_detail.html", self.context(request, case, step_form=form),
                      status=400)


class CloseCaseView(CaseView):
    def get(self, request, pk):
        return redirect("meldcode-case", pk=pk)

    def post(self, request, pk):
        case = pedagogue_case(request, pk)
        form = forms.CloseForm(request.POST)
        if form.is_valid():
            try:
                services.close_case(case, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The case was closed."))
                return redirect("meldcode-case", pk=case.pk)
        return render(request, "safeguarding/case_detail.html", self.context(request, case, close_form=form),
                      status=400)


class AuditView(PedagogueMixin, View):
    def get(self, request, pk):
        case = pedagogue_case(request, pk)
        entries = services.audit_trail(case, request.user)
        return render(request, "safeguarding/audit.html", {"case": case, "entries": entries})


class FiguresView(PedagogueMixin, View):
    def get(self, request):
        from cooperative.models import Location

        kinds = dict(Location.Kind.choices)
        routes = dict(Route.choices)
        rows = [{**row, "route_label": routes.get(row["route"], row["route"]),
                 "kind_label": kinds.get(row["location_kind"], row["location_kind"])}
                for row in selectors.figures()]
        return render(request, "safeguarding/figures.html", {"rows": rows, "outcomes": Outcome})


class LookView(View):
    """The neutral link in notifications (`/look/…`): the URL in an e-mail names no case and no subject.

    After the login it leads to the case (or the list) where the reader may see it; anyone else gets a 404.
    """

    def get(self, request, pk=None):
        if getattr(request, "location", None) is None:
            if not selectors.is_pedagogue(request.user):
                raise Http404
            return redirect("meldcode-case", pk=pk) if pk else redirect("meldcode-cases")
        if pk is None:
            raise Http404
        access.entrepreneur_case_or_404(request.user, request.location, pk)
        return redirect("meldcode-location-case", pk=pk)
