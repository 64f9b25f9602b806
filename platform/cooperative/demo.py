"""The demo cooperative: six locations, every role, and a parent with children at two locations."""
from datetime import date
from decimal import Decimal

from django.db import transaction
from django_tenants.utils import schema_context

from accounts.models import AdviserAssignment, CooperativeRole, Membership, User
from cooperative.models import Cooperative, Location
from cooperative.services import NewLocation, provision_location
from tenants.children.services import create_child

DEMO_PASSWORD = "kinderopvang-demo"

LOCATIONS = [
    dict(slug="zonnebloem", name="Gastouder De Zonnebloem", kind="gastouder", jurisdiction="NL", city="Utrecht",
         region="Midden", lrk={"gastouder": "123456781"}, places=6, m2="25", owner=("Ilse de Vries", "ilse")),
    dict(slug="boomhut", name="Gastouder De Boomhut", kind="gastouder", jurisdiction="NL", city="Amersfoort",
         region="Midden", lrk={"gastouder": "223456782"}, places=5, m2="22", owner=("Fatima el Amrani", "fatima")),
    dict(slug="kikker", name="Kinderdagverblijf Kikker", kind="kdv", jurisdiction="NL", city="Dordrecht",
         region="Zuid-Holland", lrk={"kdv": "323456783"}, places=32, m2="120", owner=("Marieke Jansen", "marieke")),
    dict(slug="speelwerk", name="BSO Speelwerk", kind="bso", jurisdiction="NL", city="Zwolle",
         region="Oost", lrk={"bso": "423456784"}, places=40, m2="150", owner=("Ruud Bakker", "ruud")),
    dict(slug="regenboog", name="Kindercentrum De Regenboog", kind="kindercentrum", jurisdiction="NL",
         city="Dordrecht", region="Zuid-Holland", lrk={"kdv": "523456785", "bso": "623456786"}, places=60,
         m2="220", owner=("Sanne Visser", "sanne")),
    dict(slug="pagadder", name="Kinderdagverblijf 't Pagadderke", kind="kdv", jurisdiction="BE-VLG", city="Gent",
         region="Oost-Vlaanderen", lrk={}, places=18, m2="70", owner=("Lieve Claes", "lieve")),
]


def email(local: str) -> str:
    return f"{local}@demo.opvangkring.nl"


def _user(local: str, name: str) -> User:
    user, _ = User.objects.get_or_create(email=email(local), defaults={"full_name": name})
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def _child(location, first, last, birth, guardians):
    with schema_context(location.schema_name):
        return create_child(first_name=first, last_name=last, birth_date=birth, guardians=guardians)


@transaction.atomic
def seed_demo() -> list[tuple[str, str, str]]:
    """Create the demo cooperative; returns (role, e-mail, where) for each login."""
    coop = Cooperative.load()
    coop.name = "Coöperatie Opvangkring (demo)"
    coop.save()
    logins = []
    locations = {}
    for spec in LOCATIONS:
        location = provision_location(NewLocation(
            name=spec["name"], slug=spec["slug"], kind=spec["kind"], jurisdiction=spec["jurisdiction"],
            entrepreneur_email=email(spec["owner"][1]), entrepreneur_name=spec["owner"][0], city=spec["city"],
            region=spec["region"], lrk_numbers=spec["lrk"], licensed_places=spec["places"],
            play_space_m2=Decimal(spec["m2"]), opening_date=date(2020, 1, 6),
        ), send_invitation=False)
        _user(spec["owner"][1], spec["owner"][0])
        locations[spec["slug"]] = location
        logins.append(("entrepreneur", email(spec["owner"][1]), location.url))

    admin = _user("beheer", "Anouk Smit")
    CooperativeRole.objects.get_or_create(user=admin, role=CooperativeRole.Role.COOP_ADMIN)
    lead = _user("lead.adviseur", "Pieter de Boer")
    CooperativeRole.objects.get_or_create(user=lead, role=CooperativeRole.Role.ADVISER, is_lead=True)
    adviser = _user("adviseur", "Noor Hendriks")
    CooperativeRole.objects.get_or_create(user=adviser, role=CooperativeRole.Role.ADVISER)
    for slug in ("zonnebloem", "kikker", "regenboog"):
        AdviserAssignment.objects.get_or_create(adviser=adviser, location=locations[slug])
    pedagogue = _user("pedagoog", "Esther Mulder")
    CooperativeRole.objects.get_or_create(user=pedagogue, role=CooperativeRole.Role.PEDAGOGUE)
    for user, role in ((admin, "coop_admin"), (lead, "lead adviser"), (adviser, "adviser"), (pedagogue, "pedagogue")):
        logins.append((role, user.email, "main domain"))

    staff = _user("medewerker.kikker", "Daan Peters")
    Membership.objects.get_or_create(user=staff, location=locations["kikker"], role=Membership.Role.STAFF)
    logins.append(("staff", staff.email, locations["kikker"].url))

    # Ilse, the childminder, looks after her own daughter too: she counts in the group.
    _child(locations["zonnebloem"], "Lotte", "de Vries", date(2023, 3, 14), [User.objects.get(email=email("ilse"))])
    Membership.objects.get_or_create(user=User.objects.get(email=email("ilse")), location=locations["zonnebloem"],
                                     role=Membership.Role.PARENT)

    both = _user("ouder.jansen", "Eva Jansen")  # a baby at the KDV and an older child at the BSO
    family = [
        (both, "kikker", "Mila", "Jansen", date(2025, 6, 2)),
        (both, "speelwerk", "Finn", "Jansen", date(2018, 9, 21)),
        (_user("ouder.bakker", "Tom Bakker"), "zonnebloem", "Saar", "Bakker", date(2024, 1, 10)),
        (_user("ouder.yilmaz", "Elif Yilmaz"), "regenboog", "Deniz", "Yilmaz", date(2022, 11, 5)),
        (_user("ouder.peeters", "Jan Peeters"), "pagadder", "Wout", "Peeters", date(2025, 2, 18)),
        (_user("ouder.smits", "Kim Smits"), "boomhut", "Noah", "Smits", date(2023, 8, 30)),
    ]
    for parent, slug, first, last, birth in family:
        _child(locations[slug], first, last, birth, [parent])
        Membership.objects.get_or_create(user=parent, location=locations[slug], role=Membership.Role.PARENT)
    for parent in {f[0] for f in family}:
        logins.append(("parent", parent.email, "main domain"))
    return logins


def demo_exists() -> bool:
    return Location.objects.exists()
