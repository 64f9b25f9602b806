"""Put one location back from its backup into the running database, without touching any other location
(cooperative.backups.restore_location), then compare its tables with the backup. `--compare` only compares."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperative import backups
from cooperative.models import Location


class Command(BaseCommand):
    help = "Restore one location from a backup file (or, with --compare, only compare it with the backup)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("file", type=Path)
        parser.add_argument("--compare", action="store_true", help="Only compare the tables; change nothing.")
        parser.add_argument("--keep-replaced", action="store_true",
                            help="Keep the replaced schema under another name instead of dropping it.")

    def handle(self, *args, slug, file, compare, keep_replaced, **options):
        try:
            backup = backups.open_backup(file)
        except (OSError, backups.BackupError) as error:
            raise CommandError(f"{file}: {error}") from error
        if backup.manifest["location"] != slug:
            raise CommandError(f"{file} is a backup of {backup.manifest['location']}, not of {slug}.")
        if compare:
            schema = Location.objects.filter(slug=slug).values_list("schema_name", flat=True).first()
            comparison = backups.compare(schema or backup.manifest["schema"], backup)
        else:
            try:
                report = backups.restore_location(backup, keep_replaced=keep_replaced)
            except backups.BackupError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"{slug}: {report.tables} tables, {report.rows} rows restored in "
                              f"{report.seconds:.2f} s" + (f"; the replaced schema is {report.kept_as}"
                                                          if report.kept_as else ""))
            comparison = report.comparison
        differing = [item for item in comparison if not item.same]
        for item in differing:
            self.stdout.write(f"differs: {item.table} (backup {item.rows_backup} rows, now {item.rows_now})")
        self.stdout.write(f"{len(comparison) - len(differing)} of {len(comparison)} tables the same as the backup.")
        if differing:
            raise CommandError(f"{len(differing)} table(s) differ from the backup.")
