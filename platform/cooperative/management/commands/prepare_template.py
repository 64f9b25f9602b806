"""Create or migrate the template schema new locations are cloned from (run after migrate_schemas)."""
from django.core.management.base import BaseCommand

from cooperative.schemas import ensure_template_schema


class Command(BaseCommand):
    help = "Bring the location template schema up to date with the migrations."

    def handle(self, *args, **opts):
        ensure_template_schema(force_check=True)
        self.stdout.write("Template schema is up to date.")
