"""The nightly backup: one encrypted file per location (cooperative.backups), each location on its own (one that
fails is reported and the others go on), then the backups older than the retention deleted. docs/backups.md."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperative import backups, jobs


class Command(BaseCommand):
    help = "Back up every location (its schema and its shared rows), encrypted, and delete expired backups."

    def add_arguments(self, parser):
        parser.add_argument("--root", type=Path, help="Folder of the backups (default: BACKUP_ROOT).")
        parser.add_argument("--days", type=int, help="Keep backups this many days (default: BACKUP_RETENTION_DAYS).")
        parser.add_argument("--only-failed", action="store_true", help="Only the locations whose last backup failed.")
        parser.add_argument("--generate-key", action="store_true", help="Print a new key for BACKUP_KEYS and stop.")

    def handle(self, *args, root, days, only_failed, generate_key, **options):
        if generate_key:
            self.stdout.write(backups.generate_key())
            return
        result = backups.backup_everywhere(only_failed=only_failed, root=root, days=days)
        for slug, path in sorted(result.done.items()):
            self.stdout.write(f"{slug}: {path}")
        if result.failed:
            raise CommandError(f"{len(result.failed)} location(s) not backed up ("
                               + "; ".join(f"{slug}: {error}" for slug, error in sorted(result.failed.items()))
                               + f"); the others are. Retry them with `{jobs.JOBS['location-backups'].command}`.")
