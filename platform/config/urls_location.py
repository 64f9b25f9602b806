"""A location's own host: its pages and API, always in its own schema. Each app brings its own urls."""
from django.urls import include, path

from config.urls_common import api_schema_urls
from config.urls_common import urlpatterns as common

LOCATION_APPS = ["children", "groups", "calendar", "contracts", "attendance", "kiosk", "complaints", "handover",
                 "messages", "surveys", "ratios", "exports", "child_sheet", "medication", "webcams",
                 "child_following", "house_rules",
                 "sickness", "outbreaks", "accidents", "consents", "menus"]
# Cooperative apps (public schema) with pages at a location, e.g. the location's own visit reports.
COOPERATIVE_APPS = ["advisory", "safeguarding", "complaint_reports", "portal", "intake"]
BILLING_APPS = ["tariffs", "invoices", "payments", "filings"]

urlpatterns = (
    common
    + api_schema_urls("config.urls_location")
    + [path("", include(f"tenants.{app}.urls")) for app in LOCATION_APPS]
    + [path("", include(f"{app}.urls_location")) for app in COOPERATIVE_APPS]
    + [path("", include(f"billing.{app}.urls")) for app in BILLING_APPS]
)

handler404 = "config.handlers.not_found"
