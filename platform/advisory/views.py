"""Oversight pages. On the main domain: the advisers' and the cooperative admin's dashboard, location pages,
visits, checklists, actions and inspections. On a location's host: the entrepreneur's visits, reports,
actions, quality documents and inspections, and the current pedagogical plan for parents and staff.

Advisers only ever reach locations through `selectors.visible_locations`; nothing here reads a location's
schema, so no child-level data can reach these pages.
"""
import csv
import mimetypes

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ADVISER, COOP_ADMIN, ENTREPRENEUR, PARENT, STAFF
from advisory import forms, rules, selectors, services
from advisory.models import FollowUpAction, Inspection, QualityDocument, Visit, VisitAnswer, VisitProposal
from config.service_errors import add_service_errors
from outbox.views import tell_sent_again

COOPERATIVE = (COOP_ADMIN, ADVISER)

TILE_LABELS = {
    "visits_due": gettext_lazy("Visits to plan"),
    "visits_planned": gettext_lazy("Visits planned"),
    "visits_done": gettext_lazy("Visits done"),
    "visits_overdue": gettext_lazy("Visits overdue"),
    "actions_open": gettext_lazy("Open follow-up actions"),
    "actions_overdue": gettext_lazy("Follow-up actions overdue"),
    "documents_attention": gettext_lazy("Documents to be delivered or expired"),
    "inspection_not_met": gettext_lazy("Latest inspection: requirements not met"),
    "inspection_none": gettext_lazy("No inspection on record"),
    "all": gettext_lazy("All locations"),
}
STATUS_LABELS = {
    rules.DUE: gettext_lazy("to plan"), rules.PLANNED: gettext_lazy("planned"), rules.DONE: gettext_lazy("done"),
    rules.OVERDUE: gettext_lazy("overdue"), rules.DOC_CURRENT: gettext_lazy("current"),
    rules.DOC_REVIEW_SOON: gettext_lazy("review soon"),
    # A document delivered whose review date has passed, and one never delivered: a location that has just
    # started has nothing expired, it still has documents to deliver.
    rules.DOC_EXPIRED: pgettext_lazy("document status", "expired"),
    rules.DOC_MISSING: pgettext_lazy("document status", "to be delivered"),
}


def filters_from(request) -> tuple[forms.FilterForm, selectors.Filters]:
    year = timezone.localdate().year
    form = forms.FilterForm(request.GET or None, user=request.user, initial={"year": year})
    filters = selectors.Filters(year=year)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.Filters(year=data.get("year") or year,
                                    adviser=data["adviser"].pk if data.get("adviser") else None,
                                    region=data.get("region") or "", kind=data.get("kind") or "")
    return form, filters


def private_file(field_file, filename: str):
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if content_type not in ("application/pdf", "image/jpeg", "image/png"):
        content_type = "application/octet-stream"
    response = FileResponse(handle, content_type=content_type, as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def file_of(kind: str, pk: int, locations):
    """(field file, download name) of a file that belongs to one of `locations`."""
    if kind == "inspection":
        obj = get_object_or_404(Inspection.objects.filter(location__in=locations), pk=pk)
        return obj.report_file, f"inspection-{obj.inspected_on:%Y-%m-%d}.pdf"
    if kind == "document":
        obj = get_object_or_404(QualityDocument.objects.filter(location__in=locations), pk=pk)
        return obj.file, f"{obj.doc_type.code}-v{obj.version}.pdf"
    if kind == "photo":
        obj = get_object_or_404(VisitAnswer.objects.filter(visit__location__in=locations), pk=pk)
        if not obj.photo:
            raise Http404
        try:
            with obj.photo.open("rb") as handle:
                head = handle.read(4)
        except FileNotFoundError as exc:  # the row outlived its file (lost storage, a restore without media)
            raise Http404 from exc
        ext = ".pdf" if head.startswith(b"%PDF") else ".png" if head.startswith(b"\x89PNG") else ".jpg"
        return obj.photo, f"photo-{obj.pk}{ext}"
    raise Http404


# Main domain: the cooperative ---------------------------------------------------------------------------


class DashboardView(RoleRequiredMixin, View):
    allowed_roles = COOPERATIVE

    def get(self, request):
        form, filters = filters_from(request)
        today = timezone.localdate()
        # Tiles and the attention list from one SQL statement; Python rows only for the 25 listed locations.
        summary = selectors.summary(request.user, filters, today)
        board = selectors.dashboard(request.user, filters, today, only=summary.attention_ids)
        order = {pk: index for index, pk in enumerate(summary.attention_ids)}
        attention = sorted(board.rows, key=lambda row: order[row.id])
        tiles = summary.tiles
        visit_chart = [(str(STATUS_LABELS[s]), tiles[f"visits_{s}"]) for s in rules.VISIT_STATUSES]
        return render(request, "advisory/dashboard.html", {
            "form": form, "filters": filters, "board": board, "summary": summary, "query": filters.query(),
            "tiles": [(key, TILE_LABELS[key], tiles[key]) for key in TILE_LABELS if key != "all"],
            "total": tiles["all"], "visit_chart": visit_chart,
            "attention": attention, "status_labels": STATUS_LABELS,
        })


class FilingStatesView(RoleRequiredMixin, View):
    """The locations' filings: done or late, never their content."""

    allowed_roles = COOPERATIVE

    def get(self, request):
        return render(request, "advisory/filings.html",
                      {"rows": selectors.filing_states(request.user, timezone.localdate())})


TILE_PAGE_SIZE = 50


class TileListView(RoleRequiredMixin, View):
    """The locations of one tile, a page at a time by name: which page's ids and how many in all come from one
    SQL statement (selectors.tile_page), Python rows only for that page."""

    allowed_roles = COOPERATIVE

    def get(self, request, tile):
        if tile not in selectors.TILES:
            raise Http404
        form, filters = filters_from(request)
        today = timezone.localdate()
        try:
            number = max(1, int(request.GET.get("page", 1)))
        except ValueError:
            number = 1
        count, ids = selectors.tile_page(request.user, filters, today, tile,
                                         offset=(number - 1) * TILE_PAGE_SIZE, limit=TILE_PAGE_SIZE)
        page = Paginator(range(count), TILE_PAGE_SIZE).get_page(number)
        if page.number != number:  # past the last page: the last one, as Paginator.get_page does
            count, ids = selectors.tile_page(request.user, filters, today, tile,
                                             offset=(page.number - 1) * TILE_PAGE_SIZE, limit=TILE_PAGE_SIZE)
        board = selectors.dashboard(request.user, filters, today, only=ids)
        order = {pk: index for index, pk in enumerate(ids)}
        page.object_list = sorted(board.rows, key=lambda row: order[row.id])
        return render(request, "advisory/tile_list.html", {
            "form": form, "filters": filters, "board": board, "query": filters.query(), "tile": tile,
            "title": TILE_LABELS[tile], "page": page, "count": count, "status_labels": STATUS_LABELS,
        })


class Echo:
    def write(self, value):
        return value


class ExportView(RoleRequiredMixin, View):
    """One row per location with the dashboard's figures; no personal data of children or parents."""

    allowed_roles = COOPERATIVE

    def get(self, request):
        _form, filters = filters_from(request)
        board = selectors.dashboard(request.user, filters, timezone.localdate())
        codes = [t.code for t in board.document_types]
        header = ["location", "slug", "kind", "region", "lrk_numbers", "licensed_places", "children_under_contract",
                  "occupancy_percent", f"visit_pedagogical_{filters.year}", f"visit_business_{filters.year}",
                  "open_actions", "overdue_actions", *[f"document_{c}" for c in codes],
                  "latest_inspection", "latest_inspection_met"]
        if board.complaints_available:
            header.append(f"complaints_{filters.year}")

        def lines():
            writer = csv.writer(Echo())
            yield writer.writerow(header)
            for row in board.rows:
                line = [row.name, row.slug, row.kind, row.region,
                        " ".join(f"{k}:{v}" for k, v in sorted(row.lrk_numbers.items())), row.licensed_places,
                        row.children, "" if row.occupancy is None else row.occupancy,
                        row.visits[rules.PEDAGOGICAL], row.visits[rules.BUSINESS], row.open_actions,
                        row.overdue_actions, *[row.documents.get(c, "") for c in codes],
                        row.inspection_on.isoformat() if row.inspection_on else "",
                        "" if row.inspection_met is None else ("yes" if row.inspection_met else "no")]
                if board.complaints_available:
                    line.append("" if row.complaints is None else row.complaints)
                yield writer.writerow(line)

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="oversight-{filters.year}.csv"'
        return response


class LocationOversightView(RoleRequiredMixin, View):
    allowed_roles = COOPERATIVE

    def get(self, request, slug):
        location = selectors.location_for(request.user, slug)
        return render(request, "advisory/location.html", location_context(location, request, cooperative=True))


def location_context(location, request, *, cooperative: bool) -> dict:
    today = services.today_for(location)
    from advisory.models import LocationFigures

    figures = LocationFigures.objects.filter(location=location).first()
    children = figures.children_under_contract if figures else 0
    return {
        "location": location, "today": today, "year": today.year,
        "visit_rows": selectors.visit_rows(location, today.year, today),
        "visits": Visit.objects.filter(location=location).select_related("adviser").order_by("-year", "visit_type"),
        "actions": FollowUpAction.objects.filter(location=location).select_related("visit", "inspection"),
        "documents": selectors.current_documents(location, today),
        "inspections": Inspection.objects.filter(location=location).prefetch_related("findings"),
        "children": children, "occupancy": rules.occupancy_percent(children, location.licensed_places),
        "lrk_numbers": sorted((location.lrk_numbers or {}).items()),
        "status_labels": STATUS_LABELS, "cooperative": cooperative,
        "is_adviser": ADVISER in request.roles,
    }


class PlanVisitView(RoleRequiredMixin, View):
    allowed_roles = (ADVISER,)

    def get(self, request, slug):
        location = selectors.location_for(request.user, slug)
        form = forms.PlanVisitForm(initial={"year": timezone.localdate().year, "adviser": request.user.pk,
                                            "visit_type": request.GET.get("type", "")})
        return render(request, "advisory/plan_visit.html", {"location": location, "form": form})

    def post(self, request, slug):
        location = selectors.location_for(request.user, slug)
        form = forms.PlanVisitForm(request.POST)
        if form.is_valid():
            try:
                visit = services.plan_visit(location, user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The visit is planned."))
                return redirect("advisory-visit", pk=visit.pk)
        return render(request, "advisory/plan_visit.html", {"location": location, "form": form}, status=400)


def visit_for(request, pk) -> Visit:
    return get_object_or_404(selectors.visits_visible_to(request.user), pk=pk)


class VisitDetailView(RoleRequiredMixin, View):
    allowed_roles = COOPERATIVE

    def get(self, request, pk, status=200, **forms_):
        visit = visit_for(request, pk)
        return render(request, "advisory/visit.html", {
            "visit": visit, "location": visit.location,
            "status": selectors._visit_status(visit, visit.visit_type, visit.year, timezone.localdate()),
            "status_labels": STATUS_LABELS,
            "answers": visit.answers.select_related("item"),
            "proposals": visit.proposals.all(),
            "actions": visit.actions.all(),
            "schedule_form": forms_.get("schedule_form") or forms.ScheduleForm(
                initial={"scheduled_at": timezone.localtime(visit.scheduled_at) if visit.scheduled_at else None}),
            "propose_form": forms_.get("propose_form") or forms.ProposeForm(),
            "action_form": forms_.get("action_form") or forms.ActionForm(),
            "can_edit": ADVISER in request.roles and not visit.is_done,
            "is_adviser": ADVISER in request.roles,
            "report_mail": services.report_mail_state(visit) if visit.is_done else None,
            "accident_counts": accident_counts(visit),
        }, status=status)


def accident_counts(visit) -> list[dict] | None:
    """For the safety and health (business) visit: the location's accidents of the visit's year per month and
    kind, as numbers only (tenants.accidents.selectors.counts_for_location)."""
    from datetime import date

    from tenants.accidents.selectors import counts_for_location

    if visit.visit_type != rules.BUSINESS:
        return None
    return counts_for_location(visit.location, date(visit.year, 1, 1), date(visit.year, 12, 31))


class VisitReportMailAgainView(RoleRequiredMixin, View):
    """Send the e-mail about the finished report again when it was not delivered (no second e-mail to whoever
    already had it)."""

    allowed_roles = COOPERATIVE

    def post(self, request, pk):
        visit = visit_for(request, pk)
        tell_sent_again(request, services.send_report_mail_again(visit))
        return redirect("advisory-visit", pk=visit.pk)


class VisitScheduleView(RoleRequiredMixin, View):
    allowed_roles = (ADVISER,)

    def post(self, request, pk):
        visit = visit_for(request, pk)
        form = forms.ScheduleForm(request.POST)
        if form.is_valid():
            try:
                services.schedule_visit(visit, form.cleaned_data["scheduled_at"], user=request.user)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The date of the visit is set."))
                return redirect("advisory-visit", pk=visit.pk)
        return VisitDetailView().get(request, pk, status=400, schedule_form=form)


class VisitProposeView(RoleRequiredMixin, View):
    allowed_roles = (ADVISER,)

    def post(self, request, pk):
        visit = visit_for(request, pk)
        form = forms.ProposeForm(request.POST)
        if form.is_valid():
            try:
                services.propose_dates(visit, form.moments(), user=request.user)
            except ValidationError as exc:
                for message in exc.message_dict.get("starts_at", exc.messages):
                    form.add_error("starts_at_1", message)
            else:
                messages.success(request, _("The dates are proposed to the entrepreneur."))
                return redirect("advisory-visit", pk=visit.pk)
        return VisitDetailView().get(request, pk, status=400, propose_form=form)


class ChecklistView(RoleRequiredMixin, View):
    allowed_roles = (ADVISER,)
    template_name = "advisory/checklist.html"

    def get(self, request, pk):
        visit = visit_for(request, pk)
        if visit.is_done:
            return redirect("advisory-visit", pk=visit.pk)
        return render(request, self.template_name, {"visit": visit, "form": forms.ChecklistForm(visit=visit)})

    def post(self, request, pk):
        visit = visit_for(request, pk)
        form = forms.ChecklistForm(request.POST, request.FILES, visit=visit)
        if form.is_valid():
            try:
                services.save_answers(visit, form.answers(), summary=form.cleaned_data.get("summary", ""))
                if "complete" in request.POST:
                    services.complete_visit(visit, user=request.user)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if "complete" in request.POST:
                    messages.success(request, _("The report is finished and shared with the entrepreneur."))
                    return redirect("advisory-visit", pk=visit.pk)
                messages.success(request, _("The answers are saved."))
                return redirect("advisory-checklist", pk=visit.pk)
        return render(request, self.template_name, {"visit": visit, "form": form}, status=400)


class InviteView(View):
    """The visit as an .ics invitation, for the adviser (main domain) and the entrepreneur (her host)."""

    def get(self, request, pk):
        location = getattr(request, "location", None)
        if location is None:
            if not (request.roles & set(COOPERATIVE)):
                raise Http404
            visit = visit_for(request, pk)
        else:
            if ENTREPRENEUR not in request.roles:
                raise Http404
            visit = get_object_or_404(Visit.objects.filter(location=location), pk=pk)
        try:
            body = services.visit_invite(visit)
        except ValidationError as exc:
            raise Http404 from exc
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="visit-{visit.pk}.ics"'
        return response


class ActionCreateView(RoleRequiredMixin, View):
    allowed_roles = (ADVISER,)

    def post(self, request, slug):
        location = selectors.location_for(request.user, slug)
        visit = inspection = None
        if request.POST.get("visit"):
            visit = get_object_or_404(Visit.objects.filter(location=location), pk=request.POST["visit"])
        if request.POST.get("inspection"):
            inspection = get_object_or_404(Inspection.objects.filter(location=location), pk=request.POST["inspection"])
        form = forms.ActionForm(request.POST)
        if form.is_valid():
            try:
                services.create_action(location, user=request.user, visit=visit, inspection=inspection,
                                       **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The follow-up action is added."))
                return redirect("advisory-visit", pk=visit.pk) if visit else redirect("advisory-location",
                                                                                    slug=location.slug)
        if visit is not None:
            return VisitDetailView().get(request, visit.pk, status=400, action_form=form)
        return render(request, "advisory/action_form.html", {"location": location, "form": form}, status=400)

    def get(self, request, slug):
        location = selectors.location_for(request.user, slug)
        return render(request, "advisory/action_form.html", {"location": location, "form": forms.ActionForm()})


class ActionDoneView(RoleRequiredMixin, View):
    """Advisers mark their own actions done on the main domain; entrepreneurs theirs on the location host."""

    allowed_roles = (ADVISER, ENTREPRENEUR)

    def post(self, request, pk):
        location = getattr(request, "location", None)
        if location is None:
            if ADVISER not in request.roles:
                raise Http404
            action = get_object_or_404(selectors.actions_visible_to(request.user), pk=pk)
            if action.owner != rules.OWNER_ADVISER:
                raise Http404
        else:
            action = get_object_or_404(FollowUpAction.objects.filter(location=location,
                                                                      owner=rules.OWNER_ENTREPRENEUR), pk=pk)
        form = forms.ActionDoneForm(request.POST)
        form.is_valid()
        try:
            services.mark_action_done(action, user=request.user, note=form.cleaned_data.get("note", ""))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The action is marked done."))
        if location is None:
            return redirect("advisory-location", slug=action.location.slug)
        return redirect("my-advisory")


class InspectionCreateView(RoleRequiredMixin, View):
    """Record a GGD inspection: the adviser for her locations, the entrepreneur for her own."""

    allowed_roles = (ADVISER, ENTREPRENEUR)
    template_name = "advisory/inspection_form.html"

    def location(self, request, slug):
        if getattr(request, "location", None) is not None:
            if ENTREPRENEUR not in request.roles:
                raise Http404
            return request.location
        if ADVISER not in request.roles or slug is None:
            raise Http404
        return selectors.location_for(request.user, slug)

    def get(self, request, slug=None):
        location = self.location(request, slug)
        return render(request, self.template_name, {"location": location, "form": forms.InspectionForm()})

    def post(self, request, slug=None):
        location = self.location(request, slug)
        form = forms.InspectionForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_inspection(location, user=request.user, inspected_on=data["inspected_on"],
                                           kind=data["kind"], met_requirements=data["met_requirements"],
                                           summary=data["summary"], report_file=data.get("report_file"),
                                           findings=form.findings())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The inspection is recorded."))
                if slug is None:
                    return redirect("my-advisory")
                return redirect("advisory-location", slug=location.slug)
        return render(request, self.template_name, {"location": location, "form": form}, status=400)


class CooperativeFileView(RoleRequiredMixin, View):
    allowed_roles = COOPERATIVE

    def get(self, request, kind, pk):
        field_file, name = file_of(kind, pk, selectors.visible_locations(request.user))
        return private_file(field_file, name)


class ParentPlansView(RoleRequiredMixin, View):
    """Main domain: the current pedagogical plan of each location where the parent has a child."""

    allowed_roles = (PARENT,)

    def get(self, request):
        today = timezone.localdate()
        rows = [(location, selectors.current_document_for_parents(location, "pedagogical_plan", today))
                for location in selectors.parent_locations(request.user)]
        return render(request, "advisory/parent_plans.html", {"rows": rows})


class ParentPlanFileView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def get(self, request, slug):
        location = get_object_or_404(selectors.parent_locations(request.user), slug=slug)
        document = selectors.current_document_for_parents(location, "pedagogical_plan", timezone.localdate())
        if document is None:
            raise Http404
        return private_file(document.file, f"pedagogical-plan-{location.slug}.pdf")


# A location's host: the entrepreneur, and parents and staff for the pedagogical plan --------------------


class MyOversightView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        location = request.location
        context = location_context(location, request, cooperative=False)
        context["proposals"] = (VisitProposal.objects.filter(visit__location=location, visit__completed_at__isnull=True,
                                                             accepted_at__isnull=True)
                                .select_related("visit").order_by("starts_at"))
        return render(request, "advisory/my_oversight.html", context)


class MyVisitView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk, form=None, status=200):
        visit = get_object_or_404(Visit.objects.filter(location=request.location).select_related("adviser"), pk=pk)
        return render(request, "advisory/my_visit.html", {
            "visit": visit, "location": request.location,
            "answers": visit.answers.select_related("item") if visit.is_done else [],
            "actions": visit.actions.all() if visit.is_done else [],
            "proposals": visit.proposals.all(),
            "form": form or forms.ReactionForm(initial={"reaction": visit.reaction}),
        }, status=status)


class MyReactView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        visit = get_object_or_404(Visit.objects.filter(location=request.location), pk=pk)
        form = forms.ReactionForm(request.POST)
        if form.is_valid():
            try:
                services.react_to_report(visit, form.cleaned_data["reaction"], user=request.user)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your reaction is saved; your adviser can read it."))
                return redirect("my-advisory-visit", pk=visit.pk)
        return MyVisitView().get(request, pk, form=form, status=400)


class MyAcceptView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        proposal = get_object_or_404(VisitProposal.objects.filter(visit__location=request.location), pk=pk)
        try:
            services.accept_proposal(proposal, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The date is agreed. Add the visit to your calendar with the invitation."))
        return redirect("my-advisory")


class MyDocumentUploadView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)
    template_name = "advisory/document_form.html"

    def get(self, request):
        initial = {"doc_type": request.GET.get("type")} if request.GET.get("type") else {}
        return render(request, self.template_name, {"form": forms.DocumentForm(initial=initial)})

    def post(self, request):
        form = forms.DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.upload_document(request.location, user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The document is uploaded."))
                return redirect("my-advisory")
        return render(request, self.template_name, {"form": form}, status=400)


class MyFileView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, kind, pk):
        from cooperative.models import Location

        field_file, name = file_of(kind, pk, Location.objects.filter(pk=request.location.pk))
        if kind == "photo":
            answer = get_object_or_404(VisitAnswer, pk=pk)
            if not answer.visit.is_done:
                raise Http404
        return private_file(field_file, name)


class PedagogicalPlanView(RoleRequiredMixin, View):
    """The current pedagogical plan of this location, for its parents, staff and entrepreneur."""

    allowed_roles = (PARENT, STAFF, ENTREPRENEUR)

    def get(self, request):
        document = selectors.current_document_for_parents(request.location, "pedagogical_plan",
                                                          services.today_for(request.location))
        if document is None:  # a page that says so, not an error: the menu offers the plan to every parent
            return render(request, "advisory/no_plan.html")
        return private_file(document.file, f"pedagogical-plan-{request.location.slug}.pdf")
