"""Pages for children at a location."""
from django.shortcuts import render
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, STAFF
from tenants.children import selectors


class ChildListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF)

    def get(self, request):
        children = selectors.children_visible_to(request.user, request.roles)
        return render(request, "children/child_list.html", {"children": children})
