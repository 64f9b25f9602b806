"""Tariff pages for the entrepreneur: tariff years with their rates, the tariff model and paying parent per
contract, Flemish income certificates and settling-in sessions, extras, registered hours with their
approval, and the tariff settings; and the parent's page to approve registered hours. Each page writes
through the services the API uses."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT
from billing.care_month import selectors as care_month
from billing.invoices.forms import MonthForm
from billing.tariffs import rules, selectors, services
from billing.tariffs.forms import (
    CertificateForm,
    ContractTariffForm,
    ExtraForm,
    HoursForm,
    SettlingInForm,
    TariffSettingsForm,
    TariffYearForm,
)
from billing.tariffs.models import TariffModel, TariffSettings, TariffYear
from config.service_errors import add_service_errors
from tenants.calendar.selectors import location_today

SETTINGS_FIELDS = ("nl_payment_days", "justified_absence_days", "diaper_full_day", "diaper_half_day", "admin_fee",
                   "late_pickup_fine")


class EntrepreneurOnly(RoleRequiredMixin):
    allowed_roles = (ENTREPRENEUR,)


class OverviewView(EntrepreneurOnly, View):
    def get(self, request):
        years = list(selectors.tariff_years())
        return render(request, "tariffs/overview.html", {
            "years": years, "settings": TariffSettings.load()})


class TariffYearView(EntrepreneurOnly, View):
    """New year (no `year` in the URL) or the rates of an existing one."""

    template_name = "tariffs/year_form.html"

    def _year(self, year):
        if year is None:
            return None
        found = selectors.tariff_years().filter(year=year).first()
        if found is None:
            raise Http404
        return found

    def _form(self, request, tariff_year, data=None):
        care_types = set(request.location.care_types)
        initial = {}
        if tariff_year is not None:
            care_types |= {rate.care_type for rate in tariff_year.rates.all()}
            initial["note"] = tariff_year.note
            for rate in tariff_year.rates.all():
                initial[f"rate_{rate.care_type}"] = rate.hourly_rate
                initial[f"flex_{rate.care_type}"] = rate.flexible_hourly_rate
        else:
            last = selectors.tariff_years().first()
            initial["year"] = last.year + 1 if last else location_today(request.location).year
        return TariffYearForm(data, care_types=care_types, initial=initial,
                              fixed_year=tariff_year.year if tariff_year else None)

    def get(self, request, year=None):
        tariff_year = self._year(year)
        return render(request, self.template_name, {"form": self._form(request, tariff_year),
                                                    "tariff_year": tariff_year})

    def post(self, request, year=None):
        tariff_year = self._year(year)
        form = self._form(request, tariff_year, request.POST)
        if form.is_valid():
            chosen = form.cleaned_data["year"]
            if tariff_year is None and TariffYear.objects.filter(year=chosen).exists():
                form.add_error("year", _("The year %(year)s exists already; change its rates there.") % {
                    "year": chosen})
            else:
                try:
                    services.set_tariff_year(year=chosen, rates=form.rates(), note=form.cleaned_data["note"])
                except ValidationError as error:
                    self._errors_on_rates(form, error, chosen)
                else:
                    messages.success(request, _("The rates of %(year)s are saved.") % {"year": chosen})
                    return redirect("tariffs")
        return render(request, self.template_name, {"form": form, "tariff_year": tariff_year}, status=400)

    @staticmethod
    def _errors_on_rates(form, error, year):
        """A care type that contracts of the year need but that has no rate: the error on its rate field."""
        errors = dict(error.message_dict)
        missing_message = errors.pop("rates", [])
        if missing_message:
            entered = {rate["care_type"] for rate in form.rates()}
            missing = [ct for ct in services.care_types_in_year(year) - entered if f"rate_{ct}" in form.fields]
            for care_type in missing:
                form.add_error(f"rate_{care_type}", _("Contracts run in this year with this care type: enter its "
                                                      "hourly rate."))
            if not missing:
                errors["rates"] = missing_message
        if errors:
            add_service_errors(form, ValidationError(errors))


class ContractTariffListView(EntrepreneurOnly, View):
    def get(self, request):
        jurisdiction = request.location.jurisdiction
        rows = [{"contract": contract, "model": care_month.tariff_model(contract, jurisdiction),
                 "own": care_month.has_own_tariff(contract), "parent": _parent_name(contract)}
                for contract in selectors.signed_contracts().prefetch_related("versions", "child__guardians")]
        return render(request, "tariffs/contracts.html", {"rows": rows, "labels": dict(TariffModel.choices)})


def _parent_name(contract) -> str:
    try:
        return care_month.paying_parent(contract).full_name
    except ValidationError:
        return ""


class ContractTariffView(EntrepreneurOnly, View):
    template_name = "tariffs/contract_form.html"

    def _contract(self, pk):
        return get_object_or_404(selectors.signed_contracts(), pk=pk)

    def get(self, request, pk):
        contract = self._contract(pk)
        jurisdiction = request.location.jurisdiction
        initial = {"model": care_month.tariff_model(contract, jurisdiction),
                   "payment_method": care_month.payment_method(contract),
                   "location_diapers": care_month.location_diapers(contract)}
        try:
            initial["paying_parent"] = care_month.paying_parent(contract).pk
        except ValidationError:
            pass
        form = ContractTariffForm(initial=initial, contract=contract, jurisdiction=jurisdiction)
        return render(request, self.template_name, {"form": form, "contract": contract,
                                                    "averages": _averages(request, contract)})

    def post(self, request, pk):
        contract = self._contract(pk)
        form = ContractTariffForm(request.POST, contract=contract, jurisdiction=request.location.jurisdiction)
        if form.is_valid():
            try:
                services.set_contract_tariff(contract, **form.cleaned_data,
                                             jurisdiction=request.location.jurisdiction)
            except ValidationError as error:
                add_service_errors(form, error, rename={"rates": "model"})
            else:
                messages.success(request, _("The tariff of %(child)s is saved.") % {"child": contract.child.full_name})
                return redirect("tariff-contracts")
        return render(request, self.template_name, {"form": form, "contract": contract,
                                                    "averages": _averages(request, contract)}, status=400)


def _averages(request, contract) -> list:
    """The NL monthly average of this year as the invoice reckons it (care_month.average_explained), for a
    contract billed by it; empty when it is not, or the year has no rate yet."""
    if care_month.tariff_model(contract, request.location.jurisdiction) != rules.NL_MONTHLY_AVERAGE:
        return []
    from tenants.calendar.selectors import location_today

    try:
        return care_month.average_explained(contract, location_today(request.location).year, request.location)
    except ValidationError:
        return []


class ListWithFormView(EntrepreneurOnly, View):
    """A list of rows with a form to add one below it."""

    template_name = ""
    form_class = None
    saved_message = ""

    def rows(self, request):
        raise NotImplementedError

    def save(self, request, data):
        raise NotImplementedError

    def initial(self, request):
        return {}

    def page(self, request, form, status=200):
        return render(request, self.template_name, {"rows": self.rows(request), "form": form}, status=status)

    def get(self, request):
        return self.page(request, self.form_class(initial=self.initial(request)))

    def post(self, request):
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.save(request, form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _(self.saved_message))
                return redirect(request.path)
        return self.page(request, form, status=400)


class CertificateListView(ListWithFormView):
    template_name = "tariffs/certificates.html"
    form_class = CertificateForm
    saved_message = rules.gettext_noop("The income certificate is saved.")

    def rows(self, request):
        return selectors.income_certificates()[:500]

    def save(self, request, data):
        services.add_income_certificate(**data)


class SettlingInListView(ListWithFormView):
    template_name = "tariffs/settling_in.html"
    form_class = SettlingInForm
    saved_message = rules.gettext_noop("The settling-in session is saved.")

    def rows(self, request):
        return selectors.settling_in_sessions()[:500]

    def save(self, request, data):
        services.add_settling_in_session(child=data["child"], day=data["date"])


class SettlingInDeleteView(EntrepreneurOnly, View):
    def post(self, request, pk):
        services.remove_settling_in_session(get_object_or_404(selectors.settling_in_sessions(), pk=pk))
        messages.success(request, _("The settling-in session is removed."))
        return redirect("tariff-settling-in")


class ExtraListView(ListWithFormView):
    template_name = "tariffs/extras.html"
    form_class = ExtraForm
    saved_message = rules.gettext_noop("The extra is saved; it appears on the invoices of its months.")

    def rows(self, request):
        return selectors.extras()[:500]

    def save(self, request, data):
        data = dict(data)
        services.add_extra(data.pop("contract"), **data)


class ExtraDeleteView(EntrepreneurOnly, View):
    def post(self, request, pk):
        services.remove_extra(get_object_or_404(selectors.extras(), pk=pk))
        messages.success(request, _("The extra is removed; invoices already sent keep it."))
        return redirect("tariff-extras")


class HoursListView(ListWithFormView):
    """NL childminder: hours per day, with whether and how the parent approved them."""

    template_name = "tariffs/hours.html"
    form_class = HoursForm
    saved_message = rules.gettext_noop("The hours are registered; the parent is asked to approve them.")

    def rows(self, request):
        rows = list(selectors.registered_hours()[:500])
        for row in rows:
            row.auto_approve_on = selectors.auto_approve_on(row)
        return rows

    def initial(self, request):
        """"Correct" next to a day marked as wrong opens the form for that day."""
        return {name: request.GET.get(name) for name in ("contract", "date", "hours")}

    def save(self, request, data):
        services.register_hours(data["contract"], day=data["date"], hours=data["hours"], user=request.user)


class ParentHoursView(RoleRequiredMixin, View):
    """The parent's registered hours of one month: approve all open days or one, or say a day is wrong.
    POST `action` "approve" (with `day`: that day, without: the whole `month`) or "wrong" (`day`, `note`)."""

    allowed_roles = (PARENT,)
    template_name = "tariffs/parent_hours.html"

    def get(self, request):
        return self.page(request, request.GET.get("month"))

    def post(self, request):
        value = request.POST.get("month", "")
        first = self.month(request, value)[0] if value else None
        action, day = request.POST.get("action"), request.POST.get("day", "")
        row = None
        if day:
            if not is_id(day):
                return self.page(request, value, status=400,
                                 error=ValidationError({"day": [_("Choose a day from the list.")]}))
            row = selectors.hours_of_parent(request.user).filter(pk=int(day)).first()
            if row is None:
                raise Http404
        try:
            if action == "wrong" and row is not None:
                services.mark_hours_wrong(row, user=request.user, note=request.POST.get("note", ""))
                messages.success(request, _("Your remark is sent; the childminder corrects the day."))
            elif action == "approve" and row is not None:
                services.approve_day(row, user=request.user)
                messages.success(request, _("The hours of %(date)s are approved.") % {
                    "date": date_format(row.date, "j F Y")})
            elif action == "approve" and first is not None:
                rows = selectors.hours_of_parent(request.user).filter(date__gte=first, date__lte=month_end(first))
                count = services.approve_month(list(rows), user=request.user)
                messages.success(request, ngettext("%(count)s day is approved.", "%(count)s days are approved.",
                                                   count) % {"count": count})
            elif action == "approve" and not value:
                raise ValidationError({"month": [_("Choose the month to approve.")]})
            elif action == "wrong":
                raise ValidationError({"day": [_("Choose the day that is wrong.")]})
            elif action != "approve":
                raise ValidationError({"action": [_("Choose to approve the hours or to say a day is wrong.")]})
        except ValidationError as error:
            return self.page(request, value, status=400, error=error, row=row)
        if first is None and row is None:
            return self.page(request, value, status=400)
        return redirect(f"{request.path}?month={(first or row.date):%Y-%m}")

    @staticmethod
    def month(request, value):
        """(the month's first day or None when `value` is no month, its form); no value: the oldest month
        with hours to approve (of the contract in `?contract=`, the overview's link), else this month."""
        if not value:
            contract = request.GET.get("contract", "")
            open_months = (is_id(contract) and selectors.parent_open_months(request.user, int(contract))
                           or selectors.parent_open_months(request.user))
            first = open_months[0] if open_months else location_today(request.location).replace(day=1)
            return first, MonthForm(initial={"month": f"{first:%Y-%m}"})
        form = MonthForm({"month": value})
        return (form.cleaned_data["month"] if form.is_valid() else None), form

    def page(self, request, value, *, status=200, error=None, row=None):
        first, form = self.month(request, value)
        errors = dict(error.message_dict) if error is not None else {}
        note_errors = errors.pop("note", [])
        context = {"form": form, "month": first, "groups": [], "errors": [m for ms in errors.values() for m in ms],
                   "open_months": selectors.parent_open_months(request.user),
                   "wrong_row": row.pk if note_errors else None, "note_errors": note_errors,
                   "note": request.POST.get("note", "")}
        if first is not None:
            previous, following = rules.neighbour_months(first)
            context.update(groups=selectors.parent_month(request.user, first), previous=previous, next=following)
        return render(request, self.template_name, context, status=400 if form.errors else status)


def is_id(value: str) -> bool:
    """Digits 0-9 that fit a database id (str.isdigit() also takes '²' and other scripts' digits)."""
    return value.isascii() and value.isdigit() and int(value) < 2**63


def month_end(first):
    return rules.month_bounds(first.year, first.month)[1]


class SettingsView(EntrepreneurOnly, View):
    template_name = "tariffs/settings.html"

    def get(self, request):
        current = TariffSettings.load()
        form = TariffSettingsForm(initial={name: getattr(current, name) for name in SETTINGS_FIELDS})
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = TariffSettingsForm(request.POST)
        if form.is_valid():
            try:
                services.update_settings(**form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The tariff settings are saved."))
                return redirect("tariffs")
        return render(request, self.template_name, {"form": form}, status=400)
