"""Demo: three weeks of menu at KDV Kikker (this week and the next two, in the location's own days), and Mila's milk
allergy on her sheet: on Thursdays, when she comes, the warm meal holds milk, so the cook gets a warning."""
from datetime import timedelta

from django_tenants.utils import schema_context

WEEK = [  # (soup, warm meal with its allergens, afternoon)
    ("Tomatensoep", ("Pasta met groentesaus", ["gluten", "celery"]), ("Appel en boterham", ["gluten"])),
    ("Pompoensoep", ("Rijst met kip en doperwten", []), ("Banaan en rijstwafel", [])),
    ("Erwtensoep", ("Aardappelpuree met wortel en gehaktbal", ["eggs"]), ("Peer en boterham", ["gluten"])),
    ("Preisoep", ("Macaroni met kaassaus", ["gluten", "milk"]), ("Fruitpap", [])),
    ("Courgettesoep", ("Vis met spinazie en aardappelen", ["fish"]), ("Mandarijn en soepstengel", ["gluten",
                                                                                                   "sesame"])),
]


def seed_menus(location) -> None:
    from tenants.attendance.selectors import local_today
    from tenants.child_sheet import selectors as sheets
    from tenants.child_sheet import services as sheet_services
    from tenants.children.models import Child
    from tenants.menus import rules, services

    with schema_context(location.schema_name):
        mila = Child.objects.filter(first_name="Mila").first()
        if mila is not None and not sheets.allergens_by_child([mila.pk])[mila.pk]:
            sheet_services.update_sheet(mila, actor=mila.guardians.first(), allergens=["milk"])
        monday = rules.week_of(local_today())[0]
        for week in range(3):
            for offset, (soup, (lunch, lunch_allergens), (snack, snack_allergens)) in enumerate(WEEK):
                day = monday + timedelta(days=7 * week + offset)
                services.add_dish(day=day, meal=rules.SOUP, name=soup, allergens=["celery"])
                services.add_dish(day=day, meal=rules.LUNCH, name=lunch, allergens=lunch_allergens)
                services.add_dish(day=day, meal=rules.AFTERNOON, name=snack, allergens=snack_allergens)
