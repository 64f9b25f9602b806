"""Recount the dashboard figures (children under contract, complaints this year) of every location."""
import time

from django.core.management.base import BaseCommand

from advisory import figures


class Command(BaseCommand):
    help = "Rebuild advisory.LocationFigures from every location schema (a few UNION ALL statements)."

    def handle(self, *args, **options):
        start = time.perf_counter()
        count = figures.rebuild()
        self.stdout.write(f"Rebuilt the figures of {count} locations in {time.perf_counter() - start:.2f} s.")
