"""Pages of following each child: the list of children, one child's observations, summaries and consents (staff
add an observation there), writing a summary, a summary with the parents' answers (a parent answers there),
a parent's consent, and the export for another location."""
import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.calendar.selectors import location_today
from tenants.child_following import forms, selectors, services
from tenants.child_following.models import Consent

MEMBERS = (ENTREPRENEUR, STAFF, PARENT)
WORKERS = (ENTREPRENEUR, STAFF)


def child_for(request, pk):
    return get_object_or_404(selectors.children_followed_by(request.user, request.roles, location_today()), pk=pk)


def _is_worker(request) -> bool:
    return bool(request.roles & set(WORKERS))


class FollowingView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def get(self, request):
        today = location_today()
        children = list(selectors.children_followed_by(request.user, request.roles, today))
        summaries = list(selectors.summaries_visible_to(request.user, request.roles, today)
                         .prefetch_related("responses"))
        waiting = {s.child_id for s in selectors.awaiting_parent(summaries)}
        return render(request, "child_following/list.html", {
            "children": children, "waiting": waiting, "is_worker": _is_worker(request)})


class ChildView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def render_page(self, request, child, form=None, status=200):
        today = location_today()
        is_worker = _is_worker(request)
        return render(request, "child_following/child.html", {
            "child": child, "is_worker": is_worker, "is_entrepreneur": ENTREPRENEUR in request.roles,
            "is_guardian": PARENT in request.roles and child.guardians.filter(pk=request.user.pk).exists(),
            "observations": selectors.observations_visible_to(request.user, request.roles, today).filter(child=child),
            "summaries": selectors.summaries_visible_to(request.user, request.roles, today).filter(child=child)
            .prefetch_related("responses"),
            "consents": selectors.active_consents(child), "scopes": Consent.Scope.choices,
            "form": form if form is not None else (forms.ObservationForm(initial={"observed_on": today})
                                                   if is_worker else None)}, status=status)

    def get(self, request, pk):
        return self.render_page(request, child_for(request, pk))

    def post(self, request, pk):
        child = child_for(request, pk)
        if not _is_worker(request):
            return self.render_page(request, child, status=403)
        form = forms.ObservationForm(request.POST)
        if form.is_valid():
            try:
                services.record_observation(child, by=request.user, roles=request.roles, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The observation is saved."))
                return redirect("following-child", pk=child.pk)
        return self.render_page(request, child, form, status=400)


class SummaryNewView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def get(self, request, pk):
        child = child_for(request, pk)
        return render(request, "child_following/summary_form.html", {"child": child, "form": forms.SummaryForm()})

    def post(self, request, pk):
        child = child_for(request, pk)
        form = forms.SummaryForm(request.POST)
        if form.is_valid():
            try:
                summary = services.write_summary(child, by=request.user, roles=request.roles, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The summary is shared with the parents."))
                return redirect("following-summary", pk=summary.pk)
        return render(request, "child_following/summary_form.html", {"child": child, "form": form}, status=400)


class SummaryView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def summary(self, request, pk):
        return get_object_or_404(selectors.summaries_visible_to(request.user, request.roles, location_today())
                                 .prefetch_related("responses"), pk=pk)

    def render_page(self, request, summary, form=None, status=200):
        is_guardian = PARENT in request.roles and summary.child.guardians.filter(pk=request.user.pk).exists()
        mine = summary.responses.filter(user=request.user).first() if is_guardian else None
        if is_guardian and form is None:
            form = forms.ResponseForm(initial={"comment": mine.comment if mine else ""})
        return render(request, "child_following/summary.html", {
            "summary": summary, "form": form if is_guardian else None, "mine": mine,
            "is_worker": _is_worker(request)}, status=status)

    def get(self, request, pk):
        return self.render_page(request, self.summary(request, pk))

    def post(self, request, pk):
        summary = self.summary(request, pk)
        form = forms.ResponseForm(request.POST)
        if form.is_valid():
            try:
                services.respond(summary, by=request.user, roles=request.roles, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Thank you, your answer is saved."))
                return redirect("following-summary", pk=summary.pk)
        return self.render_page(request, summary, form, status=400)


class ConsentView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def post(self, request, pk):
        child = child_for(request, pk)
        form = forms.ConsentForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose the next group or another location."))
            return redirect("following-child", pk=child.pk)
        scope, give = form.cleaned_data["scope"], form.cleaned_data["give"]
        try:
            if give:
                services.give_consent(child, by=request.user, roles=request.roles, scope=scope)
                messages.success(request, _("Your consent is recorded."))
            else:
                services.withdraw_consent(child, by=request.user, roles=request.roles, scope=scope)
                messages.success(request, _("Your consent is withdrawn."))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        return redirect("following-child", pk=child.pk)


class ExportView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk):
        child = child_for(request, pk)
        try:
            data = services.export_for_other_location(child, roles=request.roles)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return redirect("following-child", pk=child.pk)
        response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                                content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="kindvolgsysteem-{child.pk}.json"'
        response["Cache-Control"] = "private, no-store"
        return response


