"""Demo: three weeks of menu at Kindercentrum De Regenboog (this week and the next two, in the location's own days),
and Deniz's milk allergy on his sheet (unless the sheet already holds allergens): on Thursdays, when he comes, the warm
meal holds his allergen, so the cook gets a warning."""
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
        deniz = Child.objects.filter(first_name="Deniz").first()
        if deniz is None:
            return
        allergens = sheets.allergens_by_child([deniz.pk])[deniz.pk]
        if not allergens:
            sheet_services.update_sheet(deniz, actor=deniz.guardians.first(), allergens=["milk"])
            allergens = {"milk"}
        thursday = sorted(set(WEEK[3][1][1]) | {sorted(allergens)[0]})
        monday = rules.week_of(local_today())[0]
        for week in range(3):
            for offset, (soup, (lunch, lunch_allergens), (snack, snack_allergens)) in enumerate(WEEK):
                day = monday + timedelta(days=7 * week + offset)
                services.add_dish(day=day, meal=rules.SOUP, name=soup, allergens=["celery"])
                services.add_dish(day=day, meal=rules.LUNCH, name=lunch,
                                  allergens=thursday if offset == 3 else lunch_allergens)
                services.add_dish(day=day, meal=rules.AFTERNOON, name=snack, allergens=snack_allergens)
