"""Payment reminders at one location on a given date: by default a dry run that lists what would be sent
and stores nothing; with --send the steps are taken (for today or a day gone by, never a future date)."""
from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import tenant_context

from billing.invoices.management.commands._location import location_by_slug, parse_date


class Command(BaseCommand):
    help = "Show (or with --send take) the payment-reminder steps due at a location on a date."

    def add_arguments(self, parser):
        parser.add_argument("--location", required=True, help="The location's slug.")
        parser.add_argument("--date", help="YYYY-MM-DD; default: the location's today.")
        parser.add_argument("--send", action="store_true", help="Take the steps (store and send); default: dry run.")

    def handle(self, *args, **options):
        from billing.invoices import services
        from tenants.calendar.selectors import location_today

        location = location_by_slug(options["location"])
        today = location_today(location)
        day = parse_date(options["date"]) if options["date"] else today
        if options["send"] and day > today:
            raise CommandError(f"A real run cannot be dated in the future ({day} is after {today}); "
                               "leave out --send to see what would be sent then.")
        with tenant_context(location):
            steps = services.dunning_run(today=day, dry_run=not options["send"])
            verb = "sent" if options["send"] else "would be sent"
            for step in steps:
                self.stdout.write(f"{step.invoice.display_number}\t{step.invoice.parent_name}\t{step.step}\t"
                                  f"{step.amount}\t{step.note}")
        self.stdout.write(f"{len(steps)} reminder step(s) {verb} at {location.slug} on {day}.")
