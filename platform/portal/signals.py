"""Keep the portal's cached closing days honest: any change to a location's calendar starts a new version."""
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_delete, post_save

from portal.selectors import calendar_version_key


def calendar_changed(sender, **kwargs):
    key = calendar_version_key(connection.schema_name)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, None)


def connect():
    from tenants.calendar.models import ClosingPeriod, Closure, HolidayChoice, OpeningHours

    for model in (OpeningHours, ClosingPeriod, HolidayChoice, Closure):
        post_save.connect(calendar_changed, sender=model, dispatch_uid=f"portal-calendar-save-{model.__name__}")
        post_delete.connect(calendar_changed, sender=model, dispatch_uid=f"portal-calendar-delete-{model.__name__}")
