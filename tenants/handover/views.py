"""Pages of the daily handover: the staff's list of today's children (those without a handover first), the
handover form on the tablet, a parent's handovers, one handover with its replies, and the photo links."""
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.attendance.selectors import local_today
from tenants.children.selectors import children_visible_to
from tenants.handover import forms, rules, selectors, services

WORKERS = (ENTREPRENEUR, STAFF)


def photo_links(handover, user):
    return [{"url": selectors.photo_url(photo, user), "caption": photo.caption} for photo in handover.photos.all()]


class TodayView(RoleRequiredMixin, View):
    """Staff: today's children, those whose handover is not yet written first. Parents go to their own."""

    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request):
        if not request.roles & set(WORKERS):
            return redirect("handover-mine")
        today = local_today()
        rows = selectors.day_list(today)
        return render(request, "handover/today.html", {
            "rows": rows, "today": today, "missing": sum(1 for row in rows if row["handover"] is None)})


class WriteView(RoleRequiredMixin, View):
    allowed_roles = WORKERS
    template_name = "handover/write.html"

    def context(self, request, child, form, handover):
        from tenants.consents import selectors as consents

        return {"child": child, "form": form, "handover": handover, "today": local_today(),
                "photos": photo_links(handover, request.user) if handover else [],
                "photo_consent": consents.may(child, "handover_photos")}

    def get(self, request, pk):
        child = get_object_or_404(children_visible_to(request.user, request.roles), pk=pk)
        handover = child.handovers.filter(date=local_today()).first()
        initial = {}
        if handover:
            initial = {f: getattr(handover, f) for f in services.TEXT_FIELDS}
            initial.update(mood=handover.mood, sleep=rules.naps_text(handover.naps))
        return render(request, self.template_name, self.context(request, child, forms.HandoverForm(initial=initial),
                                                                 handover))

    def post(self, request, pk):
        child = get_object_or_404(children_visible_to(request.user, request.roles), pk=pk)
        form = forms.HandoverForm(request.POST, request.FILES)
        handover = child.handovers.filter(date=local_today()).first()
        if form.is_valid():
            data = dict(form.cleaned_data)
            photo = data.pop("photo")
            try:
                with transaction.atomic():
                    handover = services.write_handover(child, day=local_today(), by=request.user, **data)
                    if photo:
                        services.add_photo(handover, upload=photo)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The handover of %(name)s is saved.") % {"name": child.full_name})
                return redirect("handover-today")
        return render(request, self.template_name, self.context(request, child, form, handover), status=400)


class MineView(RoleRequiredMixin, View):
    """A parent's handovers at this location: today first, then the last two weeks."""

    allowed_roles = (PARENT,)

    def get(self, request):
        today = local_today()
        handovers = list(selectors.handovers_visible_to(request.user, {PARENT})
                         .filter(date__gte=today - timedelta(days=14)).prefetch_related("replies"))
        return render(request, "handover/mine.html", {"handovers": handovers, "today": today})


class DetailView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def handover(self, request, pk):
        return get_object_or_404(selectors.handovers_visible_to(request.user, request.roles)
                                 .prefetch_related("photos", "replies"), pk=pk)

    def render_page(self, request, handover, form, status=200):
        return render(request, "handover/detail.html", {
            "handover": handover, "form": form, "photos": photo_links(handover, request.user),
            "naps": rules.naps_from_json(handover.naps),
            "is_parent": PARENT in request.roles and not request.roles & set(WORKERS),
        }, status=status)

    def get(self, request, pk):
        handover = self.handover(request, pk)
        services.mark_read(handover, request.user)
        return self.render_page(request, handover, forms.ReplyForm())

    def post(self, request, pk):
        handover = self.handover(request, pk)
        form = forms.ReplyForm(request.POST)
        if form.is_valid():
            try:
                services.reply(handover, by=request.user, roles=request.roles, text=form.cleaned_data["text"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your answer is sent."))
                return redirect("handover-page", pk=handover.pk)
        return self.render_page(request, handover, form, status=400)


class PhotoView(View):
    """One photo through a signed link: only for the person it was made for, while that person may see it."""

    def get(self, request, token):
        photo = selectors.photo_for_token(token, request.user)
        if photo is None or not selectors.may_see_photo(photo, request.user, request.roles):
            raise Http404
        response = FileResponse(photo.file.open("rb"), content_type=photo.content_type)
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Disposition"] = "inline"
        return response
