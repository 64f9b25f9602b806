"""Load the demo cooperative (used by `make run` on an empty database)."""
from django.core.management.base import BaseCommand, CommandError

from cooperative.demo import DEMO_PASSWORD, demo_exists, seed_demo


class Command(BaseCommand):
    help = "Create the demo cooperative with six locations and a login for every role."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when locations exist.")

    def handle(self, *args, **opts):
        if demo_exists():
            if opts["if_empty"]:
                self.stdout.write("Locations exist; the demo is not loaded again.")
                return
            raise CommandError("The database already has locations; the demo loads into an empty one.")
        logins = seed_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo cooperative loaded. Logins (password: {DEMO_PASSWORD}):"))
        for role, email, where in logins:
            self.stdout.write(f"  {role:<14} {email:<38} {where}")
