"""Provision a location from the command line (same service as the API and the admin's page)."""
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from jurisdictions import DEFAULT

from cooperative.services import NewLocation, provision_location


class Command(BaseCommand):
    help = "Create a location: its schema, domain, entrepreneur account and invitation."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True)
        parser.add_argument("--jurisdiction", default=DEFAULT)
        parser.add_argument("--entrepreneur-email", required=True)
        parser.add_argument("--entrepreneur-name", required=True)
        parser.add_argument("--lrk", action="append", default=[], metavar="CARE_TYPE=NUMBER")
        parser.add_argument("--city", default="")
        parser.add_argument("--region", default="")
        parser.add_argument("--licensed-places", type=int, default=0)

    def handle(self, *args, **opts):
        try:
            lrk = dict(item.split("=", 1) for item in opts["lrk"])
        except ValueError as exc:
            raise CommandError("--lrk takes CARE_TYPE=NUMBER") from exc
        try:
            location = provision_location(NewLocation(
                name=opts["name"], slug=opts["slug"], kind=opts["kind"], jurisdiction=opts["jurisdiction"],
                entrepreneur_email=opts["entrepreneur_email"], entrepreneur_name=opts["entrepreneur_name"],
                lrk_numbers=lrk, city=opts["city"], region=opts["region"],
                licensed_places=opts["licensed_places"],
            ))
        except ValidationError as exc:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
        self.stdout.write(self.style.SUCCESS(f"Created {location.name} at {location.url}"))
