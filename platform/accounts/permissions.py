"""Role checks shared by every app: DRF permission classes and mixins for pages.

Location endpoints are always answered in the requesting host's schema, so a check that the user has a
role at *this* location is enough to keep locations apart; object-level checks (a parent's own child)
live in the selectors of each app.
"""
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

from accounts.roles import request_roles


class AtLocation(BasePermission):
    """Default: on a location host, an active location and a membership there; elsewhere a login."""

    message = "You have no access to this location."

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        location = getattr(request._request, "location", None)
        if location is None:
            return True
        return location.is_active and bool(request_roles(request))


def has_role(*roles: str):
    """A permission class that admits users holding one of `roles` where the request is."""

    class HasRole(AtLocation):
        message = "Your role does not allow this."

        def has_permission(self, request, view):
            return super().has_permission(request, view) and bool(request_roles(request) & set(roles))

    HasRole.__name__ = "HasRole_" + "_".join(roles)
    return HasRole


def location_only(permission):
    """Refuse the endpoint on the main domain (it belongs to a location's host)."""

    class LocationOnly(permission):
        def has_permission(self, request, view):
            return getattr(request._request, "location", None) is not None and super().has_permission(
                request, view
            )

    return LocationOnly


def cooperative_only(permission):
    """Refuse the endpoint on a location host (it belongs to the main domain)."""

    class CooperativeOnly(permission):
        def has_permission(self, request, view):
            return getattr(request._request, "location", None) is None and super().has_permission(
                request, view
            )

    return CooperativeOnly


class RoleRequiredMixin:
    """For page views: `allowed_roles` where the request is (the access middleware did the login)."""

    allowed_roles: tuple[str, ...] = ()

    def dispatch(self, request, *args, **kwargs):
        if not (request_roles(request) & set(self.allowed_roles)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
