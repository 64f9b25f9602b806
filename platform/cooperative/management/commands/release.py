"""A release's migrations: the public schema, the template, and every location schema that is behind,
checked with one query (cooperative/release.py). Exits with an error when a schema could not be migrated."""
from django.core.management.base import BaseCommand, CommandError

from cooperative.release import release


class Command(BaseCommand):
    help = "Migrate the public schema, the template and every location schema that is behind."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2, help="Location schemas migrated at once.")

    def handle(self, *args, workers, **options):
        report = release(workers=workers, log=self.stdout.write)
        for schema, error in sorted(report.failed.items()):
            self.stderr.write(f"{schema}: {error}")
        if report.failed:
            raise CommandError(f"{len(report.failed)} location schema(s) could not be migrated; run again to "
                               "retry them (the others are done).")
