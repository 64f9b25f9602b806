"""Rebuild the cooperative's complaint reporting tables from every location's own schema."""
from django.core.management.base import BaseCommand, CommandError

from complaint_reports.services import rebuild_everywhere


class Command(BaseCommand):
    help = "Rebuild the anonymous complaint figures in the public schema from the location schemas."

    def add_arguments(self, parser):
        parser.add_argument("--location", help="Only this location (slug).")

    def handle(self, *args, **options):
        result = rebuild_everywhere(slug=options.get("location"))
        total = sum(result.done.values())
        self.stdout.write(f"{total} complaints from {len(result.done)} locations.")
        if result.failed:
            raise CommandError("Failed: " + "; ".join(f"{slug} ({error})" for slug, error in result.failed.items())
                               + ". Run `manage.py rerun_failed complaint-figures` after the repair.")
