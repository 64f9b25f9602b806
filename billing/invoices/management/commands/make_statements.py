"""Annual statements of one location for a year whose period has ended (NL jaaropgave: the calendar year;
BE-VLG fiscal certificate: December to November): first versions, and new versions where figures changed.
A running year is refused."""
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from billing.invoices.management.commands._location import location_by_slug


class Command(BaseCommand):
    help = "Make the annual statements of a location for a year whose period has ended."

    def add_arguments(self, parser):
        parser.add_argument("--location", required=True, help="The location's slug.")
        parser.add_argument("--year", required=True, type=int, help="The statement year.")

    def handle(self, *args, **options):
        from billing.invoices import statements
        from tenants.calendar.selectors import location_today

        location = location_by_slug(options["location"])
        with tenant_context(location):
            try:
                made = statements.make_statements(options["year"], today=location_today(location))
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"{made} annual statement(s) issued at {location.slug} for {options['year']}.")
