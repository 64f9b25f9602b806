"""Pages of the cooperative admin for locations, and the rerun of a job for its failed locations."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from kombu.exceptions import KombuError

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ADVISER, COOP_ADMIN
from config.service_errors import add_service_errors
from cooperative import jobs, selectors, services
from cooperative.forms import NewLocationForm


class LocationListView(RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN, ADVISER)

    def get(self, request):
        return render(request, "cooperative/location_list.html",
                      {"locations": selectors.locations_visible_to(request.user)})


class LocationCreateView(RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN,)
    template_name = "cooperative/location_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": NewLocationForm()})

    def post(self, request):
        form = NewLocationForm(request.POST)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "lrk_number"}
            try:
                location = services.provision_location(
                    services.NewLocation(**data, lrk_numbers=form.lrk_numbers())
                )
            except ValidationError as exc:
                add_service_errors(form, exc, rename={"lrk_numbers": "lrk_number"})
            else:
                messages.success(request, _("Location %(name)s was created; the entrepreneur has been invited.")
                                 % {"name": location.name})
                return redirect("locations")
        return render(request, self.template_name, {"form": form}, status=400)


class JobRerunView(RoleRequiredMixin, View):
    """The cooperative admin queues a job again for the locations where it failed (POST only)."""

    allowed_roles = (COOP_ADMIN,)

    def post(self, request, job):
        found = jobs.JOBS.get(job)
        if found is None or not found.task:
            raise Http404
        count = jobs.open_failures(job).values("location").distinct().count()
        if not count:
            messages.info(request, _("There are no failed locations to run again."))
        else:
            try:
                jobs.queue_rerun(job)
            except (KombuError, OSError):
                messages.error(request, _("The job could not be queued. Try again later, or run %(command)s on the "
                                          "server.") % {"command": found.command})
            else:
                messages.success(request, ngettext(
                    "%(job)s will run again for %(count)s location.",
                    "%(job)s will run again for %(count)s locations.", count) % {"job": found.label, "count": count})
        return redirect(reverse("home") + "#jobs")
