"""Demo: every demo child's parents gave their consents, except Bo's at De Zonnebloem (never for photos in the
handover or on the website); the Flemish child's vaccinations follow Kind en Gezin's schedule with polio given."""
from django_tenants.utils import schema_context

from tenants.consents import rules

NO_PHOTOS = {("zonnebloem", "Bo")}


def seed_consents(location) -> None:
    from tenants.children.models import Child
    from tenants.consents import services

    with schema_context(location.schema_name):
        for child in Child.objects.prefetch_related("guardians"):
            parent = child.guardians.first()
            if parent is None:
                continue
            for kind in rules.KINDS:
                if kind == rules.TRIPS:
                    continue  # agreed by enrolling (seed 003 §4.7.4)
                photos = kind in (rules.HANDOVER_PHOTOS, rules.WEBSITE_PHOTOS)
                if photos and (location.slug, child.first_name) in NO_PHOTOS:
                    continue  # never given: no photos of Bo
                services.decide(child, by=parent, kind=kind, given=True)
            services.record_vaccination(child, by=parent, roles=set(), schedule=rules.FOLLOWS_SCHEDULE,
                                        mandatory_given=True)
