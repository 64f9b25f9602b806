"""The location a billing command works at, by its slug (its schema entered as the web request does)."""
from datetime import date

from django.core.management.base import CommandError


def location_by_slug(slug: str):
    from cooperative.models import Location

    location = Location.objects.exclude(schema_name="public").filter(slug=slug).first()
    if location is None:
        raise CommandError(f"No location with slug {slug!r}.")
    return location


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date: {text!r} is no date (YYYY-MM-DD).") from None
