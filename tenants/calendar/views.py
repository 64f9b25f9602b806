"""Calendar pages: the annual overview for every member, management for the entrepreneur."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.calendar import api, selectors, services
from tenants.calendar.feed import feed_url
from tenants.calendar.forms import (
    ClosingPeriodForm,
    ClosureForm,
    HolidayForm,
    OpeningHoursForm,
)
from tenants.calendar.models import ClosingPeriod, Closure, Weekday

MEMBERS = (ENTREPRENEUR, STAFF, PARENT)


def page_year(request) -> int:
    try:
        return api.year_param(request)
    except ValidationError:
        return selectors.location_today().year


class CalendarView(RoleRequiredMixin, View):
    """The annual overview (jaaroverzicht): opening hours, closing weeks, holidays and closures."""

    allowed_roles = MEMBERS

    def get(self, request):
        year = page_year(request)
        token = selectors.active_feed_token(request.user)
        data = api.overview(year)
        hours = selectors.weekly_opening_hours()
        return render(request, "calendar/overview.html", {
            "year": year,
            "previous_year": year - 1,
            "next_year": year + 1,
            "overview": data,
            "week_hours": [(label, hours.get(day)) for day, label in Weekday.choices],
            "holidays": selectors.holidays(year),
            "closures": Closure.objects.filter(end_date__year__gte=year, start_date__year__lte=year),
            "feed_url": feed_url(request, token) if token else None,
            "can_manage": ENTREPRENEUR in request.roles,
        })


class ManageView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def context(self, request, **forms):
        year = page_year(request)
        return {
            "year": year,
            "hours_form": forms.get("hours_form") or OpeningHoursForm(current=selectors.weekly_opening_hours()),
            "period_form": forms.get("period_form") or ClosingPeriodForm(),
            "closure_form": forms.get("closure_form") or ClosureForm(),
            "closing_periods": selectors.closing_periods(year),
            "open_weeks": selectors.open_weeks(year),
            "previous_year": year - 1,
            "next_year": year + 1,
            "holidays": selectors.holidays(year),
            "closures": Closure.objects.all()[:50],
            "is_childminder": request.location.kind == "gastouder",
        }

    def get(self, request):
        return render(request, "calendar/manage.html", self.context(request))

    def invalid(self, request, **forms):
        return render(request, "calendar/manage.html", self.context(request, **forms), status=400)


class OpeningHoursView(ManageView):
    def post(self, request):
        form = OpeningHoursForm(request.POST)
        if form.is_valid():
            try:
                services.set_week_hours(form.hours())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The opening hours were saved."))
                return redirect("calendar-manage")
        return self.invalid(request, hours_form=form)


class ClosingPeriodCreateView(ManageView):
    def post(self, request):
        form = ClosingPeriodForm(request.POST)
        if form.is_valid():
            try:
                row = services.add_closing_period(**form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The location is closed from %(start)s to %(end)s.") % {
                    "start": date_format(row.start_date, "j F Y"), "end": date_format(row.end_date, "j F Y")})
                return redirect(f"{reverse('calendar-manage')}?year={row.start_date.year}")
        return self.invalid(request, period_form=form)


class ClosingPeriodDeleteView(ManageView):
    http_method_names = ["post"]

    def post(self, request, pk):
        row = get_object_or_404(ClosingPeriod, pk=pk)
        services.remove_closing_period(row)
        messages.success(request, _("The closing period was removed."))
        return redirect(f"{reverse('calendar-manage')}?year={row.start_date.year}")


class HolidayChoiceView(ManageView):
    def post(self, request):
        form = HolidayForm(request.POST)
        if form.is_valid():
            try:
                services.set_holiday_closed(**form.cleaned_data)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return self.invalid(request)
            messages.success(request, _("The choice of public holidays was saved."))
            return redirect("calendar-manage")
        messages.error(request, _("Choose a public holiday."))
        return self.invalid(request)


class ClosureCreateView(ManageView):
    def post(self, request):
        form = ClosureForm(request.POST)
        if form.is_valid():
            try:
                services.close_for_childminder(**form.cleaned_data, user=request.user)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The location is closed on these days; they are not charged."))
                return redirect("calendar-manage")
        return self.invalid(request, closure_form=form)


class ClosureDeleteView(ManageView):
    http_method_names = ["post"]

    def post(self, request, pk):
        kept = services.cancel_closure(get_object_or_404(Closure, pk=pk))
        messages.success(request, _("The closure was cancelled."))
        if kept:
            messages.info(request, ngettext(
                "%(count)s closed day was credited already and stays credited; nothing is invoiced again. If care "
                "was given that day after all, invoice it with a one-off invoice.",
                "%(count)s closed days were credited already and stay credited; nothing is invoiced again. If care "
                "was given those days after all, invoice them with a one-off invoice.", kept) % {"count": kept})
        return redirect("calendar-manage")


class FeedTokenPageView(RoleRequiredMixin, View):
    """Issue (or renew) or revoke the caller's own calendar feed link."""

    allowed_roles = MEMBERS

    def post(self, request):
        if request.POST.get("action") == "revoke":
            services.revoke_feed_token(request.user)
            messages.success(request, _("Your calendar link no longer works."))
        else:
            services.issue_feed_token(request.user)
            messages.success(request, _("Your new calendar link is ready; any earlier link stopped working."))
        return redirect("calendar")
