"""Print a new VAPID key pair for push notifications (docs/push.md)."""
from django.core.management.base import BaseCommand

from push import keys


class Command(BaseCommand):
    help = "Generate a VAPID key pair for push notifications; set the private key as WEB_PUSH_VAPID_PRIVATE_KEY."

    def handle(self, *args, **options):
        private, public = keys.generate()
        self.stdout.write(f"WEB_PUSH_VAPID_PRIVATE_KEY={private}\n")
        self.stdout.write(f"# public key (browsers receive it from the notifications page): {public}\n")
