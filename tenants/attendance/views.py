"""Pages of the attendance register.

- the tablet page (entrepreneur, staff): today's children with one large button to check in or out; the
  tap posts with HTMX and swaps only the child's card (a plain form post without JavaScript);
- the day register (planned versus actual) and the planning page (per group and half hour) for the
  entrepreneur and staff;
- a parent's page: their children's stays (with a link to dispute them within 24 hours), absences and
  extra days; the forms to report an absence, ask for an extra day and dispute times;
- the entrepreneur's list of disputes and the decision on each;
- swapping a contract day: the parent's form, the decision with its reasons (and cancelling it), the list of
  swaps for the entrepreneur and staff, and the entrepreneur's swap limits;
- the Flemish extras for staff: the day a doctor's certificate came in, and a late pick-up announced by phone.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from jurisdictions import policy

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from frontend.numbers import amount as amount_text
from tenants.attendance import forms, rules, selectors, services
from tenants.attendance.models import Absence, AttendanceRecord, AttendanceSettings, SwapRequest, TimeDispute

WORKERS = (ENTREPRENEUR, STAFF)


def _day_and_group(request):
    form = forms.DayForm(request.GET or None, groups=selectors.groups())
    day, group = selectors.local_today(), None
    if form.is_bound and form.is_valid():
        day = form.cleaned_data["date"] or day
        group = form.cleaned_data["group"]
    return form, day, group


def _late_pickup_fines(request) -> bool:
    """Whether the house rules fine a late pick-up here (staff then note one announced by phone)."""
    return bool(policy(request.location.jurisdiction).fees.late_pickup_per_quarter)


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


# --- tablet ---------------------------------------------------------------------------------------------


class TabletView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def get(self, request):
        form, _day, group = _day_and_group(request)
        today = selectors.local_today()
        rows = selectors.day_register(today, group.pk if group else None)
        return render(request, "attendance/tablet.html", {
            "rows": rows, "today": today, "form": form, "group": group, "tz": selectors.location_zone(),
            "late_pickup_fines": _late_pickup_fines(request),
            "present": sum(1 for row in rows if row.is_present),
        })


class CheckView(RoleRequiredMixin, View):
    """POST: check a child in or out now. HTMX gets the child's card back; a plain post goes back to the page."""

    allowed_roles = WORKERS
    direction = "in"

    def post(self, request, pk):
        child = get_object_or_404(selectors.children_for(request.user, request.roles), pk=pk)
        error = None
        try:
            if self.direction == "in":
                services.check_in(child, by=request.user)
            else:
                services.check_out(child, by=request.user,
                                   late_pickup_announced=bool(request.POST.get("late_pickup_announced")))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        if _is_htmx(request):
            group = selectors.groups().filter(pk=request.POST.get("group") or 0).first() if (
                request.POST.get("group", "").isdigit()) else None
            rows = selectors.day_register(selectors.local_today(), group.pk if group else None)
            row = next((row for row in rows if row.child.pk == child.pk), None)
            if row is None:  # the child is not in the group shown: answer from the whole register
                row = next(row for row in selectors.day_register(selectors.local_today()) if row.child.pk == child.pk)
            return render(request, "attendance/_check_response.html", {
                "row": row, "error": error, "tz": selectors.location_zone(), "announce": True, "group": group,
                "late_pickup_fines": _late_pickup_fines(request),
                "present": sum(1 for item in rows if item.is_present),
            })
        if error:
            messages.error(request, error)
        elif self.direction == "in":
            messages.success(request, _("%(name)s is checked in.") % {"name": child.full_name})
        else:
            messages.success(request, _("%(name)s is checked out.") % {"name": child.full_name})
        group = request.POST.get("group", "")
        return redirect(reverse("attendance-tablet") + (f"?group={group}" if group.isdigit() else ""))


# --- register and planning ------------------------------------------------------------------------------


class RegisterView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def get(self, request):
        form, day, group = _day_and_group(request)
        return render(request, "attendance/register.html", {
            "form": form, "day": day, "group": group, "tz": selectors.location_zone(),
            "late_pickup_fines": _late_pickup_fines(request), "certified_kinds": Absence.CERTIFIED_KINDS,
            "rows": selectors.day_register(day, group.pk if group else None),
        })


class PlanningView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def get(self, request):
        form, day, group = _day_and_group(request)
        plans = [selectors.group_day(item, day) for item in ([group] if group else selectors.groups())]
        return render(request, "attendance/planning.html", {"form": form, "day": day, "plans": plans})


# --- parents --------------------------------------------------------------------------------------------


class MyAttendanceView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def get(self, request):
        now = timezone.now()
        tz = selectors.location_zone()
        since = selectors.local_today() - timezone.timedelta(days=14)
        records = selectors.records_for(request.user, {PARENT}).filter(date__gte=since).prefetch_related("disputes")
        stays = [{"record": record, "may_dispute": rules.may_dispute(now, record.registered_at) and not any(
            d.status == TimeDispute.Status.OPEN for d in record.disputes.all()),
            "deadline": rules.dispute_deadline(record.registered_at)} for record in records]
        return render(request, "attendance/my.html", {
            "children": selectors.children_for(request.user, {PARENT}),
            "stays": stays,
            "absences": selectors.absences_for(request.user, {PARENT}).filter(end_date__gte=since),
            "extra_days": selectors.extra_days_for(request.user, {PARENT}).filter(date__gte=since),
            "swaps": selectors.swaps_for(request.user, {PARENT}).filter(date__gte=since),
            "disputes": selectors.disputes_for(request.user, {PARENT})[:20],
            "tz": tz,
        })


class FormPage(RoleRequiredMixin, View):
    """A page with one form that calls a service; service errors go back on the fields (status 400)."""

    template_name = "attendance/form.html"
    form_class = None
    title = ""
    submit_label = ""
    intro = ""

    def make_form(self, request, data=None):
        return self.form_class(data, children=selectors.children_for(request.user, request.roles))

    def context(self, request, form, **extra):
        return {"form": form, "title": self.title, "submit_label": self.submit_label, "intro": self.intro,
                "back_url": self.back_url(request), **extra}

    def back_url(self, request):
        return reverse("attendance-my") if PARENT in request.roles and not request.roles & set(WORKERS) else (
            reverse("attendance-tablet"))

    def get(self, request, **kwargs):
        form = self.make_form(request)
        child = request.GET.get("child")
        if child and "child" in form.fields and child.isdigit():
            form.initial["child"] = int(child)
        return render(request, self.template_name, self.context(request, form, **self.extra(request, **kwargs)))

    def post(self, request, **kwargs):
        form = self.make_form(request, request.POST)
        if form.is_valid():
            try:
                result = self.save(request, form.cleaned_data, **kwargs)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return self.done(request, result)
        return render(request, self.template_name, self.context(request, form, **self.extra(request, **kwargs)),
                      status=400)

    def extra(self, request, **kwargs):
        return {}


class ReportAbsenceView(FormPage):
    allowed_roles = (PARENT, ENTREPRENEUR, STAFF)
    form_class = forms.AbsenceForm

    @property
    def title(self):
        return _("Report an absence")

    @property
    def submit_label(self):
        return _("Report absence")

    def extra(self, request, **kwargs):
        location = request.location
        rules_here = policy(location.jurisdiction)
        if rules_here.absence_report_deadline:
            return {"intro": " ".join([
                _("Please report an absence before %(time)s on the day. A later report costs € %(fine)s.") % {
                    "time": rules_here.absence_report_deadline,
                    "fine": amount_text(rules_here.fees.late_absence_report)},
                _("For a hospitalisation or quarantine, hand in a doctor's certificate by the fifth working day "
                  "after the start; then no absence day is counted.")])}
        return {}

    def save(self, request, data, **kwargs):
        return services.report_absence(data["child"], kind=data["kind"], start_date=data["start_date"],
                                       end_date=data["end_date"], reason=data["reason"], by=request.user)

    def done(self, request, absence):
        tz = selectors.location_zone()
        text = _("The absence of %(name)s is reported (at %(time)s).") % {
            "name": absence.child.full_name, "time": f"{absence.reported_at.astimezone(tz):%d-%m-%Y %H:%M}"}
        deadline = selectors.certificate_deadline(absence)
        if deadline is not None:
            text += " " + _("Hand in a doctor's certificate by %(date)s at the latest.") % {
                "date": f"{deadline:%d-%m-%Y}"}
        if absence.fine:
            text += " " + _("It was reported after 08:00 on the day: a fine of € %(fine)s applies.") % {
                "fine": amount_text(absence.fine)}
        messages.success(request, text)
        return redirect(self.back_url(request))


class RequestExtraDayView(FormPage):
    allowed_roles = (PARENT, ENTREPRENEUR)
    form_class = forms.ExtraDayForm

    @property
    def title(self):
        return _("Ask for an extra day")

    @property
    def submit_label(self):
        return _("Ask for this day")

    @property
    def intro(self):
        return _("An extra day is accepted at once when the group still has room and enough staff on that day; "
                 "otherwise you see why not.")

    def save(self, request, data, **kwargs):
        return services.request_extra_day(data["child"], date=data["date"], start_time=data["start_time"],
                                          end_time=data["end_time"], note=data["note"], by=request.user)

    def done(self, request, extra):
        return redirect("attendance-extra-day", pk=extra.pk)


class ExtraDayView(RoleRequiredMixin, View):
    allowed_roles = (PARENT, ENTREPRENEUR, STAFF)

    def get(self, request, pk):
        extra = get_object_or_404(selectors.extra_days_for(request.user, request.roles), pk=pk)
        return render(request, "attendance/extra_day.html", {
            "extra": extra, "reasons": [services.reason_text(item) for item in extra.reasons],
            "back_url": reverse("attendance-my") if PARENT in request.roles else reverse("attendance-register"),
        })


class DisputeView(FormPage):
    allowed_roles = (PARENT,)
    form_class = forms.DisputeForm

    @property
    def title(self):
        return _("Dispute the registered times")

    @property
    def submit_label(self):
        return _("Send to the location")

    def make_form(self, request, data=None):
        return self.form_class(data)

    def record(self, request, pk) -> AttendanceRecord:
        return get_object_or_404(selectors.records_for(request.user, {PARENT}), pk=pk)

    def extra(self, request, pk):
        record = self.record(request, pk)
        return {"record": record, "tz": selectors.location_zone(),
                "deadline": rules.dispute_deadline(record.registered_at)}

    def get(self, request, pk):
        record = self.record(request, pk)
        tz = selectors.location_zone()
        form = self.make_form(request)
        form.initial = {"check_in": selectors.local_time(record.check_in, tz),
                        "check_out": selectors.local_time(record.check_out, tz)}
        return render(request, self.template_name, self.context(request, form, **self.extra(request, pk)))

    def save(self, request, data, pk):
        return services.raise_dispute(self.record(request, pk), check_in=data["check_in"],
                                      check_out=data["check_out"], reason=data["reason"], by=request.user)

    def done(self, request, dispute):
        messages.success(request, _("Your objection was sent; the location will answer."))
        return redirect("attendance-my")


# --- the entrepreneur's disputes ------------------------------------------------------------------------


class DisputeListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        disputes = selectors.disputes_for(request.user, request.roles)
        return render(request, "attendance/disputes.html", {
            "open": [d for d in disputes if d.status == TimeDispute.Status.OPEN],
            "closed": [d for d in disputes if d.status != TimeDispute.Status.OPEN][:50],
            "form": forms.ResolveForm(), "tz": selectors.location_zone(),
        })


class ResolveDisputeView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        dispute = get_object_or_404(selectors.disputes_for(request.user, request.roles), pk=pk)
        form = forms.ResolveForm(request.POST)
        if form.is_valid():
            try:
                services.resolve_dispute(dispute, accept=form.cleaned_data["decision"] == "accept",
                                         note=form.cleaned_data["note"], by=request.user)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The dispute is resolved."))
                return redirect("attendance-disputes")
        return render(request, "attendance/resolve.html", {
            "dispute": dispute, "form": form, "tz": selectors.location_zone(),
        }, status=400)

    def get(self, request, pk):
        dispute = get_object_or_404(selectors.disputes_for(request.user, request.roles), pk=pk)
        if dispute.status != TimeDispute.Status.OPEN:
            raise Http404
        return render(request, "attendance/resolve.html", {
            "dispute": dispute, "form": forms.ResolveForm(), "tz": selectors.location_zone(),
        })


# --- swapping a contract day ----------------------------------------------------------------------------


class RequestSwapView(FormPage):
    allowed_roles = (PARENT, ENTREPRENEUR)
    form_class = forms.SwapForm

    @property
    def title(self):
        return _("Swap a contract day")

    @property
    def submit_label(self):
        return _("Ask for this swap")

    def extra(self, request, **kwargs):
        limits = services.swap_limits()
        parts = [_("You give up one of your contract days and get another day instead. The swap is accepted at "
                   "once when the group still has room and enough staff on the new day; otherwise you see why not.")]
        if limits.same_month:
            parts.append(_("This location swaps days within the same month only."))
        if limits.per_month is not None:
            parts.append(_("At most %(count)s swaps per child per month.") % {"count": limits.per_month})
        return {"intro": " ".join(parts)}

    def save(self, request, data, **kwargs):
        return services.request_swap(data["child"], give_up_date=data["give_up_date"], date=data["date"],
                                     start_time=data["start_time"], end_time=data["end_time"], note=data["note"],
                                     by=request.user)

    def done(self, request, swap):
        return redirect("attendance-swap", pk=swap.pk)


class SwapView(RoleRequiredMixin, View):
    """A swap with its decision; the parent (or the entrepreneur) may cancel an accepted one before its days."""

    allowed_roles = (PARENT, ENTREPRENEUR, STAFF)

    def page(self, request, swap, error="", status=200):
        today = selectors.local_today()
        return render(request, "attendance/swap.html", {
            "swap": swap, "reasons": [services.reason_text(item) for item in swap.reasons], "error": error,
            "may_cancel": bool(request.roles & {PARENT, ENTREPRENEUR}) and swap.status == SwapRequest.Status.ACCEPTED
            and min(swap.date, swap.give_up_date) > today,
            "back_url": reverse("attendance-my") if PARENT in request.roles and not request.roles & set(WORKERS)
            else reverse("attendance-swaps"),
        }, status=status)

    def get(self, request, pk):
        return self.page(request, get_object_or_404(selectors.swaps_for(request.user, request.roles), pk=pk))


class CancelSwapView(RoleRequiredMixin, View):
    allowed_roles = (PARENT, ENTREPRENEUR)

    def post(self, request, pk):
        swap = get_object_or_404(selectors.swaps_for(request.user, request.roles), pk=pk)
        try:
            services.cancel_swap(swap, by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
            return SwapView().page(request, swap, error=error, status=400)
        messages.success(request, _("The swap is cancelled: %(name)s comes on the contract day again.") % {
            "name": swap.child.full_name})
        return redirect("attendance-swap", pk=swap.pk)


class SwapListView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def get(self, request):
        since = selectors.local_today()
        return render(request, "attendance/swaps.html", {
            "swaps": selectors.upcoming_swaps(since), "limits": services.swap_limits(),
        })


class SettingsView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        form = forms.AttendanceSettingsForm(instance=AttendanceSettings.load())
        return render(request, "attendance/settings.html", {"form": form})

    def post(self, request):
        form = forms.AttendanceSettingsForm(request.POST, instance=AttendanceSettings.load())
        if form.is_valid():
            try:
                services.update_settings(swap_same_month=form.cleaned_data["swap_same_month"],
                                         swaps_per_month=form.cleaned_data["swaps_per_month"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The swap limits are saved."))
                return redirect("attendance-settings")
        return render(request, "attendance/settings.html", {"form": form}, status=400)


# --- Flemish extras: doctor's certificates and late pick-ups --------------------------------------------


class CertificateView(FormPage):
    """Staff record the day a doctor's certificate of a hospitalisation or quarantine came in."""

    allowed_roles = WORKERS
    form_class = forms.CertificateForm

    @property
    def title(self):
        return _("Doctor's certificate")

    @property
    def submit_label(self):
        return _("Save")

    def make_form(self, request, data=None):
        return self.form_class(data)

    def absence(self, request, pk) -> Absence:
        return get_object_or_404(selectors.absences_for(request.user, request.roles).filter(
            kind__in=Absence.CERTIFIED_KINDS), pk=pk)

    def back_url(self, request):
        return reverse("attendance-register")

    def extra(self, request, pk):
        absence = self.absence(request, pk)
        deadline = selectors.certificate_deadline(absence)
        return {"intro": _("%(name)s: %(kind)s from %(start)s. The certificate is due by %(deadline)s (the fifth "
                           "working day after the start).") % {
            "name": absence.child.full_name, "kind": absence.get_kind_display(),
            "start": f"{absence.start_date:%d-%m-%Y}", "deadline": f"{deadline:%d-%m-%Y}"}}

    def get(self, request, pk):
        absence = self.absence(request, pk)
        form = self.make_form(request)
        form.initial = {"certificate_received_on": absence.certificate_received_on or selectors.local_today()}
        return render(request, self.template_name, self.context(request, form, **self.extra(request, pk)))

    def save(self, request, data, pk):
        return services.record_certificate(self.absence(request, pk),
                                           received_on=data["certificate_received_on"], by=request.user)

    def done(self, request, absence):
        deadline = selectors.certificate_deadline(absence)
        if absence.certificate_received_on <= deadline:
            messages.success(request, _("The certificate is recorded; it came in time."))
        else:
            messages.warning(request, _("The certificate is recorded; it came after the deadline (%(date)s).") % {
                "date": f"{deadline:%d-%m-%Y}"})
        return redirect(reverse("attendance-register") + f"?date={absence.start_date.isoformat()}")


class LatePickupView(RoleRequiredMixin, View):
    """POST on a stay: the parent phoned ahead about a late pick-up (checked) or not (unchecked)."""

    allowed_roles = WORKERS

    def post(self, request, pk):
        record = get_object_or_404(selectors.records_for(request.user, request.roles), pk=pk)
        form = forms.LatePickupForm(request.POST)
        form.is_valid()  # a checkbox: absent means unchecked
        services.set_late_pickup_announced(record, announced=form.cleaned_data.get("late_pickup_announced", False),
                                           by=request.user)
        messages.success(request, _("Saved for %(name)s.") % {"name": record.child.full_name})
        return redirect(reverse("attendance-register") + f"?date={record.date.isoformat()}")
