"""Choose the schema from the host name: the main domain is the cooperative, <slug>.<main> a location."""
import sentry_sdk
from django.conf import settings
from django.db import connection
from django.http import Http404
from django_tenants.middleware.main import TenantMainMiddleware
from django_tenants.utils import get_public_schema_name


def main_hosts() -> set[str]:
    hosts = {settings.MAIN_DOMAIN}
    if settings.DJANGO_ENV == "test":
        hosts.add("testserver")
    return hosts


class LocationMiddleware(TenantMainMiddleware):
    """Sets `request.location` (None on the main domain) and the database schema for the request."""

    def process_request(self, request):
        if connection.schema_name != get_public_schema_name() or not connection.include_public_schema:
            # Only when the last request left another schema: django-tenants sends `SET search_path` again after
            # every call, also to the schema already set (one statement per request for nothing).
            connection.set_schema_to_public()
        hostname = self.hostname_from_request(request)
        request.location = None
        if hostname in main_hosts():
            request.tenant = connection.tenant
            self.setup_url_routing(request, force_public=True)
            sentry_sdk.get_isolation_scope().set_tag("location", "cooperative")
            return None
        response = super().process_request(request)
        location = getattr(request, "tenant", None)
        if location is None or getattr(location, "status", None) == "offboarded":
            connection.set_schema_to_public()
            raise Http404("No location answers on this host.")
        request.location = location
        sentry_sdk.get_isolation_scope().set_tag("location", location.slug)
        return response
