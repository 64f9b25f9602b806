"""Pages that put the past right (tenants.attendance.corrections).

- `/attendance/corrections/?date=` (entrepreneur, staff): a day gone by (yesterday unless chosen) with its stays,
  absences and extra days, each with what may be corrected; the entrepreneur also sees the history;
- `/attendance/corrections/absence/` (entrepreneur): record an absence afterwards;
- `/attendance/corrections/stays/<id>/` (entrepreneur any day of the last year; staff today and yesterday):
  correct a stay's times;
- `/attendance/corrections/absences/<id>/withdraw/`, `/attendance/corrections/extra-days/<id>/withdraw/`
  (entrepreneur): take an absence report or an accepted extra day back;
- `/attendance/history/` (entrepreneur; a parent for their own children): every correction with who, when,
  why, before and after, and what it did to an invoice already sent.

Who may correct what (decided here and in rules.may_correct_times): the entrepreneur everything; staff only
the times of today's and yesterday's stays (a forgotten check-out put right the next morning); a parent nothing
afterwards (a parent disputes registered times within 24 hours, and reports absences for today and later).
"""
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.attendance import correction_forms as forms
from tenants.attendance import corrections, history, rules, selectors
from tenants.attendance.models import Absence, AttendanceRecord, ExtraDayRequest

WORKERS = (ENTREPRENEUR, STAFF)


# --- access: one function per object, loading it for this user or refusing ---------------------------------


def stay_to_correct(request, pk) -> AttendanceRecord:
    record = selectors.records_for(request.user, request.roles & set(WORKERS)).filter(pk=pk).first()
    if record is None:
        raise Http404
    return record


def absence_to_withdraw(request, pk) -> Absence:
    absence = selectors.absences_for(request.user, request.roles & {ENTREPRENEUR}).filter(pk=pk).first()
    if absence is None:
        raise Http404
    return absence


def extra_day_to_withdraw(request, pk) -> ExtraDayRequest:
    found = (selectors.extra_days_for(request.user, request.roles & {ENTREPRENEUR})
             .filter(pk=pk, status=ExtraDayRequest.Status.ACCEPTED).first())
    if found is None:
        raise Http404
    return found


def _done(request, change):
    text = _("The correction is recorded in the history.")
    effects = [c.explanation for c in change.invoice_corrections.all()]
    messages.success(request, " ".join([text, *effects]))
    return redirect(f"{reverse('attendance-corrections')}?date={change.day.isoformat()}")


class CorrectionsView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def get(self, request):
        today = selectors.local_today()
        form = forms.CorrectionDayForm(request.GET or None)
        day = today - timedelta(days=1)
        if form.is_bound and form.is_valid() and form.cleaned_data["date"]:
            day = form.cleaned_data["date"]
        entrepreneur = ENTREPRENEUR in request.roles
        stays = AttendanceRecord.objects.filter(date=day).select_related("child").order_by("child__first_name",
                                                                                           "check_in")
        return render(request, "attendance/corrections.html", {
            "form": form, "day": day, "tz": selectors.location_zone(), "entrepreneur": entrepreneur,
            "stays": stays, "can_correct": rules.may_correct_times(entrepreneur=entrepreneur, day=day, today=today),
            "absences": Absence.objects.filter(start_date__lte=day, end_date__gte=day).select_related("child"),
            "extra_days": ExtraDayRequest.objects.filter(date=day, status=ExtraDayRequest.Status.ACCEPTED)
            .select_related("child"),
            "changes": _with_summaries(history.changes_for(request.user, request.roles)[:100]) if entrepreneur
            else [],
        })


class HistoryView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request):
        return render(request, "attendance/history.html", {
            "changes": _with_summaries(history.changes_for(request.user, request.roles)[:200]),
            "tz": selectors.location_zone()})


def _with_summaries(changes):
    found = list(changes)
    for change in found:
        change.summary = history.summary(change)
    return found


class CorrectionFormPage(RoleRequiredMixin, View):
    template_name = "attendance/correction_form.html"
    title = ""

    def get_object(self, request, pk):
        return None

    def make_form(self, request, data=None, obj=None):
        raise NotImplementedError

    def render_form(self, request, form, obj, status=200):
        return render(request, self.template_name, {
            "form": form, "title": self.title, "object": obj, "tz": selectors.location_zone(),
            "back_url": reverse("attendance-corrections")}, status=status)

    def get(self, request, pk=None):
        obj = self.get_object(request, pk)
        return self.render_form(request, self.make_form(request, obj=obj), obj)

    def post(self, request, pk=None):
        obj = self.get_object(request, pk)
        form = self.make_form(request, request.POST, obj=obj)
        if form.is_valid():
            try:
                change = self.save(request, form.cleaned_data, obj)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return _done(request, change)
        return self.render_form(request, form, obj, status=400)


class PastAbsenceView(CorrectionFormPage):
    allowed_roles = (ENTREPRENEUR,)

    @property
    def title(self):
        return _("Record an absence afterwards")

    def make_form(self, request, data=None, obj=None):
        form = forms.PastAbsenceForm(data, children=selectors.children_for(request.user, request.roles))
        if data is None and (request.GET.get("child") or "").isdigit():
            form.initial["child"] = int(request.GET["child"])
        return form

    def save(self, request, data, obj):
        told = None
        if data.get("told_on") and data.get("told_at"):
            told = selectors.at_local(data["told_on"], data["told_at"], selectors.location_zone())
        return corrections.report_past_absence(
            data["child"], kind=data["kind"], start_date=data["start_date"], end_date=data["end_date"],
            reason=data["reason"], reported_at=told, by=request.user)


class CorrectTimesView(CorrectionFormPage):
    allowed_roles = WORKERS

    @property
    def title(self):
        return _("Correct the times of a stay")

    def get_object(self, request, pk):
        return stay_to_correct(request, pk)

    def make_form(self, request, data=None, obj=None):
        tz = selectors.location_zone()
        return forms.CorrectTimesForm(data, initial={"check_in": selectors.local_time(obj.check_in, tz),
                                                     "check_out": selectors.local_time(obj.check_out, tz)})

    def save(self, request, data, obj):
        return corrections.correct_times(obj, check_in=data["check_in"], check_out=data["check_out"],
                                         reason=data["reason"], by=request.user,
                                         entrepreneur=ENTREPRENEUR in request.roles)


class WithdrawAbsenceView(CorrectionFormPage):
    allowed_roles = (ENTREPRENEUR,)

    @property
    def title(self):
        return _("Withdraw an absence report")

    def get_object(self, request, pk):
        return absence_to_withdraw(request, pk)

    def make_form(self, request, data=None, obj=None):
        return forms.WithdrawForm(data)

    def save(self, request, data, obj):
        return corrections.withdraw_absence(obj, reason=data["reason"], by=request.user)


class WithdrawExtraDayView(CorrectionFormPage):
    allowed_roles = (ENTREPRENEUR,)

    @property
    def title(self):
        return _("Withdraw an extra day")

    def get_object(self, request, pk):
        return extra_day_to_withdraw(request, pk)

    def make_form(self, request, data=None, obj=None):
        return forms.WithdrawForm(data)

    def save(self, request, data, obj):
        return corrections.withdraw_extra_day(obj, reason=data["reason"], by=request.user)
