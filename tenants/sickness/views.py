"""Pages of sickness: the day's records for staff (record one on the tablet or phone), the entrepreneur's list, one
record with the checklist's decision and when the child may come back, the location's checklist (the entrepreneur
adjusts rows), and a parent's records of her own children."""
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.attendance.selectors import at_local, local_now, location_zone
from tenants.children.selectors import children_visible_to
from tenants.sickness import forms, rules, selectors, services

WORKERS = (ENTREPRENEUR, STAFF)


def row_view(checklist, record):
    """The record's symptoms and reasons as labels for the page."""
    return {"symptoms": selectors.row_labels(checklist, record.symptoms),
            "reasons": [checklist.row(key) for key in record.reasons if checklist.row(key)]}


class ListView(RoleRequiredMixin, View):
    """Staff and the entrepreneur: the records of the last weeks, today's first. Parents go to their own."""

    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request):
        if not request.roles & set(WORKERS):
            return redirect("sickness-mine")
        now = local_now()
        records = list(selectors.records_visible_to(request.user, request.roles)
                       .filter(observed_at__gte=now - timedelta(days=30))[:200])
        today = [r for r in records if r.observed_at.astimezone(now.tzinfo).date() == now.date()]
        return render(request, "sickness/list.html", {"records": records, "today": today, "now": now,
                                                      "tz": location_zone(), "checklist": selectors.checklist_here()})


class RecordView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def form(self, request, data=None):
        children = children_visible_to(request.user, request.roles).order_by("first_name", "last_name")
        initial = {"time": local_now().strftime("%H:%M"), "tell_parents": True}
        if request.GET.get("child", "").isdigit():
            initial["child"] = int(request.GET["child"])
        return forms.RecordForm(data, children=children, checklist=selectors.checklist_here(), initial=initial)

    def get(self, request):
        return render(request, "sickness/record.html", {"form": self.form(request)})

    def post(self, request):
        form = self.form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            child = children_visible_to(request.user, request.roles).get(pk=data["child"])
            now = local_now()
            observed_at = at_local(now.date(), data["time"], location_zone())
            try:
                record = services.record_sickness(
                    child, by=request.user, observed_at=observed_at, moment=data["moment"],
                    temperature=data["temperature"], after_vaccination=data["after_vaccination"],
                    symptoms=data["symptoms"], note=data["note"], tell_parents=None if data["tell_parents"] else False)
            except ValidationError as exc:
                add_service_errors(form, exc, rename={"observed_at": "time"})
            else:
                messages.success(request, _("Recorded for %(name)s.") % {"name": child.full_name})
                return redirect("sickness-detail", pk=record.pk)
        return render(request, "sickness/record.html", {"form": form}, status=400)


class DetailView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def record(self, request, pk):
        return get_object_or_404(selectors.records_visible_to(request.user, request.roles), pk=pk)

    def get(self, request, pk):
        record = self.record(request, pk)
        checklist = selectors.checklist_here()
        return render(request, "sickness/detail.html", {
            "record": record, "checklist": checklist, **row_view(checklist, record),
            "is_worker": bool(request.roles & set(WORKERS)), "fever_free_hours": checklist.fever_free_hours,
            "tz": location_zone()})

    def post(self, request, pk):
        if not request.roles & set(WORKERS):
            raise PermissionDenied
        record = self.record(request, pk)
        try:
            services.tell_parents(record, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(m for ms in exc.message_dict.values() for m in ms))
        else:
            messages.success(request, _("The parents have been sent a message."))
        return redirect("sickness-detail", pk=record.pk)


class ChecklistView(RoleRequiredMixin, View):
    """The location's checklist for everybody here; the entrepreneur changes a row or adds one of her own."""

    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def render_page(self, request, form=None, status=200):
        checklist = selectors.checklist_here()
        return render(request, "sickness/checklist.html", {
            "checklist": checklist, "form": form or forms.OwnRowForm(), "may_edit": ENTREPRENEUR in request.roles,
            "decisions": rules.DECISIONS}, status=status)

    def get(self, request):
        return self.render_page(request)

    def post(self, request):
        if ENTREPRENEUR not in request.roles:
            raise PermissionDenied
        if request.POST.get("reset"):
            services.reset_row(request.POST["reset"])
            messages.success(request, _("The row is back to the list's own."))
            return redirect("sickness-checklist")
        form = forms.OwnRowForm(request.POST)
        if form.is_valid():
            try:
                services.adjust_row(by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The checklist is saved."))
                return redirect("sickness-checklist")
        return self.render_page(request, form, status=400)


class MineView(RoleRequiredMixin, View):
    """A parent: the sickness records of her own children of the last two months."""

    allowed_roles = (PARENT,)

    def get(self, request):
        now = local_now()
        records = list(selectors.records_visible_to(request.user, {PARENT})
                       .filter(observed_at__gte=now - timedelta(days=60)))
        return render(request, "sickness/mine.html", {"records": records, "now": now, "tz": location_zone()})
