"""Medication pages: today's doses (staff: what is due, late and given, with a button per dose; a parent: her
children's medicines and what was given today), the parent's signed request form, recording a dose or a
fever-reducer, one request with its doses, and the location's policy on fever-reducers."""
from datetime import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from accounts.throttling import client_ip
from config.service_errors import add_service_errors
from tenants.attendance.selectors import local_now
from tenants.children.selectors import children_visible_to
from tenants.medication import forms, rules, selectors, services

WORKERS = (ENTREPRENEUR, STAFF)


def _at_today(value, now):
    return datetime.combine(now.date(), value, tzinfo=now.tzinfo) if value else None


class TodayView(RoleRequiredMixin, View):
    """Staff: today's doses, late ones first. A parent: her children's medicines and today's doses."""

    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request):
        now = local_now()
        if request.roles & set(WORKERS):
            due = selectors.due_today()
            return render(request, "medication/today.html", {
                "now": now, "today": now.date(), "late": [item for item in due if item.overdue],
                "due": [item for item in due if not item.overdue],
                "fever": selectors.fever_reducers_on(now.date()),
                "children": children_visible_to(request.user, request.roles),
                "is_entrepreneur": ENTREPRENEUR in request.roles})
        visible = selectors.requests_visible_to(request.user, {PARENT})
        due = selectors.due_on(now.date(), now, visible)
        return render(request, "medication/mine.html", {
            "now": now, "today": now.date(), "due": due,
            "requests": visible.filter(end_date__gte=now.date()).order_by("start_date", "pk"),
            "fever": selectors.fever_reducers_on(now.date(), selectors.doses_visible_to(request.user, {PARENT})),
            "children": children_visible_to(request.user, {PARENT})})


class RequestView(RoleRequiredMixin, View):
    """A parent fills in and signs the medication form for one medicine of her child."""

    allowed_roles = (PARENT,)

    def page(self, request, child, form, status=200):
        form.fields["confirmed"].help_text = _(rules.SIGN_TEXT)
        return render(request, "medication/request.html", {"child": child, "form": form}, status=status)

    def get(self, request, pk):
        child = get_object_or_404(children_visible_to(request.user, {PARENT}), pk=pk)
        return self.page(request, child, forms.RequestForm(initial={"start_date": local_now().date()}))

    def post(self, request, pk):
        child = get_object_or_404(children_visible_to(request.user, {PARENT}), pk=pk)
        form = forms.RequestForm(request.POST)
        if form.is_valid():
            try:
                made = services.request_medication(child, user=request.user, ip=client_ip(request),
                                                   **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your request for %(medicine)s is signed and sent to the staff.")
                                 % {"medicine": made.name})
                return redirect("medication-request", pk=made.pk)
        return self.page(request, child, form, status=400)


class DetailView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request, pk):
        found = selectors.request_for(request.user, request.roles, pk)
        return render(request, "medication/detail.html", {
            "item": found, "doses": found.doses.order_by("-given_at"),
            "can_stop": found.stopped_at is None and found.end_date >= local_now().date()})

    def post(self, request, pk):
        found = selectors.request_for(request.user, request.roles, pk)
        services.stop_request(found, user=request.user)
        messages.success(request, _("No more doses of %(medicine)s will be given.") % {"medicine": found.name})
        return redirect("medication-request", pk=found.pk)


class DoseView(RoleRequiredMixin, View):
    """Staff record the dose of one medicine due at one time today."""

    allowed_roles = WORKERS

    def page(self, request, found, due_time, form, status=200):
        return render(request, "medication/dose.html", {"item": found, "due_time": due_time, "form": form},
                      status=status)

    def due_time(self, value: str):
        from datetime import time

        try:
            return time.fromisoformat(value)
        except ValueError:
            return None

    def get(self, request, pk, at):
        found = selectors.request_for(request.user, request.roles, pk)
        return self.page(request, found, self.due_time(at), forms.DoseForm())

    def post(self, request, pk, at):
        found = selectors.request_for(request.user, request.roles, pk)
        due_time = self.due_time(at)
        form = forms.DoseForm(request.POST)
        if form.is_valid():
            try:
                services.record_dose(found, user=request.user, due_time=due_time,
                                     given_at=_at_today(form.cleaned_data["given_at"], local_now()),
                                     remarks=form.cleaned_data["remarks"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The dose of %(medicine)s for %(name)s is recorded.")
                                 % {"medicine": found.name, "name": found.child.full_name})
                return redirect(request.POST.get("next") if request.POST.get("next") == "/attendance/"
                                else "medication-today")
        return self.page(request, found, due_time, form, status=400)


class FeverView(RoleRequiredMixin, View):
    """Staff record a fever-reducer given after contact with a parent or the doctor (seed 003 §4.6.3)."""

    allowed_roles = WORKERS

    def page(self, request, child, form, status=200):
        return render(request, "medication/fever.html", {"child": child, "form": form,
                                                         "policy": services.policy()}, status=status)

    def get(self, request, pk):
        child = get_object_or_404(children_visible_to(request.user, request.roles), pk=pk)
        return self.page(request, child, forms.FeverForm())

    def post(self, request, pk):
        child = get_object_or_404(children_visible_to(request.user, request.roles), pk=pk)
        form = forms.FeverForm(request.POST)
        if form.is_valid():
            now = local_now()
            data = dict(form.cleaned_data)
            data["given_at"] = _at_today(data["given_at"], now)
            data["contacted_at"] = _at_today(data["contacted_at"], now)
            try:
                services.record_fever_reducer(child, user=request.user, **data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The fever-reducer for %(name)s is recorded.") % {"name": child.full_name})
                return redirect("medication-today")
        return self.page(request, child, form, status=400)


class PolicyView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        row = services.policy()
        return render(request, "medication/policy.html", {"form": forms.PolicyForm(initial={
            "paracetamol_allowed": row.paracetamol_allowed, "ibuprofen_allowed": row.ibuprofen_allowed,
            "ibuprofen_min_months": row.ibuprofen_min_months, "grace_minutes": row.grace_minutes})})

    def post(self, request):
        form = forms.PolicyForm(request.POST)
        if form.is_valid():
            try:
                services.set_policy(**form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The medication policy is saved."))
                return redirect("medication-policy")
        return render(request, "medication/policy.html", {"form": form}, status=400)
