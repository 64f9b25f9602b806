"""Pages of the entrepreneur: the calendar of duties (filings to do, ready, delivered, late), one filing with
what stops it, what changed since the last delivery and its file, and the forms for missing numbers."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, request_roles
from billing.filings import kinds, rules, selectors, services
from billing.filings.forms import NumbersForm
from billing.filings.models import ChildNumbers, Filing, ParentNumbers
from config.service_errors import add_service_errors, errors_by_field
from tenants.calendar.selectors import location_today
from tenants.children.models import Child


class FilingListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        today = location_today(request.location)
        services.plan(location=request.location, today=today)
        duties = selectors.duties(request.location, today)
        return render(request, "filings/list.html", {
            "open": [d for d in duties if d.state != "delivered"],
            "delivered": [d for d in duties if d.state == "delivered"], "today": today})


def _problem_texts(problems) -> list[str]:
    return [message for messages_ in errors_by_field(services._problems_error(problems)).values()
            for message in messages_] if problems else []


SUMMARY_LABELS = {"records": gettext_lazy("records"), "hours": gettext_lazy("hours of care"),
                  "amount": gettext_lazy("amount (€)"),
                  "children": gettext_lazy("children"), "present_days": gettext_lazy("days present"),
                  "occupancy": gettext_lazy("occupancy (%)"), "certificates": gettext_lazy("certificates"),
                  "entries": gettext_lazy("bookings"), "debit": gettext_lazy("total debit (€)"),
                  "credit": gettext_lazy("total credit (€)"),
                  "statements": gettext_lazy("annual statements")}


def _summary(summary: dict) -> dict:
    """The file's figures with their labels, numbers as the reader writes them (161,666)."""
    return {str(SUMMARY_LABELS.get(key, key)): _number(value) for key, value in (summary or {}).items()}


def _number(value):
    from decimal import Decimal, InvalidOperation

    from django.utils.formats import number_format

    try:
        return number_format(Decimal(str(value)), use_l10n=True)
    except (InvalidOperation, ValueError):
        return value


class FilingDetailView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk):
        filing = selectors.filing_for(request.user, request_roles(request), pk)
        return render(request, "filings/detail.html", self.context(request, filing))

    @staticmethod
    def context(request, filing, errors=None) -> dict:
        today = location_today(request.location)
        kind = kinds.KINDS[filing.kind]
        preview = None
        if filing.status != Filing.Status.DELIVERED and filing.period_end < today:
            preview = kind.writer.build(filing.period_start, filing.period_end, request.location)
        return {"filing": filing, "kind": kind, "state": rules.state(filing.status, filing.due_date, today),
                "preview": preview, "problems": _problem_texts(preview.problems) if preview else [],
                "missing": selectors.missing_numbers(preview.missing) if preview else [],
                "changes": preview.changes if preview else filing.changes,
                "corrections": preview.corrections if preview else filing.corrections,
                "summary": _summary(preview.summary if preview else filing.summary), "errors": errors or [],
                "ended": filing.period_end < today}


class FilingActionView(RoleRequiredMixin, View):
    """POST: mark ready, or mark delivered; a refusal is shown on the filing's page, nothing changes."""

    allowed_roles = (ENTREPRENEUR,)
    action = ""

    def post(self, request, pk):
        filing = selectors.filing_for(request.user, request_roles(request), pk)
        act = services.mark_ready if self.action == "ready" else services.mark_delivered
        try:
            act(filing, user=request.user, today=location_today(request.location))
        except ValidationError as error:
            texts = [m for ms in errors_by_field(error).values() for m in ms]
            filing.refresh_from_db()
            return render(request, "filings/detail.html",
                          FilingDetailView.context(request, filing, errors=texts), status=400)
        messages.success(request, _("The file is ready: download it and deliver it.") if self.action == "ready"
                         else _("Marked as delivered; the file is kept."))
        return redirect("filing-page", pk=filing.pk)


class FilingFileView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk):
        filing = selectors.filing_for(request.user, request_roles(request), pk)
        if not filing.sha256:
            raise Http404
        response = HttpResponse(bytes(filing.content), content_type=filing.content_type)
        response["Content-Disposition"] = f'attachment; filename="{filing.filename}"'
        return response


class CertificatesPdfView(RoleRequiredMixin, View):
    """The 281.86 forms of a certificate filing, from the records of its file (or as they stand now)."""

    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk):
        from billing.filings import pdf

        filing = selectors.filing_for(request.user, request_roles(request), pk)
        if filing.kind != "be_281_86":
            raise Http404
        rows = filing.rows if filing.sha256 else kinds.KINDS[filing.kind].writer.records(
            filing.period_end.year, request.location)
        response = HttpResponse(pdf.certificates_pdf(filing.period_end.year, rows, certifier=pdf.CERTIFIER),
                                content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="28186-{filing.period_end.year}.pdf"'
        return response


class _NumbersView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)
    template_name = "filings/numbers.html"

    def fields(self, request):
        child, parent = kinds.number_fields(request.location.jurisdiction)
        return child if self.whose == "child" else parent

    def render(self, request, form, name, status=200):
        back = request.GET.get("filing", "")
        return render(request, self.template_name, {"form": form, "name": name, "whose": self.whose,
                                                    "back": back if back.isdigit() else ""}, status=status)

    def done(self, request):
        messages.success(request, _("Saved."))
        back = request.GET.get("filing", "")
        return redirect("filing-page", pk=int(back)) if back.isdigit() else redirect("filings")


class ChildNumbersView(_NumbersView):
    whose = "child"

    def _child(self, child_id):
        child = Child.objects.filter(pk=child_id).first()
        if child is None:
            raise Http404
        return child

    def get(self, request, child_id):
        child = self._child(child_id)
        row = ChildNumbers.objects.filter(child=child).first()
        initial = {name: getattr(row, name) for name in self.fields(request)} if row else {}
        if not initial.get("bsn") and "bsn" in self.fields(request):
            initial["bsn"] = child.bsn
        return self.render(request, NumbersForm(initial=initial, fields=self.fields(request)), child.full_name)

    def post(self, request, child_id):
        child = self._child(child_id)
        form = NumbersForm(request.POST, fields=self.fields(request))
        if form.is_valid():
            try:
                services.set_child_numbers(child, **form.cleaned_data)
                return self.done(request)
            except ValidationError as error:
                add_service_errors(form, error)
        return self.render(request, form, child.full_name, status=400)


class ParentNumbersView(_NumbersView):
    whose = "parent"

    def _parent(self, parent_id):
        parent = selectors.parent_at_location(parent_id)
        if parent is None:
            raise Http404
        return parent

    def get(self, request, parent_id):
        parent = self._parent(parent_id)
        row = ParentNumbers.objects.filter(parent=parent).first()
        initial = {name: getattr(row, name) for name in self.fields(request)} if row else {}
        return self.render(request, NumbersForm(initial=initial, fields=self.fields(request)), parent.full_name)

    def post(self, request, parent_id):
        parent = self._parent(parent_id)
        form = NumbersForm(request.POST, fields=self.fields(request))
        if form.is_valid():
            data = dict(form.cleaned_data)
            if "birth_date" in data and data["birth_date"] is None:
                data.pop("birth_date")
            try:
                services.set_parent_numbers(parent, today=location_today(request.location), **data)
                return self.done(request)
            except ValidationError as error:
                add_service_errors(form, error)
        return self.render(request, form, parent.full_name, status=400)
