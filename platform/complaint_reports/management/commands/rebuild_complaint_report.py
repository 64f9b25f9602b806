"""Rebuild the cooperative's complaint reporting tables from every location's own schema."""
from django.core.management.base import BaseCommand
from django.db import transaction
from django_tenants.utils import schema_context

from complaint_reports.services import replace_location
from cooperative.models import Location
from tenants.complaints.services import facts_here


class Command(BaseCommand):
    help = "Rebuild the anonymous complaint figures in the public schema from the location schemas."

    def add_arguments(self, parser):
        parser.add_argument("--location", help="Only this location (slug).")

    def handle(self, *args, **options):
        locations = Location.objects.exclude(status=Location.Status.OFFBOARDED).order_by("pk")
        if options.get("location"):
            locations = locations.filter(slug=options["location"])
        total = 0
        for location in locations:
            with schema_context(location.schema_name):
                facts, statuses = facts_here()
            with transaction.atomic():
                total += replace_location(location, facts, statuses)
        self.stdout.write(f"{total} complaints from {len(locations)} locations.")
