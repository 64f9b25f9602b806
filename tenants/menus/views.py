"""Pages of the menu: the week (every member of the location; staff and the entrepreneur see the warnings for the
cook, a parent only those about her own children) and a day's dishes to add or remove (staff, entrepreneur)."""
from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.attendance.selectors import local_today
from tenants.children.selectors import children_of_parent
from tenants.menus import forms, rules, selectors, services
from tenants.menus.models import Dish

WORKERS = (ENTREPRENEUR, STAFF)


def is_worker(request) -> bool:
    return bool(request.roles & set(WORKERS))


def parse_day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def week_rows(request, days: list[date]) -> list[dict]:
    only = None if is_worker(request) else list(children_of_parent(request.user).values_list("pk", flat=True))
    checks = selectors.check_days(days, only_children=only)
    dishes = {}
    for dish in selectors.dishes_between(days[0], days[-1]):
        dishes.setdefault(dish.date, []).append(dish)
    return [{"day": day, "dishes": dishes.get(day, []), **checks[day]} for day in days
            if day.weekday() < 5 or dishes.get(day)]


class WeekView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request):
        today = local_today()
        days = rules.week_of(parse_day(request.GET.get("week")) or today)
        return render(request, "menus/week.html", {
            "rows": week_rows(request, days), "today": today, "is_worker": is_worker(request),
            "previous": days[0] - timedelta(days=7), "next": days[0] + timedelta(days=7)})


class DayView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def day(self, text):
        day = parse_day(text)
        if day is None:
            raise Http404
        return day

    def render_page(self, request, day, form, status=200):
        return render(request, "menus/day.html", {
            "day": day, "form": form, "dishes": selectors.dishes_between(day, day), "check": selectors.check_day(day),
        }, status=status)

    def get(self, request, day):
        return self.render_page(request, self.day(day), forms.DishForm())

    def post(self, request, day):
        day = self.day(day)
        if request.POST.get("remove"):
            dish = get_object_or_404(Dish, pk=request.POST["remove"] if request.POST["remove"].isdigit() else 0,
                                     date=day)
            services.remove_dish(dish)
            messages.success(request, _("The dish is removed."))
            return redirect("menu-day", day=day.isoformat())
        form = forms.DishForm(request.POST)
        if form.is_valid():
            try:
                services.add_dish(day=day, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The dish is added."))
                return redirect("menu-day", day=day.isoformat())
        return self.render_page(request, day, form, status=400)
