"""Pages of care requests: the public request form (a location's host: that location; the main domain: several,
suggested by postcode and kind of care), the e-mail confirmation, the parent's requests with her places and
offers, the entrepreneur's waiting list with its rules and offers."""
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR
from config.service_errors import add_service_errors
from cooperative.models import Location
from intake import deliveries, forms, placement, selectors, services, throttle
from intake.models import CareRequest, ListEntry, Rule

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def rule_labels(keys) -> list[str]:
    return [str(Rule(key).label) for key in keys]


# --- the public form --------------------------------------------------------------------------------------


@method_decorator([login_not_required, never_cache], name="dispatch")
class RequestFormView(View):
    """No account needed. A location's host asks for that location; the main domain for one or more."""

    def locations(self, request):
        if getattr(request, "location", None) is not None:
            return [request.location]
        return list(Location.objects.filter(status=Location.Status.ACTIVE))

    def form(self, request, data=None):
        fixed = getattr(request, "location", None)
        initial = {"campaign": request.GET.get("campaign", "")[:40]}
        if fixed is None and request.GET.get("postal_code"):
            suggested = selectors.suggested_locations(postal_code=request.GET["postal_code"],
                                                      care_kind=request.GET.get("care_kind", ""))
            initial.update(locations=[location.pk for location in suggested],
                           postal_code=request.GET["postal_code"][:12], care_kind=request.GET.get("care_kind", ""))
        if request.user.is_authenticated:
            initial.update(email=request.user.email, parent_name=request.user.full_name)
        return forms.RequestForm(data, locations=self.locations(request), fixed_location=fixed, initial=initial)

    def page(self, request, form, status=200):
        location = getattr(request, "location", None)
        if location is not None and not location.is_active:
            return render(request, "accounts/location_suspended.html", status=403)
        return render(request, "intake/form.html", {"form": form, "location": location}, status=status)

    def get(self, request):
        return self.page(request, self.form(request))

    def post(self, request):
        if not throttle.allow(request):
            return render(request, "429.html", status=429)
        form = self.form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if data["website"]:  # the honeypot: answer as if sent, store nothing
                return render(request, "intake/sent.html", {"email": data["email"]})
            chosen = [location for location in self.locations(request) if location.pk in set(data["locations"])]
            try:
                care_request = services.file_request(
                    locations=chosen, email=data["email"], parent_name=data["parent_name"],
                    postal_code=data["postal_code"], city=data["city"], care_kind=data["care_kind"],
                    days=data["days"], start_date=data["start_date"], birth_date=data["birth_date"],
                    due_date=data["due_date"], child_first_name=data["child_first_name"], phone=data["phone"],
                    special_care=data["special_care"], works=data["works"], foster=data["foster"],
                    urgent_reason=data["urgent_reason"], siblings_at=data["siblings_at"],
                    staff_at=data["staff_at"], campaign=data["campaign"], user=request.user)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if care_request.status == CareRequest.Status.OPEN:
                    messages.success(request, _("Your request is on the waiting list."))
                    return redirect(_mine_url(request))
                return render(request, "intake/sent.html", {"email": care_request.email})
        return self.page(request, form, status=400)


def _mine_url(request) -> str:
    from accounts.hosts import main_url_for

    return main_url_for("intake-mine")


@method_decorator([login_not_required, never_cache], name="dispatch")
class ConfirmView(View):
    """The link in the e-mail. A new address makes an account (name and password); an existing one is linked
    (log in to see the request)."""

    def load(self, token):
        care_request = deliveries.request_from_token(token)
        return care_request

    def page(self, request, care_request, form, status=200):
        return render(request, "intake/confirm.html", {"care_request": care_request, "form": form,
                                                       "has_account": self.account(care_request) is not None},
                      status=status)

    @staticmethod
    def account(care_request):
        from accounts.models import User

        return User.objects.filter(email__iexact=care_request.email).first() if care_request else None

    def get(self, request, token):
        care_request = self.load(token)
        if care_request is None:
            return render(request, "intake/confirm.html", {"care_request": None}, status=404)
        return self.page(request, care_request, forms.ConfirmForm(initial={"full_name": care_request.parent_name}))

    def post(self, request, token):
        care_request = self.load(token)
        if care_request is None:
            return render(request, "intake/confirm.html", {"care_request": None}, status=404)
        user = self.account(care_request)
        if user is None:
            form = forms.ConfirmForm(request.POST)
            if not form.is_valid():
                return self.page(request, care_request, form, status=400)
            user = services.account_for(care_request.email, full_name=form.cleaned_data["full_name"],
                                        password=form.cleaned_data["password"],
                                        language=getattr(request, "LANGUAGE_CODE", ""))
            services.confirm_request(care_request, user=user)
            login(request, user, backend=MODEL_BACKEND)
            messages.success(request, _("Your e-mail address is confirmed and your request is on the waiting "
                                        "lists."))
            return redirect("intake-mine")
        services.confirm_request(care_request, user=user)
        messages.success(request, _("Your e-mail address is confirmed and your request is on the waiting lists."))
        if request.user.is_authenticated and request.user.pk == user.pk:
            return redirect("intake-mine")
        from accounts.hosts import main_url_for

        return redirect(main_url_for("login", next="/care-requests/"))


# --- the parent ---------------------------------------------------------------------------------------------


class MineView(View):
    """The parent's own requests: per location her place on the list (not the other families), offers to
    answer, and whether to keep a request after a place elsewhere."""

    def get(self, request):
        care_requests = list(selectors.requests_of(request.user))
        rows = []
        for care_request in care_requests:
            positions = selectors.positions_of(care_request)
            entries = [(entry, positions.get(entry.pk)) for entry in care_request.entries.all()]
            rows.append({"request": care_request, "entries": entries,
                         "change_form": forms.ChangeForm(initial={"days": care_request.days,
                                                                  "start_date": care_request.start_date}),
                         "proof_form": forms.ProofForm()})
        return render(request, "intake/mine.html", {"rows": rows})


class ParentActionView(View):
    """POST actions of the parent on her own request or entry; every one loads through an access helper."""

    target = "request"
    ENTRY_ACTIONS = ("accept", "decline", "keep", "let-go", "withdraw-here")
    REQUEST_ACTIONS = ("withdraw", "delete", "change", "proof")

    def post(self, request, pk, action):
        if action not in (self.ENTRY_ACTIONS if self.target == "entry" else self.REQUEST_ACTIONS):
            return render(request, "404.html", status=404)
        try:
            if self.target == "entry":
                entry = selectors.entry_for_parent(request.user, pk)
                if action in ("accept", "decline"):
                    services.answer_offer(entry, user=request.user, accept=action == "accept")
                    messages.success(request, _("The place is yours: sign the contract at the location.")
                                     if action == "accept" else _("You declined the offer."))
                elif action in ("keep", "let-go"):
                    services.keep_after_placement(entry, user=request.user, keep=action == "keep")
                    messages.success(request, _("Saved."))
                else:
                    services.withdraw(entry.request, user=request.user, location=entry.location)
                    messages.success(request, _("Your request is withdrawn there."))
                return redirect("intake-mine")
            care_request = selectors.request_for_parent(request.user, pk)
            if action == "withdraw":
                services.withdraw(care_request, user=request.user)
                messages.success(request, _("Your request is withdrawn."))
            elif action == "delete":
                services.delete_request(care_request, user=request.user)
                messages.success(request, _("Your request and its proofs are deleted."))
            elif action == "change":
                form = forms.ChangeForm(request.POST)
                if not form.is_valid():
                    raise ValidationError({field: list(errors) for field, errors in form.errors.items()})
                services.change_request(care_request, user=request.user, days=form.cleaned_data["days"],
                                        start_date=form.cleaned_data["start_date"])
                messages.success(request, _("Your request is changed."))
            elif action == "proof":
                form = forms.ProofForm(request.POST, request.FILES)
                if not form.is_valid():
                    raise ValidationError({field: list(errors) for field, errors in form.errors.items()})
                services.add_proof(care_request, user=request.user, kind=form.cleaned_data["kind"],
                                   file=form.cleaned_data["file"])
                messages.success(request, _("The proof is stored."))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("intake-mine")
        return redirect("intake-mine")


class ParentProofView(View):
    def get(self, request, pk):
        return _proof_response(selectors.proof_for_parent(request.user, pk))


def _proof_response(proof) -> HttpResponse:
    response = HttpResponse(bytes(proof.content), content_type=proof.content_type)
    response["Content-Disposition"] = f'attachment; filename="proof-{proof.pk}"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- the entrepreneur -------------------------------------------------------------------------------------


class WaitingListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def page(self, request, rule_form, status=200):
        rows = [{"row": row, "reasons": rule_labels(row.reasons)} for row in selectors.waiting_list(request.location)]
        return render(request, "intake/waiting_list.html", {
            "rows": rows, "others": selectors.others_of_location(request.location)[:50],
            "rule_form": rule_form, "order": rule_labels(selectors.rule_order(request.location)),
        }, status=status)

    def get(self, request):
        return self.page(request, forms.RuleOrderForm(order=selectors.rule_order(request.location)))

    def post(self, request):
        form = forms.RuleOrderForm(request.POST, order=selectors.rule_order(request.location))
        if form.is_valid():
            try:
                services.set_rule_order(location=request.location, order=form.order())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The priority rules are saved; the list follows them."))
                return redirect("intake-waiting-list")
        return self.page(request, form, status=400)


class EntryView(RoleRequiredMixin, View):
    """One request on this location's list: the facts, why it stands there, its proofs, whether the days fit
    the groups, and the offer."""

    allowed_roles = (ENTREPRENEUR,)

    def groups(self):
        from tenants.groups.models import Group

        return list(Group.objects.all())

    def page(self, request, entry, form, status=200):
        from tenants.calendar.selectors import location_today

        rows = {row.entry.pk: row for row in selectors.waiting_list(request.location)}
        row = rows.get(entry.pk)
        care_request = entry.request
        group_id = form["group"].value() if form.is_bound else (form.initial.get("group"))
        fits = []
        if group_id and str(group_id).isdigit() and entry.on_list:
            fits = placement.fit(request.location, group_id=int(group_id),
                                 start=entry.offer_start or care_request.start_date,
                                 days=entry.offer_days or care_request.days,
                                 born=care_request.birth_date or care_request.due_date,
                                 today=location_today(request.location))
        return render(request, "intake/entry.html", {
            "entry": entry, "care_request": care_request, "row": row,
            "reasons": rule_labels(row.reasons) if row else [], "form": form, "fits": fits,
            "proofs": care_request.proofs.all() if care_request.is_open else [],
            "weekdays": dict(forms.WEEKDAYS),
        }, status=status)

    def get(self, request, pk):
        entry = selectors.entry_for_location(request.location, pk)
        groups = self.groups()
        initial = {"start_date": entry.request.start_date, "days": entry.request.days,
                   "group": request.GET.get("group") or (groups[0].pk if groups else None)}
        return self.page(request, entry, forms.OfferForm(initial=initial, groups=groups))

    def post(self, request, pk):
        entry = selectors.entry_for_location(request.location, pk)
        form = forms.OfferForm(request.POST, groups=self.groups())
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.offer_place(entry, group_id=data["group"], start_date=data["start_date"], days=data["days"],
                                     deadline=data["deadline"], note=data["note"])
            except ValidationError as exc:
                add_service_errors(form, exc, rename={"status": None})
            else:
                messages.success(request, _("The place is offered; the parent is told by e-mail."))
                return redirect("intake-entry", pk=entry.pk)
        return self.page(request, entry, form, status=400)


class LocationProofView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk):
        return _proof_response(selectors.proof_for_location(request.location, pk))


def entry_status_label(entry: ListEntry) -> str:
    return entry.get_status_display()


class WindowSignView(RoleRequiredMixin, View):
    """The window sign PDF: ?size=a3 for A3, ?from=2026-09 for the month places are free from."""

    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        from datetime import date

        from django.utils.dateformat import format as date_format

        from intake import sign

        free_from = ""
        month = request.GET.get("from", "")
        if len(month) == 7 and month[:4].isdigit() and month[4] == "-" and month[5:].isdigit() \
                and 1 <= int(month[5:]) <= 12:
            free_from = date_format(date(int(month[:4]), int(month[5:]), 1), "F Y")
        size = request.GET.get("size", "a4") if request.GET.get("size") in sign.SIZES else "a4"
        pdf = sign.window_sign(request.location, free_from=free_from, size=size)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="window-sign-{request.location.slug}.pdf"'
        return response


# --- the cooperative --------------------------------------------------------------------------------------

COOPERATIVE_ROLES = ("coop_admin", "adviser")
DIMENSION_LABELS = {"municipality": gettext_lazy("Municipality"), "age_group": gettext_lazy("Age group at the start"),
                    "care_kind": gettext_lazy("Kind of care"), "start_month": gettext_lazy("Month of the wanted start"),
                    "campaign": gettext_lazy("Campaign")}
OUTCOME_LABELS = {"requests": gettext_lazy("requests"), "placed": gettext_lazy("placed"),
                  "withdrawn": gettext_lazy("withdrawn"),
                  "waiting": gettext_lazy("still waiting"), "ended": gettext_lazy("ended without a place")}


def _year(request) -> int:
    from django.utils import timezone

    value = request.GET.get("year", "")
    this_year = timezone.localdate().year
    return int(value) if value.isdigit() and 2000 <= int(value) <= this_year + 1 else this_year


def _tables(year: int) -> list[dict]:
    found = selectors.figures(year)
    return [{"dimension": dimension, "label": DIMENSION_LABELS[dimension], "rows": rows,
             "outcomes": [(name, OUTCOME_LABELS[name]) for name in (
                 ("requests",) if dimension == "campaign" else selectors.OUTCOMES)]}
            for dimension, rows in found.items()]


class CooperativeView(RoleRequiredMixin, View):
    """The local childcare desk: every open request across the locations, unserved ones and how long."""

    allowed_roles = COOPERATIVE_ROLES

    def get(self, request):
        from django.utils import timezone

        rows = selectors.open_requests(timezone.localdate())
        return render(request, "intake/cooperative.html", {
            "rows": rows, "unserved": sum(1 for row in rows if row["unserved"])})


class FiguresView(RoleRequiredMixin, View):
    allowed_roles = COOPERATIVE_ROLES

    def get(self, request):
        year = _year(request)
        tables = _tables(year)
        charts = [{"label": table["label"], "id": f"chart-{table['dimension']}",
                   "data": [(row["key"] or "—", row["requests"]) for row in table["rows"]
                            if row["requests"] is not None]} for table in tables]
        return render(request, "intake/figures.html", {"year": year, "tables": tables, "charts": charts})


class FiguresCsvView(RoleRequiredMixin, View):
    allowed_roles = COOPERATIVE_ROLES

    def get(self, request):
        import csv

        year = _year(request)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="care-requests-{year}.csv"'
        writer = csv.writer(response, delimiter=";")
        writer.writerow([_("dimension"), _("value"), *[str(OUTCOME_LABELS[name]) for name in selectors.OUTCOMES]])
        for table in _tables(year):
            for row in table["rows"]:
                writer.writerow([str(table["label"]), row["key"], *[
                    _("fewer than 5") if row.get(name, 0) is None else row.get(name, "")
                    for name in selectors.OUTCOMES]])
        return response


class FiguresPdfView(RoleRequiredMixin, View):
    allowed_roles = COOPERATIVE_ROLES

    def get(self, request):
        from frontend.pdf import PageWriter

        year = _year(request)
        writer = PageWriter(_("Care requests %(year)s") % {"year": year})
        writer.line(_("Demand for childcare %(year)s") % {"year": year}, size=16, bold=True, gap=8)
        writer.line(_("Counts only; a cell below 5 families shows as '<5'."))
        for table in _tables(year):
            writer.line(str(table["label"]), size=12, bold=True, gap=7)
            names = [name for name, _label in table["outcomes"]]
            writer.line(" | ".join([str(table["label"])] + [str(label) for _name, label in table["outcomes"]]),
                        bold=True)
            for row in table["rows"]:
                writer.line(" | ".join([str(row["key"] or "—")] + [
                    "<5" if row.get(name) is None else str(row.get(name)) for name in names]))
        response = HttpResponse(writer.finish(), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="care-requests-{year}.pdf"'
        return response
