"""A location's own host: its pages and API, always in its own schema. Each app brings its own urls."""
from django.urls import include, path

from config.urls_common import api_schema_urls
from config.urls_common import urlpatterns as common

LOCATION_APPS = ["children", "groups", "calendar", "contracts", "attendance", "ratios", "exports"]

urlpatterns = common + api_schema_urls("config.urls_location") + [
    path("", include(f"tenants.{app}.urls")) for app in LOCATION_APPS
]
