"""Pages of contagious diseases: the location's cases (with whether the agency must be told, and the form to
record that it was), recording a case on the tablet or phone, and a parent's anonymous notices."""
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.calendar.selectors import location_today
from tenants.groups.models import Group
from tenants.outbreaks import forms, rules, selectors, services

WORKERS = (ENTREPRENEUR, STAFF)


def case_view(case):
    disease = selectors.disease_of(case)
    reason = _(case.agency_reason) % rules.reason_values(disease) if disease and case.agency_reason else ""
    advice = _(disease.advice) if disease and case.advice == disease.advice else case.advice
    label = _(disease.label) if disease else case.disease
    return {"case": case, "disease": disease, "reason": reason, "advice": advice, "label": label}


class ListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request):
        if not request.roles & set(WORKERS):
            return redirect("outbreaks-mine")
        cases = [case_view(c) for c in selectors.cases_visible_to(request.user, request.roles)[:200]]
        return render(request, "outbreaks/list.html", {
            "cases": cases, "agency": selectors.agency(),
            "to_tell": sum(1 for c in cases if c["case"].agency_must_tell and not c["case"].agency_told_at)})


class NewView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def form(self, data=None):
        return forms.CaseForm(data, groups=Group.objects.order_by("name"), diseases=selectors.diseases_here(),
                              initial={"noticed_on": location_today()})

    def get(self, request):
        return render(request, "outbreaks/new.html", {"form": self.form(), "diseases": selectors.diseases_here()})

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                case = services.record_case(by=request.user, group=Group.objects.get(pk=data["group"]),
                                            disease=data["disease"], noticed_on=data["noticed_on"],
                                            advice=data["advice"], note=data["note"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Recorded. %(n)s parents of the group get the notice.")
                                 % {"n": case.recipients})
                return redirect("outbreaks-case", pk=case.pk)
        return render(request, "outbreaks/new.html", {"form": form, "diseases": selectors.diseases_here()},
                      status=400)


class CaseView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def render_page(self, request, case, form=None, status=200):
        return render(request, "outbreaks/case.html", {
            **case_view(case), "agency": selectors.agency(),
            "form": form or forms.AgencyToldForm(initial={
                "told_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")})}, status=status)

    def case(self, request, pk):
        return get_object_or_404(selectors.cases_visible_to(request.user, request.roles), pk=pk)

    def get(self, request, pk):
        return self.render_page(request, self.case(request, pk))

    def post(self, request, pk):
        case = self.case(request, pk)
        form = forms.AgencyToldForm(request.POST)
        if form.is_valid():
            try:
                services.record_agency_told(case, by=request.user, told_at=form.cleaned_data["told_at"],
                                            reference=form.cleaned_data["reference"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Recorded that the agency was told."))
                return redirect("outbreaks-case", pk=case.pk)
        return self.render_page(request, case, form, status=400)


class MineView(RoleRequiredMixin, View):
    """A parent: the notices of her children's groups of the last three months."""

    allowed_roles = (PARENT,)

    def get(self, request):
        cases = selectors.cases_visible_to(request.user, {PARENT}).filter(
            noticed_on__gte=location_today() - timedelta(days=90))
        return render(request, "outbreaks/mine.html", {"cases": [case_view(c) for c in cases]})


class NoticeView(RoleRequiredMixin, View):
    """One anonymous notice, as the parents read it (also for the location's people)."""

    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request, pk):
        case = get_object_or_404(selectors.cases_visible_to(request.user, request.roles), pk=pk)
        return render(request, "outbreaks/notice.html", case_view(case))
